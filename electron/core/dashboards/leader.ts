/** The leader dashboard and the analysis page: each a single call with every figure and drill-down key. */
import type { Ctx } from '../context'
import { DubanError, denied } from '../errors'
import { requireActor, seesAllTasks } from '../users/rules'
import { latestPlanId, reportingDay } from '../reminders/service'
import { loadSnapshot, type PlanInfo, type PlanSnapshot } from './snapshot'
import { completion, livelihood, perList, perSection, perUnit, trend } from './figures'
import type { Completion, LivelihoodPanel, ListFigures, SectionFigures, TrendPoint, UnitFigures } from './figures'
import { indicatorFigures, type IndicatorFigure } from './indicators'
import { analyse, type Analysis } from './analysis'

export interface DashboardInput {
  planId?: number
  /** YYYY-MM-DD; today by default. The state on that day is rebuilt from the report history. */
  asOf?: string
}

export interface LeaderDashboard {
  asOf: string
  plan: PlanInfo
  /** null: the whole plan; a unit id: unit people see their own unit's tasks only */
  scopeUnitId: number | null
  reportingDay: number
  overall: Completion
  lists: ListFigures[]
  units: UnitFigures[]
  sections: SectionFigures[]
  trend: TrendPoint[]
  indicators: IndicatorFigure[]
  livelihood: LivelihoodPanel
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Office, admin and leaders see the whole plan. Unit people get the same figures over the tasks their
 * unit leads or co-operates on, and only their own unit's row: the scope tasks.list already gives them.
 */
export async function dashboardSnapshot(ctx: Ctx, input: DashboardInput): Promise<PlanSnapshot> {
  const actor = requireActor(ctx.actor)
  let scope: number | undefined
  if (!seesAllTasks(actor)) {
    if (actor.unitId === null) throw denied('您的账号未关联处室，无法查看统计')
    scope = actor.unitId
  }
  const today = ctx.clock.today()
  const asOf = input.asOf ?? today
  if (!DAY.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new DubanError('invalid_input', '截至日期格式应为 YYYY-MM-DD')
  if (asOf > today) throw new DubanError('invalid_input', '截至日期不能晚于今天')
  const planId = input.planId ?? (await latestPlanId(ctx))
  if (planId === null) throw new DubanError('not_found', '还没有导入任何工作要点文件')
  return loadSnapshot(ctx.db, planId, asOf, ctx.clock.timeZone, scope)
}

const scopeOf = (ctx: Ctx) => (ctx.actor && !seesAllTasks(ctx.actor) ? ctx.actor.unitId : null)

export async function leaderDashboard(ctx: Ctx, input: DashboardInput): Promise<LeaderDashboard> {
  const snapshot = await dashboardSnapshot(ctx, input)
  const scopeUnitId = scopeOf(ctx)
  const [day, indicators] = await Promise.all([
    reportingDay(ctx),
    indicatorFigures(
      ctx.db,
      snapshot.plan.id,
      snapshot.asOf,
      ctx.clock.timeZone,
      scopeUnitId === null ? undefined : new Set(snapshot.tasks.map((t) => t.id)),
    ),
  ])
  return {
    asOf: snapshot.asOf,
    plan: snapshot.plan,
    scopeUnitId,
    reportingDay: day,
    overall: completion(snapshot.tasks),
    lists: perList(snapshot),
    units: perUnit(snapshot, day, scopeUnitId ?? undefined),
    sections: perSection(snapshot),
    trend: trend(snapshot),
    indicators,
    livelihood: livelihood(snapshot),
  }
}

export async function dashboardAnalysis(ctx: Ctx, input: DashboardInput): Promise<Analysis> {
  return analyse(await dashboardSnapshot(ctx, input))
}
