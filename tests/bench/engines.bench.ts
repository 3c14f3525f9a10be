import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../electron/core/db/connection'
import { openPostgres } from '../../electron/core/db/postgres'
import { generateLarge } from '../../electron/core/demo/large/generate'
import { fixedClock, type Ctx } from '../../electron/core/context'
import { dashboardAnalysis, leaderDashboard } from '../../electron/core/dashboards/leader'
import { overview } from '../../electron/core/dashboards/service'
import { loadSnapshot } from '../../electron/core/dashboards/snapshot'
import { indicatorFigures } from '../../electron/core/dashboards/indicators'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'

// Every dashboard figure on SQLite and on PostgreSQL side by side, on the same generated data
// (10 years × 13 bureaus; DUBAN_BENCH_SIZE=2x2 for a quick look). Needs a PostgreSQL: npm run pg:start.
const TODAY = '2021-07-20'
const [YEARS, BUREAUS] = (process.env.DUBAN_BENCH_SIZE ?? '10x13').split('x').map(Number)
let dir: string
let url: string
const engines: { name: string; opened: OpenedDatabase; ctx: Ctx; plans: number[] }[] = []

async function prepare(name: string, opened: OpenedDatabase) {
  const stats = await generateLarge(opened.db, { years: YEARS, bureaus: BUREAUS })
  console.log(
    `\n${name}: generated ${stats.plans} plans, ${stats.tasks} tasks, ${stats.reports} reports in ${(stats.ms / 1000).toFixed(1)} s`,
  )
  const leader = await opened.db.selectFrom('users').select('id').where('username', '=', 'juzhang').executeTakeFirstOrThrow()
  const ids = (await opened.db.selectFrom('plans').select('id').orderBy('id').execute()).map((p) => p.id)
  const plans = [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]]
  const ctx: Ctx = {
    db: opened.db,
    clock: fixedClock(TODAY),
    files: { dir },
    actor: { id: leader.id, username: 'juzhang', displayName: '局长', role: 'leader', unitId: null },
  }
  engines.push({ name, opened, ctx, plans })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-bench-engines-'))
  await prepare('SQLite', openDatabase(join(dir, 'duban.db')))
  url = await createTestDatabase()
  await prepare('PostgreSQL', await openPostgres(url))
}, 1_800_000)

type Figure = [string, (ctx: Ctx, planId: number) => Promise<unknown>]
const FIGURES: Figure[] = [
  ['dashboards.leader (all panels)', (ctx, planId) => leaderDashboard(ctx, { planId, asOf: TODAY })],
  ['dashboards.analysis', (ctx, planId) => dashboardAnalysis(ctx, { planId, asOf: TODAY })],
  ['dashboards.overview', (ctx, planId) => overview(ctx, { planId })],
  ['snapshot (tasks as of a day)', (ctx, planId) => loadSnapshot(ctx.db, planId, TODAY, ctx.clock.timeZone)],
  ['indicators', (ctx, planId) => indicatorFigures(ctx.db, planId, TODAY, ctx.clock.timeZone)],
]

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[7]
}

afterAll(async () => {
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
  console.log(`\nDashboard figures, SQLite and PostgreSQL on the same data (median of 15 runs over 3 plans; reported, not asserted):`)
  console.table(rows)
  for (const e of engines) await e.opened.close()
  if (url) await dropTestDatabase(url)
  rmSync(dir, { recursive: true, force: true })
}, 600_000)

// Vitest 5 runs benchmarks from the test context; nothing here asserts a time.
describe('dashboards on both engines', () => {
  for (const [figure, run] of FIGURES) {
    test(figure, { timeout: 300_000 }, async ({ bench }) => {
      for (const e of engines) {
        let turn = 0
        await bench(`${figure}: ${e.name}`, () => run(e.ctx, e.plans[turn++ % e.plans.length])).run()
      }
    })
  }
})
