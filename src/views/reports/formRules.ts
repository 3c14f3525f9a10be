import type { FormRules } from 'element-plus'
import { zhReports } from '@/locales/reports'

/** Only what a person should be told before sending; the core checks everything again. */
export const reportRules: FormRules = {
  progress: [{ required: true, whitespace: true, message: zhReports.form.needProgress, trigger: ['blur', 'change'] }],
}

export const reasonRules: FormRules = {
  reason: [{ required: true, whitespace: true, message: zhReports.review.needReason, trigger: ['blur', 'change'] }],
}
