/**
 * The start-up check (issue 9, fault 7). Before the database is opened for use: a restore staged from the
 * 系统维护 page is applied; a missing, empty, overwritten or damaged database is refused, never replaced by a new
 * one; rows lost since the last backup (an old copy put in place, a deleted -wal) are refused; and a database that
 * is about to be migrated is backed up first.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DubanError } from '../errors'
import { migrationId, migrations, MIGRATIONS_TABLE } from '../db/migrate'
import pg from 'pg'
import { backupStamps, createBackup, snapshotOfFile, snapshotOfUrl, writeDurable } from './create'
import { countRows } from './manifest'
import { backupFolderOf, readMarker } from './marker'
import { latestGoodBackup, PENDING_RESTORE_FILE, restoreBackup } from './restore'
import { cnDateTime, lossAgainstBaseline, type Baseline } from './rules'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const REQUIRED_TABLES = ['settings', 'units', 'users', 'plans', 'tasks', 'reports', 'attachments', 'audit_log']

/** Refusal to start; carries the newest good backup so the host can offer it (a dialog button, a printed command). */
export class DatabaseRefused extends DubanError {
  constructor(
    message: string,
    public problems: string[],
    public latestBackup: { name: string; path: string; createdAt: string } | null,
  ) {
    super('database_damaged', message)
    this.name = 'DatabaseRefused'
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

export function restoreCommand(dataDir: string, backupName: string): string {
  return `DUBAN_DATA_DIR=${shellQuote(dataDir)} npm run --silent cli -- restore ${backupName}`
}

async function refuse(dataDir: string, problems: string[]): Promise<never> {
  const good = await latestGoodBackup(backupFolderOf(dataDir)).catch(() => null)
  const latest = good ? { name: good.name, path: good.path, createdAt: good.manifest.createdAt } : null
  const lines = [`督办台拒绝打开数据库，以免在损坏或缺失的数据上继续工作：`, ...problems.map((p) => `  · ${p}`), `数据目录：${dataDir}`]
  if (latest) {
    lines.push(
      `最近一份校验通过的备份：${latest.name}（${cnDateTime(latest.createdAt)}）。`,
      `先关闭督办台（或停止服务器），再在项目目录中执行下面的命令恢复（当前数据库会改名保留，不会删除）：`,
      `  ${restoreCommand(dataDir, latest.name)}`,
    )
  } else {
    lines.push('备份目录中没有校验通过的备份。请联系系统管理员，不要删除数据目录。')
  }
  throw new DatabaseRefused(lines.join('\n'), problems, latest)
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    readSync(fd, buf, 0, 16, 0)
    return buf
  } finally {
    closeSync(fd)
  }
}

/** The baseline in the data folder's marker, or else the newest backup of this database. */
function baselineOf(dataDir: string): Baseline | null {
  const marker = readMarker(dataDir)
  if (marker?.baseline) return marker.baseline
  const newest = backupStamps(backupFolderOf(dataDir)).find((s) => !marker || s.manifest.dbId === marker.dbId)
  return newest ? { at: newest.createdAt, auditMaxId: newest.manifest.auditMaxId, counts: newest.manifest.counts } : null
}

/** A restore asked for from the 系统维护 page; a failure keeps the current database and is reported on the page. */
export async function applyStagedRestore(dataDir: string, now: Date, databaseUrl: string | null = null): Promise<void> {
  const pending = join(dataDir, PENDING_RESTORE_FILE)
  if (!existsSync(pending)) return
  let request: { backup: string; requestedBy: string } = { backup: '', requestedBy: '' }
  try {
    request = JSON.parse(readFileSync(pending, 'utf8')) as typeof request
    // the page's confirmation (the backup's name typed in full) is the one a PostgreSQL database with data needs
    const result = await restoreBackup({ dataDir, backup: request.backup, now, databaseUrl, replaceExisting: true })
    writeDurable(join(dataDir, 'restore-result.json'), JSON.stringify({ ok: true, at: now.toISOString(), ...request, ...result }))
    rmSync(pending, { force: true })
  } catch (err) {
    const message = err instanceof DubanError ? err.message : String(err)
    writeDurable(join(dataDir, 'restore-result.json'), JSON.stringify({ ok: false, at: now.toISOString(), ...request, message }))
    renameSync(pending, join(dataDir, 'restore-failed.json'))
    console.error(`[duban] 计划的恢复没有执行：${message}`)
  }
}

/** Everything that must hold before openDatabase (which would create or migrate the file). */
export async function guardDatabase(dataDir: string, file: string, now: Date): Promise<void> {
  await applyStagedRestore(dataDir, now)
  const marker = readMarker(dataDir)
  if (!existsSync(file)) {
    if (marker) await refuse(dataDir, ['数据库文件 duban.db 不见了（这个数据目录曾经有数据库），不会新建空库或演示库'])
    return
  }
  if (statSync(file).size === 0) await refuse(dataDir, ['数据库文件 duban.db 是空的（0 字节），内容已丢失'])
  if (!readHeader(file).equals(SQLITE_HEADER)) await refuse(dataDir, ['数据库文件 duban.db 的文件头已损坏或被覆盖，不是可用的数据库'])
  if (existsSync(`${file}-shm`) && !existsSync(`${file}-wal`))
    await refuse(dataDir, ['上次异常退出后，预写日志 duban.db-wal 被删除，其中已提交的修改已经丢失'])

  let version = 0
  const problems: string[] = []
  let current: { counts: Record<string, number>; auditMaxId: number } | null = null
  try {
    const probe = new BetterSqlite3(file, { fileMustExist: true })
    try {
      const check = probe.pragma('quick_check', { simple: true })
      if (check !== 'ok') problems.push(`数据库完整性检查未通过（${String(check).slice(0, 200)}）`)
      version = probe.pragma('user_version', { simple: true }) as number
      const tables = new Set(
        (probe.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
      )
      if (version === 0 && marker) problems.push('数据库中没有任何数据表（版本 0），像是被一个空数据库替换了')
      else if (version > 0 && REQUIRED_TABLES.some((t) => !tables.has(t))) problems.push('数据库缺少必要的数据表')
      if (problems.length === 0 && version > 0) current = countRows(probe)
    } finally {
      probe.close()
    }
  } catch (err) {
    problems.push(`数据库无法读取（${(err as Error).message}）`)
  }
  if (problems.length) await refuse(dataDir, problems)
  if (version > migrations.length) return // migrate() refuses with its own message

  const baseline = current ? baselineOf(dataDir) : null
  if (current && baseline) {
    const lost = lossAgainstBaseline(current, baseline)
    if (lost.length) await refuse(dataDir, lost)
  }
  if (version > 0 && version < migrations.length) {
    await createBackup({ dataDir, source: snapshotOfFile(file), kind: 'pre-migration', now })
  }
}

/** Steps a PostgreSQL database with data still lacks; null when it cannot be asked (openPostgres then says why). */
async function pendingPostgresSteps(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 })
  try {
    await client.connect()
  } catch {
    return null
  }
  try {
    const exists = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1`, [MIGRATIONS_TABLE])
    if (exists.rowCount === 0) return 0
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)
    if (rows.length === 0) return 0
    const applied = new Set(rows.map((r) => r.name))
    return migrations.filter((_, i) => !applied.has(migrationId(i))).length
  } finally {
    await client.end()
  }
}

/**
 * PostgreSQL before openPostgres migrates: a restore staged from the 系统维护 page is applied, and a database
 * with data that is about to be migrated is backed up first (pg_dump), as the SQLite file is.
 */
export async function guardPostgresDatabase(dataDir: string, url: string, now: Date): Promise<void> {
  await applyStagedRestore(dataDir, now, url)
  const pending = await pendingPostgresSteps(url)
  if (pending) await createBackup({ dataDir, source: snapshotOfUrl(url), kind: 'pre-migration', now })
}
