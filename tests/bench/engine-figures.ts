/** The dashboard figures timed on both engines: shared by engines.bench.ts (a city) and province.bench.ts. */
import type { OpenedDatabase } from '../../electron/core/db/connection'
import { fixedClock, type Ctx } from '../../electron/core/context'
import { dashboardAnalysis, leaderDashboard } from '../../electron/core/dashboards/leader'
import { overview } from '../../electron/core/dashboards/service'
import { loadSnapshot } from '../../electron/core/dashboards/snapshot'
import { indicatorFigures } from '../../electron/core/dashboards/indicators'

export const TODAY = '2021-07-20'

export interface EngineUnderTest {
  name: string
  opened: OpenedDatabase
  ctx: Ctx
  plans: number[]
}

/** The leader's context and three plans (the first, the middle and the last) of a generated database. */
export async function engineUnderTest(name: string, opened: OpenedDatabase, filesDir: string): Promise<EngineUnderTest> {
  const leader = await opened.db.selectFrom('users').select('id').where('username', '=', 'juzhang').executeTakeFirstOrThrow()
  const ids = (await opened.db.selectFrom('plans').select('id').orderBy('id').execute()).map((p) => p.id)
  const plans = [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]]
  const ctx: Ctx = {
    db: opened.db,
    clock: fixedClock(TODAY),
    files: { dir: filesDir },
    actor: { id: leader.id, username: 'juzhang', displayName: '局长', role: 'leader', unitId: null },
  }
  return { name, opened, ctx, plans }
}

export type Figure = [string, (ctx: Ctx, planId: number) => Promise<unknown>]
export const FIGURES: Figure[] = [
  ['dashboards.leader (all panels)', (ctx, planId) => leaderDashboard(ctx, { planId, asOf: TODAY })],
  ['dashboards.analysis', (ctx, planId) => dashboardAnalysis(ctx, { planId, asOf: TODAY })],
  ['dashboards.overview', (ctx, planId) => overview(ctx, { planId })],
  ['snapshot (tasks as of a day)', (ctx, planId) => loadSnapshot(ctx.db, planId, TODAY, ctx.clock.timeZone)],
  ['indicators', (ctx, planId) => indicatorFigures(ctx.db, planId, TODAY, ctx.clock.timeZone)],
]

/** The median of 15 runs (awaited whether or not `fn` returns a promise: hand-written SQL is synchronous). */
export async function medianMs(fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[7]
}

/** Every figure's median on every engine, one row per figure, against the 50 ms goal. */
export async function figureTable(engines: EngineUnderTest[]): Promise<Record<string, unknown>[]> {
  const rows = []
  for (const [figure, run] of FIGURES) {
    const row: Record<string, unknown> = { figure }
    for (const e of engines) {
      let turn = 0
      const ms = await medianMs(() => run(e.ctx, e.plans[turn++ % e.plans.length]))
      row[`${e.name} ms`] = Math.round(ms * 100) / 100
      row[`${e.name} < 50 ms`] = ms < 50
    }
    rows.push(row)
  }
  return rows
}
