import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import type { PlanDetail, PlanSummary } from '../core/plans/service'
import type { UnitView } from '../core/units/service'

export const id = z.number({ error: '编号必须是数字' }).int().positive()

export const planCalls = {
  'units.list': defineCall<UnitView[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.list': defineCall<PlanSummary[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.get': defineCall<PlanDetail>()({ input: z.object({ planId: id }), roles: ALL_ROLES }),
}
