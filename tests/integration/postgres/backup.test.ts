import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { migrationId, migrations, MIGRATIONS_TABLE } from '../../../electron/core/db/migrate'
import { demoCore, movableClock, type TestCore } from '../helpers'
import { openCore } from '../../../electron/core/app'
import { postgresUrlOf } from '../../../electron/core/db/postgres'
import { dispatch } from '../../../electron/contract/dispatch'
import { login } from '../../../electron/core/users/service'
import { LOCAL_CALLER } from '../../../electron/core/security/caller'
import { DEMO_PASSWORD } from '../../../electron/core/demo/accounts'
import { listPlans } from '../../../electron/core/plans/service'
import { listTasks } from '../../../electron/core/tasks/service'
import { submitReport } from '../../../electron/core/reports/service'
import { overview } from '../../../electron/core/dashboards/service'
import { leaderDashboard } from '../../../electron/core/dashboards/leader'
import { importUnreviewed } from '../../../electron/core/imports/service'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { backupStamps } from '../../../electron/core/backup/create'
import { readManifest } from '../../../electron/core/backup/manifest'
import { findPgTool } from '../../../electron/core/backup/postgres'
import { restoreBackup } from '../../../electron/core/backup/restore'
import { startBackupScheduler } from '../../../electron/core/backup/scheduler'
import type { Ctx } from '../../../electron/core/context'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

// Backups on PostgreSQL: pg_dump -Fc of one snapshot, the same folders, manifest, calls and commands as on SQLite.
const root = resolve(__dirname, '../../..')
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% pg evidence ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

let t: TestCore
let url: string
const extraDbs: string[] = []

function cli(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DATA_DIR: t.dir, DUBAN_DATABASE_URL: url },
  })
}

const env = () => ({ db: t.core.db, clock: t.clock, files: t.core.files })
const token = async (username: string) =>
  (await login({ ...env(), actor: null }, { username, password: DEMO_PASSWORD }, LOCAL_CALLER)).token

async function call<T>(method: string, input: unknown, who = 'admin'): Promise<T> {
  const r = (await dispatch(env(), method as never, input as never, await token(who))) as
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.data
}

async function counts(withAudit = true): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const tables = ['plans', 'tasks', 'reports', 'attachments', 'users', 'notices', ...(withAudit ? ['audit_log'] : [])] as const
  for (const table of tables as readonly ('plans' | 'audit_log')[]) {
    const r = await t.core.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    out[table] = Number(r.n)
  }
  return out
}

/** The dashboard figures of every plan on one day, as the leader sees them. */
async function figures() {
  // not t.ctxAs: that keeps the first core, and the drill reopens it
  const u = await t.core.db.selectFrom('users').selectAll().where('username', '=', 'juzhang').executeTakeFirstOrThrow()
  const ctx: Ctx = {
    ...env(),
    actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id },
  }
  const out: unknown[] = []
  for (const plan of await listPlans(ctx)) {
    out.push(await overview(ctx, { planId: plan.id }))
    out.push(await leaderDashboard(ctx, { planId: plan.id, asOf: '2021-07-20' }))
  }
  return out
}

beforeAll(async () => {
  t = await demoCore()
  url = postgresUrlOf(t.core.db)!
  const admin = await t.ctxAs('admin')
  const scjg = await t.ctxAs('scjg')
  const tasks = await listTasks(admin, { planId: (await listPlans(admin))[0].id })
  const mine = tasks.filter((r) => !r.closedAt && r.leads.some((l) => l.name === '市场监管处')).slice(0, 2)
  for (const [i, task] of mine.entries())
    await submitReport(scjg, {
      taskId: task.id,
      percent: 50 + i,
      progress: `PostgreSQL 备份演练进展${i}`,
      newFiles: [{ name: `佐证${i}.pdf`, dataBase64: pdf(i).toString('base64') }],
    })
}, 120_000)
afterAll(async () => {
  await t.core.close()
  for (const u of extraDbs) await dropTestDatabase(u)
  rmSync(t.dir, { recursive: true, force: true })
})

describe('a backup on PostgreSQL', () => {
  it('is pg_dump -Fc in the same folder layout, with evidence and a manifest of counts and SHA-256', async () => {
    expect(url).toMatch(/^postgres:/)
    const view = await call<{ name: string; kind: string; ok: boolean; fileCount: number }>('backups.create', {})
    expect(view).toMatchObject({ kind: 'manual', ok: true, fileCount: 2 })
    const path = join(t.dir, 'backups', view.name)
    const m = readManifest(path)!
    expect(m.engine).toBe('postgres')
    expect(m.database.file).toBe('duban.dump')
    expect(readFileSync(join(path, 'duban.dump')).subarray(0, 5).toString('latin1')).toBe('PGDMP')
    expect(m.database.sha256).toBe(sha(readFileSync(join(path, 'duban.dump'))))
    const { audit_log: auditNow, ...now } = await counts()
    expect(m.counts).toMatchObject(now)
    expect(m.counts.audit_log).toBeLessThan(auditNow) // the backup.create entry is written after the dump
    expect(m.schemaVersion).toBeGreaterThanOrEqual(13)
    expect(m.files.map((f) => f.sha256).sort()).toEqual([0, 1].map((i) => sha(pdf(i))).sort())
    for (const f of m.files) expect(sha(readFileSync(join(path, 'files', f.sha256)))).toBe(f.sha256)

    const listed = await call<{ backups: { name: string; ok: boolean }[] }>('backups.list', {})
    expect(listed.backups.find((b) => b.name === view.name)?.ok).toBe(true)
    expect(await call('backups.verify', { name: view.name })).toMatchObject({ ok: true, deep: true })
  })

  it('is for the administrator only', async () => {
    await expect(call('backups.create', {}, 'office')).rejects.toThrow(/forbidden/)
  })

  it('fails verification when the dump is damaged, even with a matching checksum', async () => {
    const view = await call<{ name: string }>('backups.create', {})
    const path = join(t.dir, 'backups', view.name)
    const dump = join(path, 'duban.dump')
    const bytes = readFileSync(dump)
    bytes.fill(0x41, 0, 64)
    writeFileSync(dump, bytes)
    expect(await call<{ ok: boolean; problems: string[] }>('backups.verify', { name: view.name })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('SHA-256')],
    })
    // the manifest rewritten to match: pg_restore --list still refuses the file
    const m = readManifest(path)!
    writeFileSync(join(path, 'manifest.json'), JSON.stringify({ ...m, database: { ...m.database, sha256: sha(bytes) } }))
    const again = await call<{ ok: boolean; problems: string[] }>('backups.verify', { name: view.name })
    expect(again.ok).toBe(false)
    expect(again.problems.join()).toContain('pg_restore --list')
    await expect(call('backups.restore', { name: view.name, confirmName: view.name })).rejects.toThrow(/backup_invalid/)
    rmSync(path, { recursive: true })
  })

  it('is taken daily by the scheduler and before an import writes', async () => {
    const clock = movableClock('2021-07-21T02:00:00+08:00')
    const scheduler = startBackupScheduler({ dataDir: t.dir, db: t.core.db, clock }, { everyMs: 3_600_000 })
    try {
      expect((await scheduler.tick())?.engine).toBe('postgres')
      expect(await scheduler.tick()).toBeNull()
    } finally {
      await scheduler.stop()
    }
    const before = backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'pre-import').length
    const text = '某市邮政管理局2022年工作要点\n一、加强监管\n1. 开展寄递渠道安全专项整治。（市场监管处牵头）\n'
    await importUnreviewed(await t.ctxAs('admin'), { draft: parsePlanText(text), text, sourceName: 'pg-small.txt' })
    const pre = backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'pre-import')
    expect(pre).toHaveLength(before + 1)
    expect(pre[0].manifest.engine).toBe('postgres')
  })

  it('finishes a daily backup in flight before the scheduler stops (a pg_dump never outlives its host)', async () => {
    const clock = movableClock('2021-07-30T02:00:00+08:00')
    const scheduler = startBackupScheduler({ dataDir: t.dir, db: t.core.db, clock }, { everyMs: 3_600_000 })
    await scheduler.stop() // the tick at start is running now: stop waits for it
    const daily = backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'daily')
    const newest = daily.find((s) => s.createdAt === '2021-07-29T18:00:00.000Z')
    expect(newest, JSON.stringify(daily.map((s) => s.createdAt))).toBeDefined()
    expect(newest!.manifest.engine).toBe('postgres')
    expect(existsSync(join(newest!.path, 'duban.dump'))).toBe(true)
  })

  it('is taken before a migration, of the database at its old version', async () => {
    const old = await createTestDatabase()
    extraDbs.push(old)
    const client = new pg.Client({ connectionString: old })
    await client.connect()
    try {
      // a database an older release left: every step but the last
      await client.query(`CREATE TABLE ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
      for (const [i, step] of migrations.slice(0, -1).entries()) {
        await client.query(step.postgres)
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} VALUES ($1, 'old')`, [migrationId(i)])
      }
    } finally {
      await client.end()
    }
    const dir = mkdtempSync(join(tmpdir(), 'duban-pg-migrate-'))
    try {
      await (await openCore({ dataDir: dir, databaseUrl: old })).close()
      const pre = backupStamps(join(dir, 'backups')).filter((s) => s.kind === 'pre-migration')
      expect(pre).toHaveLength(1)
      expect(pre[0].manifest).toMatchObject({ engine: 'postgres', schemaVersion: migrations.length - 1 })
      await (await openCore({ dataDir: dir, databaseUrl: old })).close() // up to date: no second backup
      expect(backupStamps(join(dir, 'backups'))).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names the package to install when pg_dump cannot be found', () => {
    expect(() => findPgTool('pg_dump', { env: { PATH: '' }, versionsRoot: join(tmpdir(), 'no-such-postgresql') })).toThrow(
      /postgresql-client/,
    )
  })
})

describe('the restore drill on PostgreSQL', () => {
  it('brings back every row, file and figure after data is dropped, only with the confirmation', { timeout: 300_000 }, async () => {
    t.clock.set('2021-07-23T10:00:00+08:00')
    const view = await call<{ name: string }>('backups.create', {})
    // (the backup.create audit entry comes after the dump)
    const expected = { counts: await counts(false), figures: await figures() }
    const evidence = readManifest(join(t.dir, 'backups', view.name))!.files

    // while the app is connected, the restore is refused
    const busy = cli(['restore', view.name, '--confirm', view.name])
    expect(busy.status).not.toBe(0)
    expect(busy.stderr).toContain('数据库正被使用')

    // the damage: reports and their files gone
    await sql`TRUNCATE reports CASCADE`.execute(t.core.db)
    rmSync(join(t.dir, 'files'), { recursive: true, force: true })
    expect((await counts()).reports).toBe(0)
    await t.core.close()

    const listed = cli(['backups'])
    expect(listed.stdout).toContain(view.name)
    const verified = cli(['verify', view.name])
    expect(verified.stdout).toContain('校验通过')
    expect(verified.status).toBe(0)
    const unconfirmed = cli(['restore', view.name])
    expect(unconfirmed.status).toBe(1)
    expect(unconfirmed.stderr).toContain(`--confirm ${view.name}`)
    const restored = cli(['restore', view.name, '--confirm', view.name])
    expect(restored.stderr).toBe('')
    expect(restored.stdout).toContain(`已恢复备份：${view.name}`)
    expect(restored.stdout).toContain('原有数据已先备份为')
    const check = cli(['check'])
    expect(check.stdout + check.stderr).toContain('检查通过')

    t.core = await openCore({ dataDir: t.dir, clock: t.clock })
    expect(await counts(false)).toEqual(expected.counts)
    expect(await figures()).toEqual(expected.figures)
    for (const f of evidence) expect(existsSync(join(t.dir, 'files', f.sha256.slice(0, 2), f.sha256))).toBe(true)
  })

  it('restores into an empty database without confirmation, and refuses a SQLite target', async () => {
    const view = await call<{ name: string }>('backups.create', {})
    const empty = await createTestDatabase()
    extraDbs.push(empty)
    const other = mkdtempSync(join(tmpdir(), 'duban-pg-restore-'))
    try {
      const result = await restoreBackup({ dataDir: other, backup: join(t.dir, 'backups', view.name), now: new Date(), databaseUrl: empty })
      expect(result).toMatchObject({ keptAside: [], backedUpFirst: undefined }) // nothing there to replace
      const moved = await openCore({ dataDir: other, databaseUrl: empty, clock: t.clock })
      try {
        const n = await moved.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        expect(Number(n.n)).toBe((await counts()).reports)
      } finally {
        await moved.close()
      }
      await expect(
        restoreBackup({ dataDir: other, backup: join(t.dir, 'backups', view.name), now: new Date(), databaseUrl: null }),
      ).rejects.toMatchObject({ code: 'backup_engine' })
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('from the 系统维护 page is staged and applied at the next start', async () => {
    const view = await call<{ name: string }>('backups.create', {})
    const reportsAtBackup = (await counts()).reports
    await sql`DELETE FROM attachments`.execute(t.core.db)
    await sql`DELETE FROM reports WHERE id IN (SELECT id FROM reports ORDER BY id DESC LIMIT 3)`.execute(t.core.db)
    expect((await counts()).reports).toBe(reportsAtBackup - 3)
    await call('backups.restore', { name: view.name, confirmName: view.name })
    expect((await call<{ pendingRestore: unknown }>('backups.list', {})).pendingRestore).not.toBeNull()
    await t.core.close()
    t.core = await openCore({ dataDir: t.dir, clock: t.clock })
    expect((await counts()).reports).toBe(reportsAtBackup)
    const overviewAfter = await call<{ pendingRestore: unknown; lastRestore: { ok: boolean; name: string } }>('backups.list', {})
    expect(overviewAfter.pendingRestore).toBeNull()
    expect(overviewAfter.lastRestore).toMatchObject({ ok: true, name: view.name })
  })
})
