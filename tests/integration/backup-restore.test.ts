import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { demoCore, movableClock, type TestCore } from './helpers'
import { openCore } from '../../electron/core/app'
import { migrations } from '../../electron/core/db/migrate'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { importUnreviewed } from '../../electron/core/imports/service'
import { parsePlanText } from '../../electron/core/importers/parser'
import {
  backupNow,
  cancelRestore,
  listBackupsView,
  requestRestore,
  setBackupFolder,
  verifyBackup,
} from '../../electron/core/backup/service'
import { backupStamps, createBackup, snapshotOfDb } from '../../electron/core/backup/create'
import { startBackupScheduler } from '../../electron/core/backup/scheduler'
import { readManifest } from '../../electron/core/backup/manifest'
import { DatabaseRefused } from '../../electron/core/backup/health'
import type { Ctx } from '../../electron/core/context'
import { dispatch } from '../../electron/contract/dispatch'
import { login } from '../../electron/core/users/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'

const root = resolve(__dirname, '../..')
const cli = (args: string[], dataDir: string) =>
  spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DATA_DIR: dataDir },
  })
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% evidence ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

let t: TestCore
let admin: Ctx
let scjg: Ctx

/** The helper's ctxAs keeps the first core; the drill reopens it. */
async function as(username: string): Promise<Ctx> {
  const u = await t.core.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow()
  return {
    db: t.core.db,
    clock: t.clock,
    files: t.core.files,
    actor: { id: u.id, username, displayName: u.display_name, role: u.role, unitId: u.unit_id },
  }
}

/** Every committed report and attachment, as the drill expects to find them again. */
function committed(dir: string) {
  const db = new BetterSqlite3(join(dir, 'duban.db'), { readonly: true })
  try {
    return {
      reports: db.prepare('SELECT id, task_id, percent, progress, status FROM reports ORDER BY id').all(),
      attachments: db.prepare('SELECT id, report_id, sha256, file_name FROM attachments ORDER BY id').all() as { sha256: string }[],
      tasks: (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n,
    }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  t = await demoCore()
  admin = await t.ctxAs('admin')
  scjg = await t.ctxAs('scjg')
  const tasks = await listTasks(admin, { planId: (await listPlans(admin))[0].id })
  const mine = tasks.filter((r) => !r.closedAt && r.leads.some((l) => l.name === '市场监管处')).slice(0, 3)
  for (const [i, task] of mine.entries())
    await submitReport(scjg, {
      taskId: task.id,
      percent: 40 + i,
      progress: `备份演练进展${i}`,
      newFiles: [{ name: `佐证${i}.pdf`, dataBase64: pdf(i).toString('base64') }],
    })
}, 60_000)
afterAll(async () => {
  await t.core.close()
  rmSync(t.dir, { recursive: true, force: true })
})

describe('a backup', () => {
  it('is a folder with the database copy, every referenced evidence file and a manifest of counts and SHA-256', async () => {
    const view = await backupNow(admin)
    expect(view).toMatchObject({ kind: 'manual', kindLabel: '手动', ok: true, fileCount: 3 })
    const path = join(t.dir, 'backups', view.name)
    const m = readManifest(path)!
    expect(m.database.sha256).toBe(sha(readFileSync(join(path, 'duban.db'))))
    expect(m.counts.reports).toBe(committed(t.dir).reports.length)
    expect(m.schemaVersion).toBeGreaterThanOrEqual(5)
    for (const f of m.files) expect(sha(readFileSync(join(path, 'files', f.sha256)))).toBe(f.sha256)
    expect(m.files.map((f) => f.sha256).sort()).toEqual([0, 1, 2].map((i) => sha(pdf(i))).sort())
    const audit = await t.core.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.create').execute()
    expect(audit).toHaveLength(1)
  })

  it('is for the administrator only', async () => {
    await expect(backupNow(await t.ctxAs('office'))).rejects.toMatchObject({ code: 'forbidden' })
    await expect(listBackupsView(scjg)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('fails verification when an evidence file or the database copy is changed, and cannot then be restored', async () => {
    const view = await backupNow(admin)
    const path = join(t.dir, 'backups', view.name)
    const m = readManifest(path)!
    const evidence = join(path, 'files', m.files[0].sha256)
    const bytes = readFileSync(evidence)
    bytes[0] ^= 0xff
    writeFileSync(evidence, bytes)
    const checked = await verifyBackup(admin, { name: view.name })
    expect(checked.ok).toBe(false)
    expect(checked.problems.join()).toContain('SHA-256 不符')
    await expect(requestRestore(admin, { name: view.name, confirmName: view.name })).rejects.toMatchObject({ code: 'backup_invalid' })
    rmSync(path, { recursive: true })
  })

  it('is taken before an import writes, once the database holds a plan', async () => {
    const before = backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'pre-import').length
    const text = '某市邮政管理局2022年工作要点\n一、加强监管\n1. 开展寄递渠道安全专项整治。（市场监管处牵头）\n'
    await importUnreviewed(admin, { draft: parsePlanText(text), text, sourceName: 'small.txt' })
    const pre = backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'pre-import')
    expect(pre).toHaveLength(before + 1)
    expect(pre[0].manifest.counts.plans).toBe(1) // the copy is of the database before the import
  })

  it('is taken daily by the scheduler on the core’s clock, and not twice in a day', async () => {
    const clock = movableClock('2021-07-21T02:00:00+08:00')
    const scheduler = startBackupScheduler({ dataDir: t.dir, db: t.core.db, clock }, { everyMs: 3_600_000 })
    try {
      const first = await scheduler.tick()
      expect(first?.kind).toBe('daily')
      clock.advanceMinutes(60 * 23)
      expect(await scheduler.tick()).toBeNull()
      clock.advanceMinutes(60)
      expect((await scheduler.tick())?.kind).toBe('daily')
    } finally {
      await scheduler.stop()
    }
    expect(backupStamps(join(t.dir, 'backups')).filter((s) => s.kind === 'daily')).toHaveLength(2)
  })

  it('goes to the folder the administrator chooses, which must be a full path that can be written', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'duban-share-'))
    try {
      await expect(setBackupFolder(admin, { folder: 'relative/dir' })).rejects.toMatchObject({ code: 'invalid_input' })
      expect(await setBackupFolder(admin, { folder: elsewhere })).toEqual({ folder: elsewhere })
      const view = await backupNow(admin)
      expect(existsSync(join(elsewhere, view.name, 'manifest.json'))).toBe(true)
      expect((await listBackupsView(admin)).backups.map((b) => b.name)).toEqual([view.name])
    } finally {
      await setBackupFolder(admin, { folder: null })
      rmSync(elsewhere, { recursive: true, force: true })
    }
    expect((await listBackupsView(admin)).folder).toBe(join(t.dir, 'backups'))
  })
})

describe('retention in the backup folder', () => {
  it('keeps the newest 10 manual backups and deletes older ones, leaving other kinds alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'duban-retention-'))
    try {
      const at = (i: number) => new Date(Date.UTC(2021, 6, 1, 1, i))
      const made: string[] = []
      for (let i = 0; i < 12; i++)
        made.push((await createBackup({ dataDir: t.dir, source: snapshotOfDb(t.core.db), kind: 'manual', now: at(i), folder })).name)
      await createBackup({ dataDir: t.dir, source: snapshotOfDb(t.core.db), kind: 'pre-import', now: at(0), folder })
      const left = backupStamps(folder)
      expect(
        left
          .filter((s) => s.kind === 'manual')
          .map((s) => s.name)
          .sort(),
      ).toEqual(made.slice(2).sort())
      expect(left.filter((s) => s.kind === 'pre-import')).toHaveLength(1)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('the backups.* calls', () => {
  it('are for the administrator only, validate their input, and answer with the list', async () => {
    const env = { db: t.core.db, clock: t.clock, files: t.core.files }
    const token = async (username: string) =>
      (await login({ ...env, actor: null }, { username, password: DEMO_PASSWORD }, LOCAL_CALLER)).token
    const office = await token('office')
    const adminToken = await token('admin')
    for (const [method, input] of [
      ['backups.list', {}],
      ['backups.create', {}],
      ['backups.setFolder', { folder: null }],
    ] as const)
      expect(await dispatch(env, method, input, office)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dispatch(env, 'backups.verify', { name: '../../etc' }, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('备份名称不正确') },
    })
    expect(await dispatch(env, 'backups.restore', { name: 'duban-x' }, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch(env, 'backups.verify', { name: 'duban-19990101-000000-manual' }, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const created = (await dispatch(env, 'backups.create', {}, adminToken)) as { ok: true; data: { name: string } }
    expect(created.ok).toBe(true)
    const listed = (await dispatch(env, 'backups.list', {}, adminToken)) as { ok: true; data: { backups: { name: string }[] } }
    expect(listed.data.backups.map((b) => b.name)).toContain(created.data.name)
  })
})

describe('the restore drill', () => {
  it('brings back every committed row and file after the database is deleted, and cli check is clean', { timeout: 240_000 }, async () => {
    t.clock.set('2021-07-23T10:00:00+08:00') // after the scheduler's daily backups above
    const view = await backupNow(admin)
    const expected = committed(t.dir)
    // While the app holds the database, the CLI refuses to restore.
    const busy = cli(['restore', view.name], t.dir)
    expect(busy.status).not.toBe(0)
    expect(busy.stderr).toContain('数据库正被督办台使用')

    await t.core.close()
    for (const s of ['', '-wal', '-shm']) rmSync(join(t.dir, `duban.db${s}`), { force: true })
    const refused = await openCore({ dataDir: t.dir, clock: t.clock }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DatabaseRefused)
    expect((refused as DatabaseRefused).message).toContain('duban.db 不见了')
    expect((refused as DatabaseRefused).latestBackup?.name).toBe(view.name)
    expect((refused as DatabaseRefused).message).toContain(`npm run --silent cli -- restore ${view.name}`)

    const listed = cli(['backups'], t.dir)
    expect(listed.stdout).toContain(`${view.name}  手动`)
    expect(listed.stdout).toContain('✓ 校验通过')
    const restored = cli(['restore', view.name], t.dir)
    expect(restored.stderr).toBe('')
    expect(restored.stdout).toContain(`已恢复备份：${view.name}`)
    expect(restored.stdout).toContain('files.before-restore-')
    const check = cli(['check'], t.dir)
    expect(check.stdout + check.stderr).toContain('检查通过')
    expect(check.status).toBe(0)

    expect(committed(t.dir)).toEqual(expected)
    for (const a of expected.attachments) {
      expect(sha(readFileSync(join(t.dir, 'files', a.sha256.slice(0, 2), a.sha256)))).toBe(a.sha256)
    }
    t.core = await openCore({ dataDir: t.dir, clock: t.clock })
  })

  it('from the 系统维护 page is confirmed by the name, staged, and applied at the next start', async () => {
    admin = await as('admin')
    const view = await backupNow(admin)
    const reportsAtBackup = committed(t.dir).reports.length
    const task = (await listTasks(admin, { planId: (await listPlans(admin))[0].id })).find(
      (r) => !r.closedAt && r.leads.some((l) => l.name === '市场监管处'),
    )!
    await submitReport(await as('scjg'), { taskId: task.id, percent: 99, progress: '备份之后的报送' })
    await expect(requestRestore(admin, { name: view.name, confirmName: '恢复' })).rejects.toMatchObject({ code: 'invalid_input' })
    await requestRestore(admin, { name: view.name, confirmName: view.name })
    expect(await cancelRestore(admin)).toEqual({ cancelled: true })
    expect((await listBackupsView(admin)).pendingRestore).toBeNull()
    await requestRestore(admin, { name: view.name, confirmName: view.name })
    expect((await listBackupsView(admin)).pendingRestore?.backup).toContain(view.name)
    expect(committed(t.dir).reports.length).toBe(reportsAtBackup + 1) // nothing changes while the app runs

    await t.core.close()
    t.core = await openCore({ dataDir: t.dir, clock: t.clock })
    admin = await as('admin')
    expect(committed(t.dir).reports.length).toBe(reportsAtBackup)
    const overview = await listBackupsView(admin)
    expect(overview.pendingRestore).toBeNull()
    expect(overview.lastRestore).toMatchObject({ ok: true, name: view.name })
    // the database the restore replaced is kept aside, with the report written after the backup still in it
    const aside = readdirSync(t.dir).filter((f) => /^duban\.before-restore-.*\.db$/.test(f))
    expect(aside).toHaveLength(1)
    const old = new BetterSqlite3(join(t.dir, aside[0]), { readonly: true })
    expect((old.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(reportsAtBackup + 1)
    old.close()
  })
})

describe('a migration', () => {
  it('is preceded by a backup of the database at its old version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-migrate-'))
    try {
      await (await openCore({ dataDir: dir })).close()
      // the same data folder, holding a database an older release left: schema version 4
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `duban.db${suffix}`), { force: true })
      const raw = new BetterSqlite3(join(dir, 'duban.db'))
      for (const step of migrations.slice(0, 4)) raw.exec(step.sql)
      raw.pragma('user_version = 4')
      raw.close()
      const core = await openCore({ dataDir: dir })
      await core.close()
      const pre = backupStamps(join(dir, 'backups')).filter((s) => s.kind === 'pre-migration')
      expect(pre).toHaveLength(1)
      expect(pre[0].manifest.schemaVersion).toBe(4)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
