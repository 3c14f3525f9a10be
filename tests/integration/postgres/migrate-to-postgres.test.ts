import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase, type OpenedDatabase, type SqliteDatabase } from '../../../electron/core/db/connection'
import { openPostgres } from '../../../electron/core/db/postgres'
import { copyToPostgres } from '../../../electron/core/db/copy-to-postgres'
import { seedDemo } from '../../../electron/core/demo/seed'
import { demoSamplePath } from '../../../electron/core/paths'
import { DB_FILE } from '../../../electron/core/app'
import { dashboardAnalysis, leaderDashboard } from '../../../electron/core/dashboards/leader'
import { fixedClock, type Ctx } from '../../../electron/core/context'
import type { PostgresDatabase } from '../../../electron/core/db/connection'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

const root = resolve(__dirname, '../../..')
const DAYS = ['2021-03-31', '2021-06-30', '2021-07-20']
let dir: string
let lite: SqliteDatabase
let pg: PostgresDatabase
const urls: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-to-pg-'))
  mkdirSync(join(dir, 'files'), { recursive: true })
  lite = openDatabase(join(dir, DB_FILE))
  await seedDemo({ db: lite.db, clock: fixedClock('2021-07-20'), files: { dir: join(dir, 'files') } }, demoSamplePath())
  urls.push(await createTestDatabase())
  pg = await openPostgres(urls[0])
}, 240_000)
afterAll(async () => {
  await pg?.close()
  await lite?.close()
  for (const url of urls) await dropTestDatabase(url)
  rmSync(dir, { recursive: true, force: true })
})

async function leaderCtx(opened: OpenedDatabase): Promise<Ctx> {
  const u = await opened.db.selectFrom('users').selectAll().where('role', '=', 'leader').orderBy('id').executeTakeFirstOrThrow()
  return {
    db: opened.db,
    clock: fixedClock('2021-07-20'),
    files: { dir: join(dir, 'files') },
    actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id },
  }
}

describe('moving the demo database from SQLite to PostgreSQL', () => {
  it('copies every table with its ids, and the dashboards give identical figures on both engines', async () => {
    const progress: string[] = []
    const copies = await copyToPostgres(lite, pg, (m) => progress.push(m))
    const byTable = Object.fromEntries(copies.map((c) => [c.table, c.rows]))
    for (const table of ['units', 'users', 'plans', 'tasks', 'task_units', 'milestones', 'reports', 'audit_log', 'settings'])
      expect(byTable[table], table).toBeGreaterThan(0)
    expect(progress.some((p) => p.startsWith('reports'))).toBe(true)
    const ids = async (o: OpenedDatabase) => (await o.db.selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id)
    expect(await ids(pg)).toEqual(await ids(lite))

    const [a, b] = [await leaderCtx(lite), await leaderCtx(pg)]
    const planId = (await lite.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id
    for (const asOf of DAYS) {
      expect(await leaderDashboard(b, { planId, asOf }), asOf).toEqual(await leaderDashboard(a, { planId, asOf }))
      expect(await dashboardAnalysis(b, { planId, asOf }), asOf).toEqual(await dashboardAnalysis(a, { planId, asOf }))
    }
  })

  it('refuses a target that already has data', async () => {
    await expect(copyToPostgres(lite, pg)).rejects.toThrow('只能迁移到空的 PostgreSQL 数据库')
  })

  it('runs from the command line and reports each table verified', { timeout: 240_000 }, async () => {
    const url = await createTestDatabase()
    urls.push(url)
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'migrate-to-postgres', '--from', dir, '--to', url], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('行数与校验和全部一致')
    expect(r.stdout).toMatch(/reports\s+\d+ 行/)
  })
})
