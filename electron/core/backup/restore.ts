/**
 * Restoring a backup into a data folder. The backup is verified first (every SHA-256); the current database and
 * evidence folder are renamed aside with a timestamp, never deleted; the backup replaces them whole, never merged.
 * Runs only while no other process has the database open.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { DubanError } from '../errors'
import { backupStamps, writeDurable } from './create'
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
}

export async function restoreBackup(opts: { dataDir: string; backup: string; now: Date }): Promise<RestoreResult> {
  const holders = otherHolders(opts.dataDir)
  if (holders.length > 0)
    throw new DubanError(
      'database_in_use',
      `数据库正被督办台使用（进程 ${holders.join('、')}），不能恢复。请先关闭督办台窗口或停止服务器，再执行恢复`,
    )
  const path = resolveBackup(opts.dataDir, opts.backup)
  const verification = await verifyBackupDir(path, true)
  if (!verification.ok) throw new DubanError('backup_invalid', `备份校验未通过，未恢复：${verification.problems.join('；')}`)
  const manifest = readManifest(path)!

  const stamp = stampOf(opts.now)
  const keptAside: string[] = []
  // New copies are made complete beside the live names first, so a failure here leaves everything as it was.
  const dbIncoming = join(opts.dataDir, `${DB}.restoring`)
  const filesIncoming = join(opts.dataDir, 'files.restoring')
  rmSync(dbIncoming, { force: true })
  rmSync(filesIncoming, { recursive: true, force: true })
  copyFileSync(join(path, BACKUP_DB_FILE), dbIncoming)
  for (const f of manifest.files) {
    mkdirSync(join(filesIncoming, f.sha256.slice(0, 2)), { recursive: true })
    copyFileSync(join(path, 'files', f.sha256), join(filesIncoming, f.sha256.slice(0, 2), f.sha256))
  }
  mkdirSync(filesIncoming, { recursive: true })

  for (const suffix of ['', '-wal', '-shm']) {
    const live = join(opts.dataDir, `${DB}${suffix}`)
    if (!existsSync(live)) continue
    const aside = join(opts.dataDir, `duban.before-restore-${stamp}.db${suffix}`)
    renameSync(live, aside)
    keptAside.push(aside)
  }
  const liveFiles = join(opts.dataDir, 'files')
  if (existsSync(liveFiles)) {
    const aside = join(opts.dataDir, `files.before-restore-${stamp}`)
    renameSync(liveFiles, aside)
    keptAside.push(aside)
  }
  renameSync(filesIncoming, liveFiles)
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
