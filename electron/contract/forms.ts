import { z } from 'zod'
import { defineCall } from './define'
import { id } from './plans'
import { period } from './reports'
import type { ExportedFile } from '../core/exporters/common'
import type { FormPreview } from '../core/exporters/forms/service'
import { MAX_BASE64_CHARS } from '../core/files/rules'

const UNIT_PEOPLE = ['unit_head', 'unit_staff'] as const
const filled = z.object({
  fileBase64: z
    .string()
    .min(1, '文件是空的')
    .max(MAX_BASE64_CHARS, '文件过大')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确'),
})

export const formCalls = {
  /** one Excel report form for a unit and period; office/admin choose the unit, unit people get their own */
  'forms.export': defineCall<ExportedFile>()({
    input: z.object({ period, unitId: id.optional(), planId: id.optional() }),
    roles: ['admin', 'office', ...UNIT_PEOPLE],
  }),
  /** what the filled form would change, per task; a wrong or tampered form is refused with row and reason */
  'forms.preview': defineCall<FormPreview>()({ input: filled, roles: UNIT_PEOPLE }),
  /** files every changed row as a submitted progress report */
  'forms.confirm': defineCall<{ submitted: number[] }>()({ input: filled, roles: UNIT_PEOPLE }),
}
