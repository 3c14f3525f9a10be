/**
 * Reading a plan's archive back, into an empty install only: rows keep their ids, users are matched by username
 * (an archived person who has no account here comes back inactive, without a password), files are checked by SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Transaction } from 'kysely'
import type { Database, Role } from '../db/schema'
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { commitStaged, discardStaged, type StagedFile } from '../files/store'
import { migrations } from '../db/migrate'
import { deferForeignKeys, resetIdentities } from '../db/bulk-load'
import { ARCHIVE_ORDER, LATE_COLUMNS, USER_COLUMNS, type ArchiveJson, type Row } from './tables'

const MAX_ARCHIVE_ENTRIES = 100_000

async function readArchive(bytes: Uint8Array): Promise<{ json: ArchiveJson; zip: JSZip }> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new DubanError('archive_invalid', '不是有效的归档文件（zip）')
  }
  if (Object.keys(zip.files).length > MAX_ARCHIVE_ENTRIES) throw new DubanError('archive_invalid', '归档文件中的条目过多')
  const entry = zip.file('archive.json')
  if (!entry) throw new DubanError('archive_invalid', '归档文件中没有 archive.json，不是督办台的归档')
  let json: ArchiveJson
  try {
    json = JSON.parse(await entry.async('string')) as ArchiveJson
  } catch {
    throw new DubanError('archive_invalid', '归档文件中的 archive.json 无法读取')
  }
  if (json.format !== 'duban-archive' || json.formatVersion !== 1) throw new DubanError('archive_invalid', '不认识的归档格式')
  if (json.schemaVersion > migrations.length) throw new DubanError('archive_invalid', '归档来自更新版本的督办台，请先升级')
  return { json, zip }
}

/** People are matched by username; one without an account here comes back inactive, without a password. */
async function importUsers(trx: Transaction<Database>, users: Row[], userIds: Map<number, number>): Promise<number> {
  let added = 0
  for (const u of users) {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', u.username as string)
      .executeTakeFirst()
    if (existing) {
      userIds.set(u.id as number, existing.id)
      continue
    }
    const free = !(await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', u.id as number)
      .executeTakeFirst())
    const inserted = await trx
      .insertInto('users')
      .values({
        ...(free ? { id: u.id as number } : {}),
        username: u.username as string,
        display_name: u.display_name as string,
        role: u.role as Role,
        unit_id: u.unit_id as number | null,
        password_hash: '', // no password travels in an archive: the administrator sets a new one
        password_salt: '',
        active: 0,
        created_at: u.created_at as string,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    userIds.set(u.id as number, inserted.id)
    added++
  }
  return added
}

/** Empty: no units, plans, tasks or reports yet (a first administrator may already exist). */
async function assertEmpty(ctx: Ctx): Promise<void> {
  for (const table of ['units', 'plans', 'tasks', 'reports', 'attachments'] as const) {
    const row = await ctx.db.selectFrom(table).select(ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    if (Number(row.n) > 0)
      throw new DubanError(
        'not_empty',
        '只能导入到没有任何数据的新安装中：当前数据库已有单位、文件或任务，归档未导入（不会与现有数据合并）',
      )
  }
}

export async function importArchive(ctx: Ctx, bytes: Uint8Array): Promise<{ planId: number; title: string; rows: number; files: number }> {
  requireRole(ctx.actor, ['admin'])
  const { json, zip } = await readArchive(bytes)
  await assertEmpty(ctx)
  const staged: StagedFile[] = []
  try {
    mkdirSync(join(ctx.files.dir, 'tmp'), { recursive: true })
    for (const f of json.files) {
      const entry = zip.file(`files/${f.sha256}`)
      if (!entry) throw new DubanError('archive_invalid', `归档中缺少佐证材料 ${f.sha256.slice(0, 12)}…`)
      const data = await entry.async('nodebuffer')
      if (createHash('sha256').update(data).digest('hex') !== f.sha256)
        throw new DubanError('archive_invalid', `归档中的佐证材料 ${f.sha256.slice(0, 12)}… 已损坏（SHA-256 不符）`)
      const tempPath = join(ctx.files.dir, 'tmp', `${f.sha256}.${randomBytes(6).toString('hex')}.part`)
      writeFileSync(tempPath, data)
      staged.push({ sha256: f.sha256, fileName: f.sha256, mime: 'application/octet-stream', size: data.byteLength, tempPath })
    }
    let rows = 0
    await inTransaction(ctx, async (trx) => {
      // Checked at commit: the archive's rows are whole, whatever order they arrive in.
      await deferForeignKeys(trx)
      const userIds = new Map<number, number>()
      const mapUser = (v: unknown) => (v === null || v === undefined ? v : (userIds.get(v as number) ?? null))
      for (const table of ARCHIVE_ORDER) {
        if (table === 'users') {
          rows += await importUsers(trx, json.tables.users, userIds)
          continue
        }
        const userCols = USER_COLUMNS[table] ?? []
        const lateCols = LATE_COLUMNS[table] ?? []
        for (const row of json.tables[table] ?? []) {
          const values: Row = { ...row }
          for (const c of userCols) values[c] = mapUser(values[c])
          for (const c of lateCols) if (values[c] !== undefined && values[c] !== null) values[c] = null
          // the row's columns are the table's own, as exported from the same schema version or an older one
          await trx
            .insertInto(table)
            .values(values as never)
            .execute()
          rows++
        }
      }
      for (const [table, cols] of Object.entries(LATE_COLUMNS) as [keyof typeof LATE_COLUMNS, string[]][])
        for (const row of json.tables[table] ?? []) {
          const set = Object.fromEntries(cols.filter((c) => row[c] !== undefined && row[c] !== null).map((c) => [c, row[c]]))
          if (Object.keys(set).length)
            await trx
              .updateTable(table)
              .set(set as never)
              .where('id' as never, '=', row.id as never)
              .execute()
        }
      await resetIdentities(trx, ARCHIVE_ORDER)
      await writeAudit(trx, ctx, {
        action: 'archive.import',
        entity: 'plan',
        entityId: json.plan.id,
        after: { title: json.plan.title, exportedAt: json.exportedAt, rows, files: staged.length },
      })
    })
    commitStaged(ctx.files.dir, staged)
    return { planId: json.plan.id, title: json.plan.title, rows, files: staged.length }
  } catch (err) {
    discardStaged(staged)
    throw err
  }
}
