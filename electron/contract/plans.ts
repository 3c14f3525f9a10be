import { z } from 'zod'
import { ALL_ROLES, OFFICE, defineCall } from './define'
import type { PlanDetail, PlanSummary } from '../core/plans/service'
import type { PlanDraft } from '../core/importers/types'
import type { UnitView } from '../core/units/service'

export const id = z.number({ error: '编号必须是数字' }).int().positive()
/** Pasted text is limited like a file: 2 MB of text is far beyond any work plan. */
const planText = z.string().min(1, '请粘贴文件内容').max(2_000_000, '文本过长（超过200万字），请检查是否粘贴了错误内容')

export const planCalls = {
  'units.list': defineCall<UnitView[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.list': defineCall<PlanSummary[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.get': defineCall<PlanDetail>()({ input: z.object({ planId: id }), roles: ALL_ROLES }),
  'plans.preview': defineCall<PlanDraft>()({ input: z.object({ text: planText }), roles: OFFICE }),
  'plans.importText': defineCall<{ planId: number; taskCount: number }>()({
    input: z.object({ text: planText, sourceName: z.string().max(255).nullable().default(null) }),
    roles: OFFICE,
  }),
}
