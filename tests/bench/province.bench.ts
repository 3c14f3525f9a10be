import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../electron/core/db/connection'
import { openPostgres } from '../../electron/core/db/postgres'
import { DEMO_SIZES, generateLarge } from '../../electron/core/demo/large/generate'
import { engineUnderTest, figureTable, type EngineUnderTest } from './engine-figures'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'

// A province (100 bureaus × 10 years, about a million reports): every dashboard figure on SQLite and PostgreSQL
// side by side, against the 50 ms goal. Opt-in, as generating takes many minutes on each engine:
//   DUBAN_BENCH_PROVINCE=1 npm run bench -- tests/bench/province.bench.ts
// Databases generated beforehand (npm run --silent cli -- demo --size province [--out 目录]) are used as they are with
// DUBAN_BENCH_PROVINCE_SQLITE=<目录>/duban.db and DUBAN_BENCH_PROVINCE_PG=postgres://…; otherwise both are generated
// here (the peak memory of the process is printed with the time) and removed afterwards.
const ON = process.env.DUBAN_BENCH_PROVINCE === '1'
const { years, bureaus } = DEMO_SIZES.province
let dir: string
const made: string[] = []
const engines: EngineUnderTest[] = []

async function generate(name: string, opened: OpenedDatabase) {
  let peak = process.memoryUsage().rss
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
  // SQLite's writes are synchronous, so the timer alone would not see them: each plan samples as well
  const sampler = setInterval(sample, 500)
  try {
    const stats = await generateLarge(opened.db, { years, bureaus, onPlan: sample })
    console.log(
      `\n${name}: generated ${stats.plans} plans, ${stats.tasks} tasks, ${stats.reports} reports in ${(stats.ms / 1000).toFixed(0)} s, ` +
        `peak RSS ${Math.round(peak / 1048576)} MB`,
    )
  } finally {
    clearInterval(sampler)
  }
}

async function count(opened: OpenedDatabase) {
  const r = await opened.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

beforeAll(async () => {
  if (!ON) return
  dir = mkdtempSync(join(tmpdir(), 'duban-bench-province-'))
  const liteFile = process.env.DUBAN_BENCH_PROVINCE_SQLITE
  const lite = openDatabase(liteFile || join(dir, 'duban.db'))
  if (!liteFile) await generate('SQLite', lite)
  let url = process.env.DUBAN_BENCH_PROVINCE_PG
  if (!url) made.push((url = await createTestDatabase()))
  const pg = await openPostgres(url)
  if (made.length) await generate('PostgreSQL', pg)
  for (const [name, opened] of [
    ['SQLite', lite],
    ['PostgreSQL', pg],
  ] as const) {
    engines.push(await engineUnderTest(name, opened, dir))
    console.log(`${name}: ${await count(opened)} reports`)
  }
}, 7_200_000)

afterAll(async () => {
  if (!ON) return
  const rows = await figureTable(engines)
  console.log(
    `\nDashboard figures on the province, SQLite and PostgreSQL (median of 15 runs over 3 plans; goal 50 ms; reported, not asserted):`,
  )
  console.table(rows)
  for (const e of engines) await e.opened.close()
  for (const url of made) await dropTestDatabase(url)
  rmSync(dir, { recursive: true, force: true })
}, 600_000)

describe('dashboards on a province', () => {
  test('every figure on both engines', async () => {
    if (!ON)
      console.log('\nprovince.bench.ts: set DUBAN_BENCH_PROVINCE=1 to generate a province (about a million reports per engine) and time it')
  })
})
