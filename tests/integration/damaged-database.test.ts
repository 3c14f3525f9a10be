import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { closeSync, cpSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { openCore } from '../../electron/core/app'
import { DatabaseRefused } from '../../electron/core/backup/health'
import { backupNow } from '../../electron/core/backup/service'
import { submitReport } from '../../electron/core/reports/service'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { MARKER_FILE } from '../../electron/core/backup/marker'
import { runAcceptCurrent } from '../../electron/cli/backup'

const root = resolve(__dirname, '../..')
let t: TestCore
let good: string // a clean copy of the data folder, closed, with one backup
let crashImage: string // the data folder as a kill -9 would leave it: duban.db, -wal and -shm of an open connection
let backupName: string
const work = mkdtempSync(join(tmpdir(), 'duban-damage-'))

/** A fresh copy of a data folder to damage. */
function copyOf(dir: string, name: string): string {
  const to = join(work, name)
  cpSync(dir, to, { recursive: true })
  rmSync(join(to, '.duban-open'), { recursive: true, force: true })
  return to
}

async function refusal(dataDir: string): Promise<DatabaseRefused> {
  const err = await openCore({ dataDir, clock: t.clock }).then(
    async (core) => {
      await core.close()
      return null
    },
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DatabaseRefused)
  return err as DatabaseRefused
}

/** Deterministic bytes that are not a database. */
function garbage(n: number): Buffer {
  const b = Buffer.alloc(n)
  let x = 2463534242
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    b[i] = x & 0xff
  }
  return b
}

function overwrite(file: string, at: number, bytes: Buffer) {
  const fd = openSync(file, 'r+')
  writeSync(fd, bytes, 0, bytes.length, at)
  closeSync(fd)
}

beforeAll(async () => {
  t = await demoCore()
  const admin = await t.ctxAs('admin')
  const scjg = await t.ctxAs('scjg')
  const tasks = (await listTasks(admin, { planId: (await listPlans(admin))[0].id })).filter(
    (r) => !r.closedAt && r.leads.some((l) => l.name === '市场监管处'),
  )
  for (const [i, task] of tasks.slice(0, 6).entries())
    await submitReport(scjg, { taskId: task.id, percent: 30 + i, progress: `崩溃前的报送${i}` })
  // The backup reads the committed rows from the WAL: its manifest knows them even though duban.db does not yet.
  backupName = (await backupNow(admin)).name
  crashImage = copyOf(t.dir, 'crash-image')
  await t.core.close()
  good = copyOf(t.dir, 'good')
}, 60_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a damaged database at start is refused, in Chinese, with the latest good backup offered', () => {
  it('opens the undamaged copy normally', async () => {
    const core = await openCore({ dataDir: copyOf(good, 'fine'), clock: t.clock })
    await core.close()
  })

  it('refuses an overwritten header instead of throwing a stack trace', async () => {
    const dir = copyOf(good, 'header')
    overwrite(join(dir, 'duban.db'), 0, garbage(100))
    const err = await refusal(dir)
    expect(err.message).toContain('文件头已损坏')
    expect(err.latestBackup?.name).toBe(backupName)
    expect(err.message).toContain(`npm run --silent cli -- restore ${backupName}`)
  })

  it('refuses a database truncated to 0 bytes instead of starting a new install with setup open', async () => {
    const dir = copyOf(good, 'empty')
    truncateSync(join(dir, 'duban.db'), 0)
    expect((await refusal(dir)).message).toContain('0 字节')
    expect(statSync(join(dir, 'duban.db')).size).toBe(0) // and nothing was written in its place
  })

  it('refuses a deleted database when the folder’s marker says one was there, instead of building a demo', async () => {
    const dir = copyOf(good, 'deleted')
    rmSync(join(dir, 'duban.db'))
    const err = await openCore({
      dataDir: dir,
      clock: t.clock,
      demoSample: resolve(root, 'resources/samples/suzhou-2021-work-points.txt'),
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseRefused)
    expect((err as Error).message).toContain('duban.db 不见了')
  })

  it('finds 8 KB of garbage in the middle of the file with quick_check', async () => {
    const dir = copyOf(good, 'middle')
    const file = join(dir, 'duban.db')
    overwrite(file, Math.floor(statSync(file).size / 2 / 4096) * 4096 + 1000, garbage(8192))
    expect((await refusal(dir)).message).toContain('完整性检查未通过')
  })

  it('refuses when the -wal of a crashed run was deleted (its -shm is still there)', async () => {
    const dir = copyOf(crashImage, 'wal-deleted')
    rmSync(join(dir, 'duban.db-wal'))
    expect((await refusal(dir)).message).toContain('duban.db-wal 被删除')
  })

  it('finds the lost reports against the last backup’s manifest when -wal and -shm were both deleted', async () => {
    const dir = copyOf(crashImage, 'wal-and-shm-deleted')
    rmSync(join(dir, 'duban.db-wal'))
    rmSync(join(dir, 'duban.db-shm'))
    const err = await refusal(dir)
    expect(err.message).toMatch(/审计记录比 2021年7月20日 10:00 时少了 6 条/)
  })

  it('opens a database with lost writes only once the administrator accepts it (cli accept-current)', async () => {
    const dir = copyOf(crashImage, 'accepted')
    rmSync(join(dir, 'duban.db-wal'))
    await refusal(dir)
    expect(await runAcceptCurrent(dir)).toBe(0)
    const core = await openCore({ dataDir: dir, clock: t.clock })
    await core.close()
  })

  it('does not let accept-current wave through damage that quick_check finds', async () => {
    const dir = copyOf(good, 'accept-damaged')
    const file = join(dir, 'duban.db')
    overwrite(file, Math.floor(statSync(file).size / 2 / 4096) * 4096 + 1000, garbage(8192))
    await expect(runAcceptCurrent(dir)).rejects.toMatchObject({ code: 'database_damaged' })
  })

  it('opens the crash image itself: a kill leaves nothing to refuse', async () => {
    const core = await openCore({ dataDir: copyOf(crashImage, 'crash-ok'), clock: t.clock })
    const n = await core.db
      .selectFrom('reports')
      .select(core.db.fn.countAll<number>().as('n'))
      .where('progress', 'like', '崩溃前的报送%')
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(6)
    await core.close()
  })

  it('prints the refusal and the restore command on the console for the CLI, with no stack trace', { timeout: 60_000 }, () => {
    const dir = copyOf(good, 'cli-header')
    overwrite(join(dir, 'duban.db'), 0, garbage(100))
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DUBAN_DATA_DIR: dir },
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('督办台拒绝打开数据库')
    expect(r.stderr).toContain(`cli -- restore ${backupName}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('keeps the marker in the data folder from the first start', () => {
    expect(statSync(join(good, MARKER_FILE)).size).toBeGreaterThan(0)
  })
})
