/**
 * Taking a backup: a consistent online copy of the database plus the evidence it references, and the manifest.
 * SQLite: VACUUM INTO a copy of the file. PostgreSQL: pg_dump -Fc of one snapshot (./postgres.ts).
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import type { Db } from '../db/connection'
import { engineOf } from '../db/engine'
import { postgresUrlOf } from '../db/postgres'
import { DubanError } from '../errors'
import { appRoot } from '../paths'
import { blobPath } from '../files/store'
import { BACKUP_DB_FILE, countRows, MANIFEST_FILE, readManifest, sha256OfFile, type BackupManifest } from './manifest'
import { backupFolderOf, readMarker, updateMarker } from './marker'
import { BACKUP_DUMP_FILE, dumpPostgres } from './postgres'
import { backupName, backupsToPrune, type BackupKind, type BackupStamp } from './rules'

/**
 * Where the copy comes from. SQLite: the app's own connection, or a fresh connection to the file (CLI, start-up,
 * scheduler). PostgreSQL: the server at a URL, read by pg_dump.
 */
export type SnapshotSource = { vacuumInto(target: string): Promise<void> | void } | { postgresUrl: string }

export const snapshotOfDb = (db: Db): SnapshotSource => {
  if (engineOf(db) === 'postgres') {
    const url = postgresUrlOf(db)
    if (!url) throw new DubanError('unsupported', '无法确定 PostgreSQL 数据库的连接地址，不能备份')
    return { postgresUrl: url }
  }
  return {
    async vacuumInto(target) {
      await sql`VACUUM INTO ${target}`.execute(db)
    },
  }
}

export const snapshotOfUrl = (url: string): SnapshotSource => ({ postgresUrl: url })

export const snapshotOfFile = (dbPath: string): SnapshotSource => ({
  vacuumInto(target) {
    const conn = new BetterSqlite3(dbPath, { fileMustExist: true })
    try {
      conn.pragma('busy_timeout = 5000')
      conn.prepare('VACUUM INTO ?').run(target)
    } finally {
      conn.close()
    }
  },
})

interface DatabaseCopy {
  file: string
  counts: Record<string, number>
  auditMaxId: number
  schemaVersion: number
  shas: string[]
}

/** SQLite: VACUUM INTO, then SQLite's quick_check and the facts read from the copy itself. */
async function copySqlite(source: { vacuumInto(target: string): Promise<void> | void }, partial: string): Promise<DatabaseCopy> {
  const dbCopy = join(partial, BACKUP_DB_FILE)
  await source.vacuumInto(dbCopy)
  const copy = new BetterSqlite3(dbCopy, { fileMustExist: true })
  try {
    const check = copy.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DubanError('database_damaged', `数据库已损坏（${String(check)}），未生成备份，现有备份均保留`)
    const shas = (copy.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all() as { sha256: string }[]).map(
      (r) => r.sha256,
    )
    return { file: BACKUP_DB_FILE, ...countRows(copy), schemaVersion: copy.pragma('user_version', { simple: true }) as number, shas }
  } finally {
    copy.close()
  }
}

async function copyDatabase(source: SnapshotSource, partial: string): Promise<DatabaseCopy & { engine: 'sqlite' | 'postgres' }> {
  if ('postgresUrl' in source)
    return { engine: 'postgres', file: BACKUP_DUMP_FILE, ...(await dumpPostgres(source.postgresUrl, join(partial, BACKUP_DUMP_FILE))) }
  return { engine: 'sqlite', ...(await copySqlite(source, partial)) }
}

export interface BackupResult extends BackupManifest {
  path: string
}

export function writeDurable(path: string, bytes: Buffer | string): void {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

let cachedVersion: string | null = null
export function appVersion(): string {
  if (cachedVersion) return cachedVersion
  try {
    cachedVersion = (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    cachedVersion = 'unknown'
  }
  return cachedVersion
}

/** A blob renamed into the store only after its transaction committed may still be in files/tmp for a moment. */
function findBlob(filesDir: string, sha: string): Buffer | null {
  const candidates = [blobPath(filesDir, sha)]
  const tmp = join(filesDir, 'tmp')
  if (existsSync(tmp)) for (const f of readdirSync(tmp)) if (f.startsWith(`${sha}.`)) candidates.push(join(tmp, f))
  for (const path of candidates) {
    if (!existsSync(path)) continue
    const bytes = readFileSync(path)
    if (createHash('sha256').update(bytes).digest('hex') === sha) return bytes
  }
  return null
}

function uniqueName(folder: string, at: Date, kind: BackupKind): string {
  const base = backupName(at, kind)
  let name = base
  for (let i = 2; existsSync(join(folder, name)) || existsSync(join(folder, `${name}.partial`)); i++) name = `${base}-${i}`
  return name
}

export interface CreateOptions {
  dataDir: string
  source: SnapshotSource
  kind: BackupKind
  now: Date
  /** overrides the folder chosen by the administrator (cli backup --out) */
  folder?: string
}

/** Written into <name>.partial and renamed when complete, so a backup folder without .partial is whole. */
export async function createBackup(opts: CreateOptions): Promise<BackupResult> {
  const folder = opts.folder ?? backupFolderOf(opts.dataDir)
  try {
    mkdirSync(folder, { recursive: true })
  } catch {
    throw new DubanError('backup_folder', `无法使用备份目录：${folder}，请检查路径和权限`)
  }
  const name = uniqueName(folder, opts.now, opts.kind)
  const partial = join(folder, `${name}.partial`)
  mkdirSync(join(partial, 'files'), { recursive: true })
  try {
    const facts = await copyDatabase(opts.source, partial)
    const dbCopy = join(partial, facts.file)
    fsyncFile(dbCopy)
    const files: BackupManifest['files'] = []
    const missingFiles: string[] = []
    for (const sha of facts.shas) {
      const bytes = findBlob(join(opts.dataDir, 'files'), sha)
      if (!bytes) {
        missingFiles.push(sha)
        continue
      }
      writeDurable(join(partial, 'files', sha), bytes)
      files.push({ sha256: sha, size: bytes.byteLength })
    }
    const dbSize = statSync(dbCopy).size
    const manifest: BackupManifest = {
      format: 'duban-backup',
      formatVersion: 1,
      name,
      kind: opts.kind,
      createdAt: opts.now.toISOString(),
      appVersion: appVersion(),
      schemaVersion: facts.schemaVersion,
      dbId: readMarker(opts.dataDir)?.dbId ?? null,
      engine: facts.engine,
      database: { file: facts.file, size: dbSize, sha256: await sha256OfFile(dbCopy) },
      counts: facts.counts,
      auditMaxId: facts.auditMaxId,
      files,
      missingFiles,
    }
    writeDurable(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2))
    renameSync(partial, join(folder, name))
    // the start-up check's baseline is the SQLite file's (PostgreSQL is the server's to watch)
    if (facts.engine === 'sqlite')
      updateMarker(opts.dataDir, (m) => ({
        ...m,
        baseline: { at: manifest.createdAt, auditMaxId: manifest.auditMaxId, counts: manifest.counts },
      }))
    pruneBackups(folder)
    return { ...manifest, path: join(folder, name) }
  } catch (err) {
    rmSync(partial, { recursive: true, force: true })
    throw err
  }
}

/** Every complete backup in a folder (folders with a readable manifest), newest first. */
export function backupStamps(folder: string): (BackupStamp & { path: string; manifest: BackupManifest })[] {
  if (!existsSync(folder)) return []
  const out: (BackupStamp & { path: string; manifest: BackupManifest })[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.endsWith('.partial')) continue
    const path = join(folder, entry.name)
    const manifest = readManifest(path)
    if (manifest) out.push({ name: entry.name, kind: manifest.kind, createdAt: manifest.createdAt, path, manifest })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Deletes only backups the retention rule lets go, and only folders that are our backups. */
export function pruneBackups(folder: string): string[] {
  const stamps = backupStamps(folder)
  const doomed = backupsToPrune(stamps)
  for (const name of doomed) rmSync(join(folder, name), { recursive: true, force: true })
  return doomed
}
