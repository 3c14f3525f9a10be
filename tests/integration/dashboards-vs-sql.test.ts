import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type SqliteDatabase } from '../../electron/core/db/connection'
import { generateLarge } from '../../electron/core/demo/large/generate'
import { loadSnapshot } from '../../electron/core/dashboards/snapshot'
import { completion, perSection, perUnit } from '../../electron/core/dashboards/figures'
import { handWritten } from '../bench/dashboard-sql'

// The dashboard's figures, computed by the service, must agree with the same figures written by hand
// in SQL on a generated database (the benchmark compares their speed; this compares their values).
const DAYS = ['2021-03-15', '2021-07-20', '2021-12-31']
let dir: string
let opened: SqliteDatabase
let sql: ReturnType<typeof handWritten>
let plans: number[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-vs-sql-'))
  opened = openDatabase(join(dir, 'duban.db'))
  await generateLarge(opened.db, { years: 2, bureaus: 2 })
  sql = handWritten(opened.raw)
  plans = (opened.raw.prepare('SELECT id FROM plans ORDER BY id').all() as { id: number }[]).map((p) => p.id)
}, 120_000)
afterAll(async () => {
  await opened.close()
  rmSync(dir, { recursive: true, force: true })
})

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

describe('dashboard figures against hand-written SQL', () => {
  it('count the same tasks per status, per lead unit and per section, on several days of several plans', async () => {
    expect(plans.length).toBeGreaterThanOrEqual(4)
    for (const plan of plans) {
      for (const day of DAYS) {
        const s = await loadSnapshot(opened.db, plan, day, 'Asia/Shanghai')
        const p = { plan, day, year: day.slice(0, 4), reportingDay: 25 }
        const at = `plan ${plan} on ${day}`

        const byStatus = Object.fromEntries(
          completion(s.tasks)
            .byStatus.filter((x) => x.count > 0)
            .map((x) => [x.status, x.count]),
        )
        const sqlStatus = Object.fromEntries((sql.overall.all(p) as { status: string; n: number }[]).map((r) => [r.status, r.n]))
        expect(Object.keys(byStatus).length, at).toBeGreaterThan(0)
        expect(byStatus, at).toEqual(sqlStatus)

        const units = perUnit(s, 25).map((u) => [u.unitId, u.led, u.done, u.behind, u.overdue])
        const sqlUnits = (sql.perUnit.all(p) as { unit_id: number; led: number; done: number; behind: number; overdue: number }[]).map(
          (r) => [r.unit_id, r.led, r.done, r.behind, r.overdue],
        )
        expect(units.sort(), at).toEqual(sqlUnits.sort())

        const sections = perSection(s).map((x) => [
          x.sectionId,
          x.total,
          x.behind,
          x.overdue,
          round(x.avgActualPct),
          round(x.avgPlannedPct),
        ])
        const sqlSections = (
          sql.perSection.all(p) as { section_id: number; n: number; behind: number; overdue: number; actual: number; planned: number }[]
        ).map((r) => [r.section_id, r.n, r.behind, r.overdue, round(r.actual), round(r.planned)])
        expect(sections.sort(), at).toEqual(sqlSections.sort())
      }
    }
  })
})
