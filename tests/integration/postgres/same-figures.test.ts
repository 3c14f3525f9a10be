import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type OpenedDatabase } from '../../../electron/core/db/connection'
import { openPostgres } from '../../../electron/core/db/postgres'
import { generateLarge } from '../../../electron/core/demo/large/generate'
import { dashboardAnalysis, leaderDashboard } from '../../../electron/core/dashboards/leader'
import { overview } from '../../../electron/core/dashboards/service'
import { fixedClock, type Ctx } from '../../../electron/core/context'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

// The same generated data on both engines gives the same dashboard figures, on several days of every plan.
const DAYS = ['2020-09-30', '2021-03-15', '2021-07-20']
let dir: string
let url: string
let lite: OpenedDatabase
let pg: OpenedDatabase

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-same-figures-'))
  lite = openDatabase(join(dir, 'duban.db'))
  url = await createTestDatabase()
  pg = await openPostgres(url)
  await generateLarge(lite.db, { years: 2, bureaus: 2 })
  await generateLarge(pg.db, { years: 2, bureaus: 2 })
}, 300_000)
afterAll(async () => {
  await lite?.close()
  await pg?.close()
  if (url) await dropTestDatabase(url)
  rmSync(dir, { recursive: true, force: true })
})

async function leaderCtx(opened: OpenedDatabase): Promise<Ctx> {
  const u = await opened.db.selectFrom('users').selectAll().where('username', '=', 'juzhang').executeTakeFirstOrThrow()
  return {
    db: opened.db,
    clock: fixedClock('2021-07-20'),
    files: { dir },
    actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id },
  }
}

describe('dashboards on SQLite and PostgreSQL', () => {
  it('give identical figures for the same data and the same as-of days', async () => {
    const [a, b] = [await leaderCtx(lite), await leaderCtx(pg)]
    const plans = (await lite.db.selectFrom('plans').select('id').orderBy('id').execute()).map((p) => p.id)
    expect(plans).toEqual((await pg.db.selectFrom('plans').select('id').orderBy('id').execute()).map((p) => p.id))
    expect(plans.length).toBeGreaterThanOrEqual(4)
    for (const planId of plans) {
      expect(await overview(b, { planId }), `overview of plan ${planId}`).toEqual(await overview(a, { planId }))
      for (const asOf of DAYS) {
        const at = `plan ${planId} on ${asOf}`
        expect(await leaderDashboard(b, { planId, asOf }), at).toEqual(await leaderDashboard(a, { planId, asOf }))
        expect(await dashboardAnalysis(b, { planId, asOf }), at).toEqual(await dashboardAnalysis(a, { planId, asOf }))
      }
    }
  })
})
