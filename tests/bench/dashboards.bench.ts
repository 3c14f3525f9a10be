import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../electron/core/db/connection'
import { generateLarge } from '../../electron/core/demo/large/generate'
import { fixedClock, type Ctx } from '../../electron/core/context'
import { leaderDashboard, dashboardAnalysis } from '../../electron/core/dashboards/leader'
import { loadSnapshot } from '../../electron/core/dashboards/snapshot'
import { completion, perList, perSection, perUnit, trend } from '../../electron/core/dashboards/figures'
import { indicatorFigures } from '../../electron/core/dashboards/indicators'
import { analyse } from '../../electron/core/dashboards/analysis'
import { handWritten } from './dashboard-sql'
import { medianMs } from './engine-figures'

const TODAY = '2021-07-20'
let dir: string
let opened: OpenedDatabase
let ctx: Ctx
let sql: ReturnType<typeof handWritten>
const PLANS = [1, 65, 130] // first bureau's first year, a middle one, the last bureau's year under way
let turn = 0
const nextPlan = () => PLANS[turn++ % PLANS.length]
const params = (plan: number) => ({ plan, day: TODAY, year: '2021', reportingDay: 25 })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-bench-'))
  opened = openDatabase(join(dir, 'duban.db'))
  const stats = await generateLarge(opened.db, { years: 10, bureaus: 13 })
  console.log(`\nGenerated ${stats.plans} plans, ${stats.tasks} tasks, ${stats.reports} reports in ${(stats.ms / 1000).toFixed(1)} s`)
  const leader = opened.raw.prepare(`SELECT id FROM users WHERE username = 'juzhang'`).get() as { id: number }
  ctx = {
    db: opened.db,
    clock: fixedClock(TODAY),
    files: { dir },
    actor: { id: leader.id, username: 'juzhang', displayName: '局长', role: 'leader', unitId: null },
  }
  sql = handWritten(opened.raw)
}, 300_000)

afterAll(async () => {
  const rows = []
  for (const [name, service, handSql] of FIGURES) {
    const s = await medianMs(service)
    const h = await medianMs(handSql)
    rows.push({
      figure: name,
      'service ms': round(s),
      'SQL ms': round(h),
      ratio: round(s / h),
      'under 50 ms': s < 50,
      'within 1.5×': s / h <= 1.5,
    })
  }
  console.log('\nDashboard figures on the generated database (median of 15 runs over 3 plans; targets reported, not asserted):')
  console.table(rows)
  await opened.close()
  rmSync(dir, { recursive: true, force: true })
}, 300_000)

const round = (x: number) => Math.round(x * 100) / 100

const snap = () => loadSnapshot(ctx.db, nextPlan(), TODAY, ctx.clock.timeZone)
/** [figure, through the service, the same figure in hand-written SQL] */
const FIGURES: [string, () => Promise<unknown>, () => unknown][] = [
  [
    'dashboards.leader (all panels)',
    () => leaderDashboard(ctx, { planId: nextPlan() }),
    () => {
      const p = params(nextPlan())
      for (const q of [sql.overall, sql.perList, sql.perUnit, sql.punctuality, sql.perSection, sql.trend, sql.indicators]) q.all(p)
    },
  ],
  [
    'dashboards.analysis',
    () => dashboardAnalysis(ctx, { planId: nextPlan() }),
    () => {
      const p = params(nextPlan())
      sql.shares.all(p)
      sql.closure.all(p)
    },
  ],
  [
    'overall + per list',
    async () => {
      const s = await snap()
      return [completion(s.tasks), perList(s)]
    },
    () => {
      const p = params(nextPlan())
      return [sql.overall.all(p), sql.perList.all(p)]
    },
  ],
  [
    'per unit + punctuality',
    async () => perUnit(await snap(), 25),
    () => {
      const p = params(nextPlan())
      return [sql.perUnit.all(p), sql.punctuality.all(p)]
    },
  ],
  ['per section', async () => perSection(await snap()), () => sql.perSection.all(params(nextPlan()))],
  ['trend by month', async () => trend(await snap()), () => sql.trend.all(params(nextPlan()))],
  ['indicators', () => indicatorFigures(ctx.db, nextPlan(), TODAY, ctx.clock.timeZone), () => sql.indicators.all(params(nextPlan()))],
  [
    'analysis (shares, closure)',
    async () => analyse(await snap()),
    () => {
      const p = params(nextPlan())
      return [sql.shares.all(p), sql.closure.all(p)]
    },
  ],
]

// Vitest 5 runs benchmarks from the test context; nothing here asserts a time.
describe('dashboard queries on 13 bureaus × 10 years', () => {
  for (const [name, service, handSql] of FIGURES) {
    test(`${name}: service`, { timeout: 120_000 }, async ({ bench }) => {
      await bench(`${name}: service`, () => service()).run()
    })
    test(`${name}: hand-written SQL`, { timeout: 120_000 }, async ({ bench }) => {
      await bench(`${name}: SQL`, () => void handSql()).run()
    })
  }
})
