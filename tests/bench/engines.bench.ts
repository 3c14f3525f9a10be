import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../electron/core/db/connection'
import { openPostgres } from '../../electron/core/db/postgres'
import { generateLarge } from '../../electron/core/demo/large/generate'
import { engineUnderTest, figureTable, FIGURES, type EngineUnderTest } from './engine-figures'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'

// Every dashboard figure on SQLite and on PostgreSQL side by side, on the same generated data
// (10 years × 13 bureaus; DUBAN_BENCH_SIZE=2x2 for a quick look). Needs a PostgreSQL: npm run pg:start.
const [YEARS, BUREAUS] = (process.env.DUBAN_BENCH_SIZE ?? '10x13').split('x').map(Number)
let dir: string
let url: string
const engines: EngineUnderTest[] = []

async function prepare(name: string, opened: OpenedDatabase) {
  const stats = await generateLarge(opened.db, { years: YEARS, bureaus: BUREAUS })
  console.log(
    `\n${name}: generated ${stats.plans} plans, ${stats.tasks} tasks, ${stats.reports} reports in ${(stats.ms / 1000).toFixed(1)} s`,
  )
  engines.push(await engineUnderTest(name, opened, dir))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-bench-engines-'))
  await prepare('SQLite', openDatabase(join(dir, 'duban.db')))
  url = await createTestDatabase()
  await prepare('PostgreSQL', await openPostgres(url))
}, 1_800_000)

afterAll(async () => {
  const rows = await figureTable(engines)
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
