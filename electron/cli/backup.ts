/** CLI commands for backups, restore and the year-end archive. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DB_FILE, type CoreApp } from '../core/app'
import { DubanError } from '../core/errors'
import { createBackup, snapshotOfFile, snapshotOfUrl } from '../core/backup/create'
import { backupFolderOf, updateMarker } from '../core/backup/marker'
import { countRows, verifyBackupDir } from '../core/backup/manifest'
import { listBackups, resolveBackup, restoreBackup } from '../core/backup/restore'
import { cnDateTime, KIND_LABELS } from '../core/backup/rules'
import { exportArchive } from '../core/archive/export'
import { importArchive } from '../core/archive/import'
import { adminCtx } from './documents'

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)

/**
 * Reads the database file through its own connection: works while the app runs, never opens it for writing use.
 * PostgreSQL (url): pg_dump of one snapshot, also while servers run.
 */
export async function runBackup(dataDir: string, args: string[], url: string | null = null): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } })
  const file = join(dataDir, DB_FILE)
  if (!url && !existsSync(file)) throw new DubanError('not_found', `数据目录中没有数据库：${file}`)
  const source = url ? snapshotOfUrl(url) : snapshotOfFile(file)
  const result = await createBackup({ dataDir, source, kind: 'manual', now: new Date(), folder: values.out })
  process.stdout.write(`已备份：${result.path}\n  数据库 ${size(result.database.size)}，佐证材料 ${result.files.length} 个\n`)
  for (const sha of result.missingFiles) process.stdout.write(`  ⚠ 数据目录中缺少佐证材料 ${sha.slice(0, 12)}…\n`)
  return 0
}

export async function runBackups(dataDir: string): Promise<number> {
  const folder = backupFolderOf(dataDir)
  const list = await listBackups(folder, true)
  process.stdout.write(`备份目录：${folder}\n`)
  if (list.length === 0) {
    process.stdout.write('（还没有备份）\n')
    return 0
  }
  for (const b of list) {
    const status = b.verification.ok ? '✓ 校验通过' : `✗ ${b.verification.problems.join('；')}`
    process.stdout.write(
      `${b.name}  ${KIND_LABELS[b.manifest.kind]}  ${cnDateTime(b.manifest.createdAt)}  ${size(b.sizeBytes)}  ${status}\n`,
    )
  }
  return list.every((b) => b.verification.ok) ? 0 : 1
}

export async function runVerify(dataDir: string, args: string[]): Promise<number> {
  if (!args[0]) throw new DubanError('usage', '请指定要校验的备份名称或路径')
  const path = resolveBackup(dataDir, args[0])
  const v = await verifyBackupDir(path, true)
  for (const w of v.warnings) process.stdout.write(`⚠ ${w}\n`)
  if (v.ok) {
    process.stdout.write(`校验通过：${path}\n`)
    return 0
  }
  for (const p of v.problems) process.stderr.write(`✗ ${p}\n`)
  return 1
}

export async function runRestore(dataDir: string, args: string[], url: string | null = null): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { confirm: { type: 'string' } } })
  const backup = positionals[0]
  if (!backup) throw new DubanError('usage', '请指定要恢复的备份名称或路径（用 backups 命令查看）')
  // PostgreSQL: replacing a database that has data needs the backup's name repeated, as the 系统维护 page asks
  const name = resolveBackup(dataDir, backup).split(/[\\/]/).pop()
  if (values.confirm !== undefined && values.confirm.trim() !== name && values.confirm.trim() !== backup)
    throw new DubanError('usage', `--confirm 后须是完整的备份名称（${name}）`)
  const result = await restoreBackup({ dataDir, backup, now: new Date(), databaseUrl: url, replaceExisting: values.confirm !== undefined })
  process.stdout.write(`已恢复备份：${result.name}\n`)
  if (result.backedUpFirst) process.stdout.write(`  原有数据已先备份为：${result.backedUpFirst}\n`)
  for (const aside of result.keptAside) process.stdout.write(`  原有数据已改名保留：${aside}\n`)
  return 0
}

export async function runArchiveExport(core: CoreApp, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { plan: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } } })
  if (!values.out) throw new DubanError('usage', '请用 --out 指定归档文件（.zip）')
  let planId = values.plan ? Number(values.plan) : NaN
  if (!values.plan && values.year) {
    const plan = await core.db.selectFrom('plans').select('id').where('year', '=', Number(values.year)).orderBy('id').executeTakeFirst()
    if (!plan) throw new DubanError('not_found', `没有 ${values.year} 年的文件`)
    planId = plan.id
  }
  if (!Number.isInteger(planId) || planId <= 0) throw new DubanError('usage', '请用 --plan 编号 或 --year 年份 指定要归档的文件')
  const file = await exportArchive(await adminCtx(core), { planId })
  writeFileSync(values.out, Buffer.from(file.contentBase64, 'base64'))
  process.stdout.write(`已生成归档：${values.out}（${file.fileName}）\n`)
  return 0
}

export async function runArchiveImport(core: CoreApp, args: string[]): Promise<number> {
  if (!args[0]) throw new DubanError('usage', '请指定归档文件（.zip）')
  if (!existsSync(args[0])) throw new DubanError('file_not_found', `找不到文件：${args[0]}`)
  const result = await importArchive(await adminCtx(core), new Uint8Array(readFileSync(args[0])))
  process.stdout.write(`已导入归档：${result.title}，${result.rows} 行数据，${result.files} 个佐证材料\n`)
  return 0
}

/**
 * After a refusal for lost writes (a deleted -wal, fewer rows than the last backup) when no backup is wanted:
 * the administrator accepts the database as it is now. Damage SQLite itself finds (quick_check) is still refused.
 */
export async function runAcceptCurrent(dataDir: string): Promise<number> {
  const file = join(dataDir, DB_FILE)
  if (!existsSync(file)) throw new DubanError('not_found', `数据目录中没有数据库：${file}；请恢复备份`)
  if (existsSync(`${file}-shm`) && !existsSync(`${file}-wal`)) rmSync(`${file}-shm`)
  const probe = new BetterSqlite3(file, { fileMustExist: true })
  try {
    const check = probe.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DubanError('database_damaged', `数据库已损坏（${String(check)}），不能接受，请恢复备份`)
    const current = countRows(probe)
    updateMarker(dataDir, (m) => ({ ...m, baseline: { at: new Date().toISOString(), ...current } }))
  } finally {
    probe.close()
  }
  process.stdout.write('已接受当前数据库：之后的启动检查以它现在的记录数为准。已经丢失的修改无法找回。\n')
  return 0
}
