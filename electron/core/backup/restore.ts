/**
 * Restoring a backup into a data folder. The backup is verified first (every SHA-256); the current database and
 * evidence folder are renamed aside with a timestamp, never deleted; the backup replaces them whole, never merged.
 * Runs only while no other process has the database open.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { DubanError } from '../errors'
import { backupStamps, createBackup, snapshotOfUrl, writeDurable } from './create'
import { postgresFacts, restorePostgres } from './postgres'
import { BACKUP_DB_FILE, readManifest, verifyBackupDir, type BackupManifest, type Verification } from './manifest'
import { otherHolders } from './holders'
import { backupFolderOf, ensureMarker, readMarker, writeMarker } from './marker'

const DB = 'duban.db'

/** A backup named by its folder name (in the backup folder) or by a path. */
export function resolveBackup(dataDir: string, nameOrPath: string): string {
  if (/[\\/]/.test(nameOrPath) || isAbsolute(nameOrPath)) {
    const path = resolve(nameOrPath)
    if (readManifest(path)) return path
  } else {
    const path = join(backupFolderOf(dataDir), nameOrPath)
    if (/^[\w.-]+$/.test(nameOrPath) && readManifest(path)) return path
  }
  throw new DubanError('not_found', `找不到备份“${nameOrPath}”，请用 backups 命令查看可用的备份`)
}

const stampOf = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')

export interface RestoreResult {
  name: string
  restoredFrom: string
  keptAside: string[]
  /** PostgreSQL: the backup taken of the data the restore replaced */
  backedUpFirst?: string
}

export interface RestoreOptions {
  dataDir: string
  backup: string
  now: Date
  /** PostgreSQL: the configured database (DUBAN_DATABASE_URL); a PostgreSQL backup is restored only there */
  databaseUrl?: string | null
  /** PostgreSQL: the administrator confirmed replacing a database that has data (cli --confirm 名称, the page's confirmation) */
  replaceExisting?: boolean
}

/** The evidence from the backup, made complete in files.restoring beside the live folder. */
function prepareFiles(dataDir: string, path: string, manifest: BackupManifest): string {
  const filesIncoming = join(dataDir, 'files.restoring')
  rmSync(filesIncoming, { recursive: true, force: true })
  for (const f of manifest.files) {
    mkdirSync(join(filesIncoming, f.sha256.slice(0, 2)), { recursive: true })
    copyFileSync(join(path, 'files', f.sha256), join(filesIncoming, f.sha256.slice(0, 2), f.sha256))
  }
  mkdirSync(filesIncoming, { recursive: true })
  return filesIncoming
}

/** The live files/ renamed aside (never deleted), the backup's put in its place. */
function swapFiles(dataDir: string, filesIncoming: string, stamp: string, keptAside: string[]): void {
  const liveFiles = join(dataDir, 'files')
  if (existsSync(liveFiles)) {
    const aside = join(dataDir, `files.before-restore-${stamp}`)
    renameSync(liveFiles, aside)
    keptAside.push(aside)
  }
  renameSync(filesIncoming, liveFiles)
}

/**
 * PostgreSQL: the dump goes into the configured database with pg_restore in one transaction (./postgres.ts decides
 * when that is allowed). A database that had data is first backed up itself, the counterpart of keeping the SQLite
 * file aside; afterwards every table's row count is compared with the manifest.
 */
async function restoreIntoPostgres(opts: RestoreOptions & { databaseUrl: string }, path: string, manifest: BackupManifest) {
  const stamp = stampOf(opts.now)
  const keptAside: string[] = []
  let backedUpFirst: string | undefined
  const filesIncoming = prepareFiles(opts.dataDir, path, manifest)
  try {
    await restorePostgres(opts.databaseUrl, join(path, manifest.database.file), {
      backupName: manifest.name,
      backupSchemaVersion: manifest.schemaVersion,
      replaceExisting: opts.replaceExisting === true,
      beforeReplace: async () => {
        const safety = await createBackup({
          dataDir: opts.dataDir,
          source: snapshotOfUrl(opts.databaseUrl),
          kind: 'manual',
          now: opts.now,
        })
        backedUpFirst = safety.path
      },
    })
  } catch (err) {
    rmSync(filesIncoming, { recursive: true, force: true })
    throw err
  }
  const restored = (await postgresFacts(opts.databaseUrl)).counts
  const differ = Object.keys(manifest.counts).filter((t) => restored[t] !== manifest.counts[t])
  swapFiles(opts.dataDir, filesIncoming, stamp, keptAside)
  if (differ.length) throw new DubanError('restore_failed', `恢复后这些表的行数与备份清单不符：${differ.join('、')}，请联系系统管理员`)
  return { name: manifest.name, restoredFrom: path, keptAside, backedUpFirst }
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const chosen = resolveBackup(opts.dataDir, opts.backup)
  const engine = readManifest(chosen)?.engine ?? 'sqlite'
  if (engine === 'postgres' && !opts.databaseUrl)
    throw new DubanError('backup_engine', '这是 PostgreSQL 数据库的备份：请设置 DUBAN_DATABASE_URL 指向要恢复到的数据库后再恢复')
  if (engine === 'sqlite' && opts.databaseUrl)
    throw new DubanError(
      'backup_engine',
      '这是 SQLite 数据库的备份，不能直接恢复到 PostgreSQL：请不设 DUBAN_DATABASE_URL 恢复到数据目录，再用 migrate-to-postgres 迁移',
    )
  if (opts.databaseUrl) {
    const verification = await verifyBackupDir(chosen, true)
    if (!verification.ok) throw new DubanError('backup_invalid', `备份校验未通过，未恢复：${verification.problems.join('；')}`)
    return restoreIntoPostgres({ ...opts, databaseUrl: opts.databaseUrl }, chosen, readManifest(chosen)!)
  }
  const holders = otherHolders(opts.dataDir)
  if (holders.length > 0)
    throw new DubanError(
      'database_in_use',
      `数据库正被督办台使用（进程 ${holders.join('、')}），不能恢复。请先关闭督办台窗口或停止服务器，再执行恢复`,
    )
  const path = chosen
  const verification = await verifyBackupDir(path, true)
  if (!verification.ok) throw new DubanError('backup_invalid', `备份校验未通过，未恢复：${verification.problems.join('；')}`)
  const manifest = readManifest(path)!

  const stamp = stampOf(opts.now)
  const keptAside: string[] = []
  // New copies are made complete beside the live names first, so a failure here leaves everything as it was.
  const dbIncoming = join(opts.dataDir, `${DB}.restoring`)
  rmSync(dbIncoming, { force: true })
  copyFileSync(join(path, BACKUP_DB_FILE), dbIncoming)
  const filesIncoming = prepareFiles(opts.dataDir, path, manifest)

  for (const suffix of ['', '-wal', '-shm']) {
    const live = join(opts.dataDir, `${DB}${suffix}`)
    if (!existsSync(live)) continue
    const aside = join(opts.dataDir, `duban.before-restore-${stamp}.db${suffix}`)
    renameSync(live, aside)
    keptAside.push(aside)
  }
  swapFiles(opts.dataDir, filesIncoming, stamp, keptAside)
  renameSync(dbIncoming, join(opts.dataDir, DB))

  const marker = readMarker(opts.dataDir) ?? ensureMarker(opts.dataDir, opts.now)
  writeMarker(opts.dataDir, {
    ...marker,
    dbId: manifest.dbId ?? marker.dbId,
    baseline: { at: manifest.createdAt, auditMaxId: manifest.auditMaxId, counts: manifest.counts },
  })
  return { name: manifest.name, restoredFrom: path, keptAside }
}

export interface BackupEntry {
  name: string
  path: string
  manifest: BackupManifest
  sizeBytes: number
  verification: Verification
}

export async function listBackups(folder: string, deep: boolean): Promise<BackupEntry[]> {
  const out: BackupEntry[] = []
  for (const s of backupStamps(folder)) {
    const sizeBytes = s.manifest.database.size + s.manifest.files.reduce((n, f) => n + f.size, 0)
    out.push({ name: s.name, path: s.path, manifest: s.manifest, sizeBytes, verification: await verifyBackupDir(s.path, deep) })
  }
  return out
}

/** The newest backup that passes the deep check: what a damaged start offers to restore. */
export async function latestGoodBackup(folder: string): Promise<BackupEntry | null> {
  for (const s of backupStamps(folder)) {
    if ((s.manifest.engine ?? 'sqlite') !== 'sqlite') continue // the start-up check guards the SQLite file only
    const verification = await verifyBackupDir(s.path, true)
    if (verification.ok) {
      const sizeBytes = s.manifest.database.size + s.manifest.files.reduce((n, f) => n + f.size, 0)
      return { name: s.name, path: s.path, manifest: s.manifest, sizeBytes, verification }
    }
  }
  return null
}

/** From the 系统维护 page: written down now, applied by the next start before the database is opened. */
export const PENDING_RESTORE_FILE = 'restore-pending.json'

export function stageRestore(dataDir: string, backupPath: string, requestedBy: string, now: Date): void {
  writeDurable(join(dataDir, PENDING_RESTORE_FILE), JSON.stringify({ backup: backupPath, requestedBy, at: now.toISOString() }))
}
