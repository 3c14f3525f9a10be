import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import { id } from './plans'
import type { LeaderDashboard } from '../core/dashboards/leader'
import type { Analysis } from '../core/dashboards/analysis'

import { isoDay } from './dates'

export { isoDay }
const dashboardInput = z.object({ planId: id.optional(), asOf: isoDay.optional() })

/** Unit people are let in: the core narrows the figures to their own unit's tasks. */
export const dashboardCalls = {
  'dashboards.leader': defineCall<LeaderDashboard>()({ input: dashboardInput, roles: ALL_ROLES }),
  'dashboards.analysis': defineCall<Analysis>()({ input: dashboardInput, roles: ALL_ROLES }),
}
