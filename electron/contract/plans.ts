import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import type { PlanDetail, PlanSummary } from '../core/plans/service'
import type { UnitView } from '../core/units/service'

export const id = z.int32({ error: '编号必须是数字' }).positive()

export const planCalls = {
  'units.list': defineCall<UnitView[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.list': defineCall<PlanSummary[]>()({ input: z.object({}), roles: ALL_ROLES }),
  'plans.get': defineCall<PlanDetail>()({ input: z.object({ planId: id }), roles: ALL_ROLES }),
  /** the abbreviation of a list's task codes (要点15); null or empty: back to the default */
  'plans.setListAbbr': defineCall<{ listId: number; abbr: string }>()({
    input: z.object({ listId: id, abbr: z.string().max(20, '简称过长').nullable() }),
    roles: ['admin', 'office'],
  }),
}
