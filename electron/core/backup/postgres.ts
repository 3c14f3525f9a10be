/**
 * Backups of a PostgreSQL database, taken by the app itself: `pg_dump -Fc` of one exported snapshot, with the row
 * counts and evidence list read in that same snapshot, so the manifest describes exactly the dump beside it.
 * The tools run as child processes with an argument list (never a shell string); the password goes through
 * PGPASSWORD, so it never shows in a process list.
 */
import { spawn, execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import pg from 'pg'
import { DubanError } from '../errors'
import { MIGRATIONS_TABLE } from '../db/migrate'

export const BACKUP_DUMP_FILE = 'duban.dump'

type PgTool = 'pg_dump' | 'pg_restore'

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * pg_dump / pg_restore: on PATH, else in `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin.
 * A missing tool is an error that says what to install.
 */
export function findPgTool(name: PgTool, opts: { env?: NodeJS.ProcessEnv; versionsRoot?: string } = {}): string {
  const env = opts.env ?? process.env
  const file = process.platform === 'win32' ? `${name}.exe` : name
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && executable(join(dir, file))) return join(dir, file)
  const pgConfig = (env.PATH ?? '')
    .split(delimiter)
    .map((dir) => dir && join(dir, process.platform === 'win32' ? 'pg_config.exe' : 'pg_config'))
    .find((p) => p && executable(p))
  if (pgConfig) {
    try {
      const bindir = execFileSync(pgConfig, ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      if (bindir && executable(join(bindir, file))) return join(bindir, file)
    } catch {
      // a broken pg_config: try the usual folders
    }
  }
  const root = opts.versionsRoot ?? '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (executable(join(root, v, 'bin', file))) return join(root, v, 'bin', file)
  }
  throw new DubanError(
    'pg_tools_missing',
    `找不到 PostgreSQL 的 ${name} 程序，无法备份或恢复 PostgreSQL 数据库。请在本机安装 postgresql-client（Debian/Ubuntu：apt install postgresql-client，版本不低于数据库服务器），或把 ${name} 所在目录加入 PATH`,
  )
}

/** The URL for --dbname without its password, and the environment carrying the password. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? '15' }
  if (password) env.PGPASSWORD = password
  return { dbname: u.toString(), env }
}

/** Runs a tool; resolves with its exit code and the end of its error output. */
function runTool(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }))
  })
}

/** The last lines of a tool's complaint, without the password-free URL it may repeat. */
const tail = (stderr: string) => stderr.split('\n').slice(-3).join(' ').slice(0, 500)

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export interface PostgresFacts {
  counts: Record<string, number>
  auditMaxId: number
  schemaVersion: number
  shas: string[]
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The app's tables in the connection's schema. */
async function appTables(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  )
  return rows.map((r) => r.tablename)
}

async function readFacts(c: pg.Client): Promise<PostgresFacts> {
  const tables = await appTables(c)
  const counts: Record<string, number> = {}
  for (const t of tables) {
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(t)}`)
    counts[t] = Number(rows[0].n)
  }
  const has = (t: string) => tables.includes(t)
  const auditMaxId = has('audit_log')
    ? Number((await c.query<{ m: string }>('SELECT coalesce(max(id), 0) AS m FROM audit_log')).rows[0].m)
    : 0
  const schemaVersion = counts[MIGRATIONS_TABLE] ?? 0
  const shas = has('attachments')
    ? (await c.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256')).rows.map((r) => r.sha256)
    : []
  return { counts, auditMaxId, schemaVersion, shas }
}

/**
 * pg_dump -Fc of one snapshot: a read-only repeatable-read transaction exports its snapshot, counts rows and lists
 * evidence in it, and stays open while pg_dump reads the same snapshot (--snapshot).
 */
export async function dumpPostgres(url: string, target: string): Promise<PostgresFacts> {
  const pgDump = findPgTool('pg_dump')
  const { dbname, env } = toolConnection(url)
  return withClient(url, async (c) => {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      const snapshot = (await c.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s
      const facts = await readFacts(c)
      const run = await runTool(
        pgDump,
        ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${target}`, `--dbname=${dbname}`],
        env,
      )
      if (run.code !== 0) throw new DubanError('backup_failed', `pg_dump 备份失败，现有备份均保留：${tail(run.stderr)}`)
      return facts
    } finally {
      await c.query('COMMIT')
    }
  })
}

/** Deep check of a dump: pg_restore can read its table of contents. Returns problems (empty when fine). */
export async function checkDump(file: string): Promise<string[]> {
  const run = await runTool(findPgTool('pg_restore'), ['--list', file], process.env)
  return run.code === 0 ? [] : [`数据库备份文件无法读取（pg_restore --list：${tail(run.stderr)}）`]
}

/** Row counts and the rest, read now: what a restore is compared against. */
export const postgresFacts = (url: string) => withClient(url, readFacts)

/**
 * Restores a dump into the configured database. Refused while any other client is connected. An empty database
 * (no tables) takes the dump as is; a database with tables is replaced only when the caller has the administrator's
 * explicit confirmation, and never by a backup of an older schema (its newer tables would stay behind): then
 * restore into a new empty database instead. pg_restore runs in one transaction, so a failure leaves the database
 * exactly as it was.
 */
export async function restorePostgres(
  url: string,
  file: string,
  opts: {
    backupName: string
    backupSchemaVersion: number
    replaceExisting: boolean
    /** runs once the checks pass and before existing data is replaced (the caller backs it up) */
    beforeReplace?: () => Promise<void>
  },
): Promise<{ replaced: boolean }> {
  const pgRestore = findPgTool('pg_restore')
  const state = await withClient(url, async (c) => {
    const others = Number(
      (
        await c.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        )
      ).rows[0].n,
    )
    const tables = await appTables(c)
    const version = tables.includes(MIGRATIONS_TABLE)
      ? Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`)).rows[0].n)
      : 0
    return { others, empty: tables.length === 0, version }
  })
  if (state.others > 0)
    throw new DubanError(
      'database_in_use',
      `数据库正被使用（另有 ${state.others} 个连接），不能恢复。请先停止督办台服务器和其他连接到该数据库的程序，再执行恢复`,
    )
  if (!state.empty && !opts.replaceExisting)
    throw new DubanError(
      'restore_needs_confirm',
      `目标数据库中已有数据。恢复会整体替换现有数据：确认无误后请加上 --confirm ${opts.backupName} 再执行（恢复前会先把现有数据另做一份备份）；或恢复到一个新建的空数据库`,
    )
  if (!state.empty && state.version > opts.backupSchemaVersion)
    throw new DubanError(
      'restore_older_schema',
      '这份备份来自较旧的程序版本，不能覆盖到现有数据库上。请新建一个空数据库，把 DUBAN_DATABASE_URL 指向它后再恢复',
    )
  if (!state.empty) await opts.beforeReplace?.()
  const { dbname, env } = toolConnection(url)
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges']
  if (!state.empty) args.push('--clean', '--if-exists')
  const run = await runTool(pgRestore, [...args, `--dbname=${dbname}`, file], env)
  if (run.code !== 0) throw new DubanError('restore_failed', `pg_restore 恢复失败，数据库保持原样：${tail(run.stderr)}`)
  return { replaced: !state.empty }
}
