/** The 系统维护 page's use cases: administrators only, each one audited. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { createBackup, snapshotOfDb } from './create'
import { verifyBackupDir } from './manifest'
import { backupFolderOf, defaultBackupFolder, ensureMarker, writeMarker } from './marker'
import { listBackups, PENDING_RESTORE_FILE, resolveBackup, stageRestore, type BackupEntry } from './restore'
import { KIND_LABELS, type BackupKind } from './rules'

/** The evidence store is <dataDir>/files, so the data folder is its parent (the same for every host). */
export const dataDirOf = (ctx: Ctx) => dirname(ctx.files.dir)

export interface BackupView {
  name: string
  kind: BackupKind
  kindLabel: string
  createdAt: string
  sizeBytes: number
  fileCount: number
  schemaVersion: number
  appVersion: string
  ok: boolean
  deep: boolean
  problems: string[]
  warnings: string[]
}

export interface BackupOverview {
  folder: string
  defaultFolder: string
  backups: BackupView[]
  pendingRestore: { backup: string; at: string } | null
  lastRestore: { ok: boolean; at: string; message: string | null; name: string | null } | null
}

const view = (e: BackupEntry): BackupView => ({
  name: e.name,
  kind: e.manifest.kind,
  kindLabel: KIND_LABELS[e.manifest.kind] ?? e.manifest.kind,
  createdAt: e.manifest.createdAt,
  sizeBytes: e.sizeBytes,
  fileCount: e.manifest.files.length,
  schemaVersion: e.manifest.schemaVersion,
  appVersion: e.manifest.appVersion,
  ok: e.verification.ok,
  deep: e.verification.deep,
  problems: e.verification.problems,
  warnings: e.verification.warnings,
})

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch {
    return null
  }
}

/** Quick check only (sizes and presence); 校验 recomputes every SHA-256. */
export async function listBackupsView(ctx: Ctx): Promise<BackupOverview> {
  requireRole(ctx.actor, ['admin'])
  const dataDir = dataDirOf(ctx)
  const pending = readJson<{ backup: string; at: string }>(join(dataDir, PENDING_RESTORE_FILE))
  const last = readJson<{ ok: boolean; at: string; message?: string; name?: string }>(join(dataDir, 'restore-result.json'))
  return {
    folder: backupFolderOf(dataDir),
    defaultFolder: defaultBackupFolder(dataDir),
    backups: (await listBackups(backupFolderOf(dataDir), false)).map(view),
    pendingRestore: pending ? { backup: pending.backup, at: pending.at } : null,
    lastRestore: last ? { ok: last.ok, at: last.at, message: last.message ?? null, name: last.name ?? null } : null,
  }
}

export async function backupNow(ctx: Ctx): Promise<BackupView> {
  requireRole(ctx.actor, ['admin'])
  const result = await createBackup({ dataDir: dataDirOf(ctx), source: snapshotOfDb(ctx.db), kind: 'manual', now: ctx.clock.now() })
  await inTransaction(ctx, (trx) =>
    writeAudit(trx, ctx, { action: 'backup.create', entity: 'backup', entityId: null, after: { name: result.name, path: result.path } }),
  )
  const verification = await verifyBackupDir(result.path, false)
  const sizeBytes = result.database.size + result.files.reduce((n, f) => n + f.size, 0)
  return view({ name: result.name, path: result.path, manifest: result, sizeBytes, verification })
}

export async function verifyBackup(ctx: Ctx, input: { name: string }): Promise<BackupView> {
  requireRole(ctx.actor, ['admin'])
  const path = resolveBackup(dataDirOf(ctx), input.name)
  const entry = (await listBackups(dirname(path), false)).find((e) => e.path === path)
  if (!entry) throw new DubanError('not_found', `找不到备份“${input.name}”`)
  const verification = await verifyBackupDir(path, true)
  await inTransaction(ctx, (trx) =>
    writeAudit(trx, ctx, { action: 'backup.verify', entity: 'backup', entityId: null, after: { name: input.name, ok: verification.ok } }),
  )
  return view({ ...entry, verification })
}

/**
 * A restore from the page is staged, not applied: the running core keeps its connection, requests in flight
 * finish, and the next start replaces the database before anything opens it (the same code as cli restore).
 */
export async function requestRestore(ctx: Ctx, input: { name: string; confirmName: string }): Promise<{ staged: true; name: string }> {
  const actor = requireRole(ctx.actor, ['admin'])
  if (input.confirmName.trim() !== input.name) throw new DubanError('invalid_input', '请输入完整的备份名称以确认恢复')
  const dataDir = dataDirOf(ctx)
  const path = resolveBackup(dataDir, input.name)
  const verification = await verifyBackupDir(path, true)
  if (!verification.ok) throw new DubanError('backup_invalid', `备份校验未通过，不能恢复：${verification.problems.join('；')}`)
  await inTransaction(ctx, (trx) =>
    writeAudit(trx, ctx, { action: 'backup.restore_staged', entity: 'backup', entityId: null, after: { name: input.name } }),
  )
  stageRestore(dataDir, path, actor.username, ctx.clock.now())
  return { staged: true, name: input.name }
}

export async function cancelRestore(ctx: Ctx): Promise<{ cancelled: boolean }> {
  requireRole(ctx.actor, ['admin'])
  const pending = join(dataDirOf(ctx), PENDING_RESTORE_FILE)
  if (!existsSync(pending)) return { cancelled: false }
  await inTransaction(ctx, (trx) => writeAudit(trx, ctx, { action: 'backup.restore_cancelled', entity: 'backup', entityId: null }))
  rmSync(pending, { force: true })
  return { cancelled: true }
}

/** A second disk or a network share; checked by writing a probe file before it is saved. */
export async function setBackupFolder(ctx: Ctx, input: { folder: string | null }): Promise<{ folder: string }> {
  requireRole(ctx.actor, ['admin'])
  const dataDir = dataDirOf(ctx)
  const folder = input.folder?.trim() || null
  if (folder) {
    if (!isAbsolute(folder)) throw new DubanError('invalid_input', '备份目录必须是完整路径，例如 D:\\督办台备份 或 /mnt/backup/duban')
    try {
      mkdirSync(folder, { recursive: true })
      const probe = join(folder, `.duban-probe-${process.pid}`)
      writeFileSync(probe, 'ok')
      rmSync(probe)
    } catch {
      throw new DubanError('backup_folder', `无法写入备份目录：${folder}，请检查路径和权限`)
    }
  }
  const marker = ensureMarker(dataDir, ctx.clock.now())
  const before = backupFolderOf(dataDir)
  await inTransaction(ctx, async (trx) => {
    await writeAudit(trx, ctx, {
      action: 'backup.set_folder',
      entity: 'backup',
      entityId: null,
      before: { folder: before },
      after: { folder },
    })
    const { backupFolder: _old, ...rest } = marker
    writeMarker(dataDir, folder ? { ...rest, backupFolder: folder } : rest)
  })
  return { folder: backupFolderOf(dataDir) }
}

/** Before an import writes: a copy to go back to if the wrong document (or the wrong revision) was imported. */
export async function backupBeforeImport(ctx: Ctx): Promise<void> {
  if (ctx.db.isTransaction) return // part of a larger write: the caller's own backup covers it
  const anyPlan = await ctx.db.selectFrom('plans').select('id').limit(1).executeTakeFirst()
  if (!anyPlan) return // an empty database has nothing an import could damage
  await createBackup({ dataDir: dataDirOf(ctx), source: snapshotOfDb(ctx.db), kind: 'pre-import', now: ctx.clock.now() })
}
