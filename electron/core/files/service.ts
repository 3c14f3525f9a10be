import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database } from '../db/schema'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole, seesAllTasks } from '../users/rules'
import { assertMayReadReport } from '../reports/rules'
import { loadTaskUnits, unitIdsOfTask, type AttachmentView } from '../reports/queries'
import { listBlobs, readBlob, withStagedFiles, type StagedFile } from './store'

const UPLOADERS = ['admin', 'office', 'unit_head', 'unit_staff'] as const

/** Records a staged file; the blob itself is renamed into place after the commit. */
export async function insertAttachment(trx: Transaction<Database>, ctx: Ctx, staged: StagedFile, reportId: number | null): Promise<number> {
  const row = await trx
    .insertInto('attachments')
    .values({
      report_id: reportId,
      sha256: staged.sha256,
      file_name: staged.fileName,
      mime: staged.mime,
      size: staged.size,
      created_by: ctx.actor!.id,
      created_at: ctx.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeAudit(trx, ctx, {
    action: 'attachment.upload',
    entity: 'attachment',
    entityId: row.id,
    after: { fileName: staged.fileName, sha256: staged.sha256, size: staged.size, reportId },
  })
  return row.id
}

/** Uploads evidence before it is attached to a report (the form's upload button). */
export async function uploadFile(ctx: Ctx, input: { name: string; dataBase64: string }): Promise<AttachmentView> {
  requireRole(ctx.actor, UPLOADERS)
  const id = await withStagedFiles(ctx.files.dir, [input], ([staged]) =>
    inTransaction(ctx, (trx) => insertAttachment(trx, ctx, staged, null)),
  )
  const a = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return { id: a.id, reportId: a.report_id, fileName: a.file_name, mime: a.mime, size: a.size, createdAt: a.created_at }
}

/** Exactly reports.get's rule for the report it is on; an unattached upload only for its uploader and the office. */
export async function assertMayReadAttachment(ctx: Ctx, attachmentId: number) {
  const actor = requireRole(ctx.actor, ['admin', 'office', 'unit_head', 'unit_staff', 'leader'])
  const a = await ctx.db
    .selectFrom('attachments')
    .leftJoin('reports', 'reports.id', 'attachments.report_id')
    .select([
      'attachments.id',
      'attachments.sha256',
      'attachments.file_name',
      'attachments.mime',
      'attachments.size',
      'attachments.created_by',
    ])
    .select(['reports.task_id', 'reports.status', 'reports.unit_id'])
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst()
  if (!a) throw notFound('该文件')
  if (a.task_id === null) {
    if (!seesAllTasks(actor) && a.created_by !== actor.id) throw denied('该文件不属于您，无权查看')
  } else {
    assertMayReadReport(actor, unitIdsOfTask(await loadTaskUnits(ctx.db, a.task_id)), { status: a.status!, unit_id: a.unit_id! }, '该文件')
  }
  return a
}

export async function readFile(ctx: Ctx, input: { attachmentId: number }) {
  const a = await assertMayReadAttachment(ctx, input.attachmentId)
  const bytes = readBlob(ctx.files.dir, a.sha256)
  return { id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, dataBase64: bytes.toString('base64') }
}

/**
 * Links already uploaded files to a report. A file may come from the actor's own unit only,
 * and must be unattached or already on this report.
 */
export async function linkAttachments(trx: Transaction<Database>, ctx: Ctx, reportId: number, ids: readonly number[]): Promise<void> {
  const unique = [...new Set(ids)]
  const rows = unique.length
    ? await trx
        .selectFrom('attachments')
        .innerJoin('users', 'users.id', 'attachments.created_by')
        .select(['attachments.id', 'attachments.report_id', 'attachments.created_by', 'users.unit_id'])
        .where('attachments.id', 'in', unique)
        .execute()
    : []
  for (const id of unique) {
    const r = rows.find((x) => x.id === id)
    if (!r) throw new DubanError('invalid_input', `佐证材料（编号${id}）不存在，请重新上传`)
    const own = r.created_by === ctx.actor!.id || (r.unit_id !== null && r.unit_id === ctx.actor!.unitId)
    if (!own || (r.report_id !== null && r.report_id !== reportId)) {
      throw new DubanError('invalid_input', `佐证材料（编号${id}）不能用于本次报送`)
    }
  }
  // Files taken off the report keep their record: they are only detached, never deleted.
  const detached = trx.updateTable('attachments').set({ report_id: null }).where('report_id', '=', reportId)
  await (unique.length ? detached.where('id', 'not in', unique) : detached).execute()
  if (unique.length) await trx.updateTable('attachments').set({ report_id: reportId }).where('id', 'in', unique).execute()
}

/** Blobs without a record and records without a blob: for the CLI's check. */
export async function checkFiles(ctx: Pick<Ctx, 'db' | 'files'>): Promise<{ orphanBlobs: string[]; missingBlobs: string[] }> {
  const known = new Set((await ctx.db.selectFrom('attachments').select('sha256').distinct().execute()).map((r) => r.sha256))
  const stored = new Set(listBlobs(ctx.files.dir))
  return {
    orphanBlobs: [...stored].filter((s) => !known.has(s)),
    missingBlobs: [...known].filter((s) => !stored.has(s)),
  }
}
