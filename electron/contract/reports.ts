import { z } from 'zod'
import { ALL_ROLES, OFFICE, defineCall } from './define'
import { id } from './plans'
import type { ReportView } from '../core/reports/view'
import type { ReportDetail } from '../core/reports/service'
import type { AttachmentView } from '../core/reports/queries'
import { MAX_BASE64_CHARS, MAX_FILE_BYTES } from '../core/files/rules'
import { reportRevision } from './versions'

const UNIT_PEOPLE = ['unit_head', 'unit_staff'] as const
import { period } from './dates'

export { period }

/** Checked on its length before anything decodes it. */
export const upload = z.object({
  name: z.string().trim().min(1, '请提供文件名').max(1000, '文件名过长，请将文件改名缩短后再上传'),
  dataBase64: z
    .string()
    .min(1, '文件是空的')
    .max(MAX_BASE64_CHARS, `文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，请压缩后再上传`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确'),
})

const reportInput = z
  .object({
    taskId: id,
    period: period.optional(),
    percent: z.number({ error: '完成进度必须是数字' }).int('完成进度应为整数').min(0, '完成进度不能小于0').max(100, '完成进度不能超过100'),
    // may be empty when the unit reports 本期无新进展 with a reason (checked below and in the core)
    progress: z.string().trim().max(5000, '进展情况不超过5000字'),
    problems: z.string().max(5000, '存在问题不超过5000字').optional(),
    nextSteps: z.string().max(5000, '下步打算不超过5000字').optional(),
    isFinal: z.boolean().optional(),
    noChange: z.boolean().optional(),
    noChangeReason: z.string().trim().max(2000, '无新进展的原因不超过2000字').nullable().optional(),
    indicatorValues: z
      .array(z.object({ indicatorId: id, value: z.number({ error: '指标实际值必须是数字' }).finite() }))
      .max(100)
      .optional(),
    attachmentIds: z.array(id).max(30, '佐证材料最多30个').optional(),
    newFiles: z.array(upload).max(10, '一次最多上传10个文件').optional(),
    revision: reportRevision,
  })
  .superRefine((r, c) => {
    if (r.noChange && !r.noChangeReason) c.addIssue({ code: 'custom', path: ['noChangeReason'], message: '选择“本期无新进展”时请说明原因' })
    if (!r.noChange && !r.progress) c.addIssue({ code: 'custom', path: ['progress'], message: '请填写进展情况' })
  })

export const reportCalls = {
  'reports.saveDraft': defineCall<ReportView>()({ input: reportInput, roles: UNIT_PEOPLE }),
  'reports.submit': defineCall<ReportView>()({ input: reportInput, roles: UNIT_PEOPLE }),
  'reports.review': defineCall<ReportView>()({
    input: z.object({
      reportId: id,
      decision: z.enum(['approve', 'return'], { error: '请选择通过或退回' }),
      reason: z.string().max(2000, '退回原因不超过2000字').optional(),
      opinion: z.string().max(2000, '审核意见不超过2000字').optional(),
    }),
    roles: OFFICE,
  }),
  'reports.get': defineCall<ReportDetail>()({ input: z.object({ reportId: id }), roles: ALL_ROLES }),
  'reports.listForTask': defineCall<ReportView[]>()({ input: z.object({ taskId: id }), roles: ALL_ROLES }),
  'reports.pending': defineCall<ReportView[]>()({ input: z.object({ planId: id.optional() }), roles: OFFICE }),
  /** 已审核: the latest decisions first */
  'reports.reviewed': defineCall<ReportView[]>()({
    input: z.object({ planId: id.optional(), limit: z.int32().min(1).max(500).optional() }),
    roles: OFFICE,
  }),
  /** 撤回: the unit takes back a submitted report before the office reviews it */
  'reports.withdraw': defineCall<ReportView>()({
    input: z.object({ reportId: id, revision: z.int32().min(1) }),
    roles: UNIT_PEOPLE,
  }),
  'reports.deleteDraft': defineCall<{ ok: true }>()({ input: z.object({ reportId: id }), roles: UNIT_PEOPLE }),
  'files.upload': defineCall<AttachmentView>()({ input: upload, roles: ['admin', 'office', ...UNIT_PEOPLE] }),
  'files.read': defineCall<{ id: number; fileName: string; mime: string; size: number; dataBase64: string }>()({
    input: z.object({ attachmentId: id }),
    roles: ALL_ROLES,
  }),
}
