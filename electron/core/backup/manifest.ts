/** A backup's manifest.json, and checking a backup folder against it. */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { BackupKind } from './rules'
import { checkDump } from './postgres'

export const MANIFEST_FILE = 'manifest.json'
export const BACKUP_DB_FILE = 'duban.db'

export interface BackupManifest {
  format: 'duban-backup'
  formatVersion: 1
  name: string
  kind: BackupKind
  createdAt: string
  appVersion: string
  schemaVersion: number
  dbId: string | null
  /** which engine the copy is of: a SQLite file (duban.db) or a pg_dump custom-format dump (duban.dump); absent = sqlite */
  engine?: 'sqlite' | 'postgres'
  database: { file: string; size: number; sha256: string }
  counts: Record<string, number>
  auditMaxId: number
  files: { sha256: string; size: number }[]
  /** evidence the database names but the store did not have when the backup was taken */
  missingFiles: string[]
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Row counts of the app's own tables (full-text index tables are rebuilt from them and left out). */
export function countRows(raw: BetterSqlite3.Database): { counts: Record<string, number>; auditMaxId: number } {
  const tables = raw
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '%_search' AND name NOT LIKE '%_search_%' ORDER BY name`,
    )
    .all() as { name: string }[]
  const counts: Record<string, number> = {}
  for (const { name } of tables) counts[name] = (raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n
  const audit =
    counts.audit_log === undefined ? 0 : (raw.prepare('SELECT coalesce(max(id), 0) AS m FROM audit_log').get() as { m: number }).m
  return { counts, auditMaxId: audit }
}

export function readManifest(dir: string): BackupManifest | null {
  const file = join(dir, MANIFEST_FILE)
  if (!existsSync(file)) return null
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest
    return m.format === 'duban-backup' && m.formatVersion === 1 ? m : null
  } catch {
    return null
  }
}

export interface Verification {
  ok: boolean
  /** true when every SHA-256 was recomputed; false for the quick check (presence and sizes only) */
  deep: boolean
  problems: string[]
  /** not a fault of the backup itself: evidence already missing from the data folder when it was taken */
  warnings: string[]
}

/**
 * Quick: the manifest, the database copy and every file are there with the recorded sizes.
 * Deep: also every SHA-256, and SQLite's own quick_check of the copy (PostgreSQL: pg_restore --list reads the dump).
 */
export async function verifyBackupDir(dir: string, deep: boolean): Promise<Verification> {
  const problems: string[] = []
  const m = readManifest(dir)
  if (!m) return { ok: false, deep, problems: ['缺少或无法读取 manifest.json'], warnings: [] }
  const dbPath = join(dir, m.database.file)
  if (!existsSync(dbPath)) problems.push('数据库副本缺失')
  else if (statSync(dbPath).size !== m.database.size) problems.push('数据库副本大小与清单不符')
  else if (deep) {
    if ((await sha256OfFile(dbPath)) !== m.database.sha256) problems.push('数据库副本的 SHA-256 与清单不符')
    else if (m.engine === 'postgres') problems.push(...(await checkDump(dbPath)))
    else {
      const copy = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true })
      try {
        const result = copy.pragma('quick_check', { simple: true })
        if (result !== 'ok') problems.push(`数据库副本损坏：${String(result)}`)
      } finally {
        copy.close()
      }
    }
  }
  for (const f of m.files) {
    const path = join(dir, 'files', f.sha256)
    if (!existsSync(path)) problems.push(`佐证材料 ${f.sha256.slice(0, 12)}… 缺失`)
    else if (statSync(path).size !== f.size) problems.push(`佐证材料 ${f.sha256.slice(0, 12)}… 大小不符`)
    else if (deep && (await sha256OfFile(path)) !== f.sha256) problems.push(`佐证材料 ${f.sha256.slice(0, 12)}… 的 SHA-256 不符`)
  }
  const warnings = m.missingFiles.map((sha) => `备份时数据目录中已缺少佐证材料 ${sha.slice(0, 12)}…`)
  return { ok: problems.length === 0, deep, problems, warnings }
}
