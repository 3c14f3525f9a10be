import type { Transaction } from 'kysely'
import type { Ctx, Actor } from '../context'
import type { Database } from '../db/schema'
import { DubanError, denied } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { canReadTask, requireActor, requireRole } from '../users/rules'
import { insertAttachment, linkAttachments } from '../files/service'
import { withStagedFiles, type StagedFile } from '../files/store'
import { attachmentsOf, findReport, indicatorValuesOf, loadReportRow, loadTaskUnits, unitIdsOfTask, type TaskUnits } from './queries'
import { assertEditable, assertFinalAllowed, assertMayReadReport, nextVersion, PERIOD, periodOf, unitRoleOn, type UnitRole } from './rules'
import { reportView, reportViews, type ReportView } from './view'
import { staleReport } from '../concurrency/stale'
import { awaitingReviewChanged, taskChanged } from '../events/changes'
import { sql } from 'kysely'
import { reviewContext } from './against'
import { assertReportContent } from '../matters/rules'

export interface ReportInput {
  taskId: number
  /** YYYY-MM; the current month by default */
  period?: string
  percent: number
  progress: string
  problems?: string
  nextSteps?: string
  /** 申请销号 */
  isFinal?: boolean
  /** 本期无新进展: a reason instead of new text and evidence (migration 009) */
  noChange?: boolean
  noChangeReason?: string | null
  indicatorValues?: { indicatorId: number; value: number }[]
  /** files uploaded earlier with files.upload */
  attachmentIds?: number[]
  /** files sent with the report itself */
  newFiles?: { name: string; dataBase64: string }[]
  /**
   * The report's revision the form was based on, or null for a new one. Required by the contract; a
   * different revision now means someone else saved meanwhile, and the write is refused.
   */
  revision?: number | null
}

/** Unit heads and staff report, on tasks their unit leads or co-operates on. */
async function reporterOn(ctx: Ctx, taskId: number): Promise<{ actor: Actor; task: TaskUnits; role: UnitRole }> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const task = await loadTaskUnits(ctx.db, taskId)
  const role = unitRoleOn(task, actor.unitId)
  if (!role) throw denied('该任务不属于您所在的处室，不能报送')
  if (task.closedAt) throw new DubanError('conflict', '该任务已销号，无需再报送')
  return { actor, task, role }
}

function periodFor(ctx: Ctx, period: string | undefined): string {
  const current = periodOf(ctx.clock.today())
  const p = period ?? current
  if (!PERIOD.test(p)) throw new DubanError('invalid_input', '报送期次格式应为 YYYY-MM')
  if (p > current) throw new DubanError('invalid_input', '不能报送未来月份的进展')
  return p
}

async function writeIndicatorValues(
  trx: Transaction<Database>,
  ctx: Ctx,
  taskId: number,
  reportId: number,
  period: string,
  input: ReportInput,
) {
  if (input.indicatorValues === undefined) return
  const ids = [...new Set(input.indicatorValues.map((v) => v.indicatorId))]
  const own = ids.length
    ? await trx.selectFrom('indicators').select('id').where('id', 'in', ids).where('task_id', '=', taskId).execute()
    : []
  const missing = ids.find((id) => !own.some((o) => o.id === id))
  if (missing !== undefined) throw new DubanError('invalid_input', `指标（编号${missing}）不属于该任务，报送未保存`)
  await trx.deleteFrom('indicator_values').where('report_id', '=', reportId).execute()
  for (const v of input.indicatorValues) {
    await trx
      .insertInto('indicator_values')
      .values({ indicator_id: v.indicatorId, report_id: reportId, period, value: v.value, recorded_at: ctx.clock.now().toISOString() })
      .execute()
  }
}

/** The one write behind saving and submitting: content, indicators, files, and (when sent) the submission. */
async function writeReport(ctx: Ctx, input: ReportInput, submit: boolean): Promise<number> {
  const { actor, task, role } = await reporterOn(ctx, input.taskId)
  const period = periodFor(ctx, input.period)
  const isFinal = input.isFinal ?? false
  assertFinalAllowed(isFinal, role, input.percent)
  assertReportContent(input)
  return withStagedFiles(ctx.files.dir, input.newFiles ?? [], (staged: StagedFile[]) =>
    inTransaction(ctx, async (trx) => {
      const now = ctx.clock.now().toISOString()
      const before = await findReport(trx, { taskId: task.id, unitId: actor.unitId!, period })
      assertEditable(before?.status)
      if (input.revision !== undefined && (before?.revision ?? null) !== input.revision) {
        throw before ? await staleReport(trx, before.id) : new DubanError('stale', '该进展草稿已被删除，请刷新后再填')
      }
      const content = {
        percent: input.percent,
        progress: input.progress,
        problems: input.problems ?? '',
        next_steps: input.nextSteps ?? '',
        is_final: isFinal ? 1 : 0,
        no_change: input.noChange ? 1 : 0,
        no_change_reason: input.noChange ? (input.noChangeReason?.trim() ?? null) : null,
        updated_at: now,
      }
      let reportId: number
      if (before) {
        reportId = before.id
        const res = await trx
          .updateTable('reports')
          .set({ ...content, revision: sql<number>`revision + 1` })
          .where('id', '=', reportId)
          .where('revision', '=', before.revision) // compare-and-set: holds on PostgreSQL's concurrent writers too
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 0) throw await staleReport(trx, reportId)
      } else {
        const row = await trx
          .insertInto('reports')
          .values({
            ...content,
            task_id: task.id,
            unit_id: actor.unitId!,
            period,
            status: 'draft',
            version: 1,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        reportId = row.id
      }
      await writeIndicatorValues(trx, ctx, task.id, reportId, period, input)
      const newIds: number[] = []
      for (const s of staged) newIds.push(await insertAttachment(trx, ctx, s, reportId))
      if (input.attachmentIds !== undefined || newIds.length) {
        const kept = input.attachmentIds ?? (await attachmentsOf(trx, [reportId])).map((a) => a.id)
        await linkAttachments(trx, ctx, reportId, [...kept, ...newIds])
      }
      if (submit) await recordSubmission(trx, ctx, reportId, role, before?.status, before?.version ?? 1)
      const after = await loadReportRow(trx, reportId)
      await writeAudit(trx, ctx, {
        action: submit ? 'report.submit' : before ? 'report.update' : 'report.create',
        entity: 'report',
        entityId: reportId,
        before: before ?? undefined,
        after,
      })
      if (submit) {
        await taskChanged(trx, task.id)
        if (role === 'lead') await awaitingReviewChanged(trx)
      }
      return reportId
    }),
  )
}

/** Snapshots the version as sent; a coop unit's part is noted, not queued for review. */
async function recordSubmission(
  trx: Transaction<Database>,
  ctx: Ctx,
  reportId: number,
  role: UnitRole,
  status: Database['reports']['status'] | undefined,
  version: number,
) {
  const now = ctx.clock.now().toISOString()
  const v = nextVersion(status, version)
  await trx
    .updateTable('reports')
    .set({ status: 'submitted', version: v, submitted_at: now, return_reason: null, reviewed_by: null, reviewed_at: null })
    .where('id', '=', reportId)
    .execute()
  const r = await loadReportRow(trx, reportId)
  const values = await indicatorValuesOf(trx, [reportId])
  const files = await attachmentsOf(trx, [reportId])
  await trx
    .insertInto('report_versions')
    .values({
      report_id: reportId,
      version: v,
      percent: r.percent,
      progress: r.progress,
      problems: r.problems,
      next_steps: r.next_steps,
      is_final: r.is_final,
      no_change: r.no_change,
      no_change_reason: r.no_change_reason,
      indicator_values_json: JSON.stringify(values.map((x) => ({ indicatorId: x.indicator_id, name: x.name, value: x.value }))),
      attachment_ids_json: JSON.stringify(files.map((f) => f.id)),
      outcome: role === 'lead' ? 'submitted' : 'noted',
      submitted_by: ctx.actor!.id,
      submitted_at: now,
    })
    .execute()
}

export async function saveDraft(ctx: Ctx, input: ReportInput): Promise<ReportView> {
  return reportView(ctx.db, await writeReport(ctx, input, false))
}

/** Saves and submits in one transaction: a failure anywhere leaves the report as it was. */
export async function submitReport(ctx: Ctx, input: ReportInput): Promise<ReportView> {
  return reportView(ctx.db, await writeReport(ctx, input, true))
}

async function readableReport(ctx: Ctx, reportId: number) {
  const actor = requireActor(ctx.actor)
  const r = await loadReportRow(ctx.db, reportId)
  const task = await loadTaskUnits(ctx.db, r.task_id)
  assertMayReadReport(actor, unitIdsOfTask(task), r)
  return { actor, report: r, task }
}

export async function getReport(ctx: Ctx, input: { reportId: number }) {
  const { report } = await readableReport(ctx, input.reportId)
  const view = await reportView(ctx.db, report.id)
  const against = await reviewContext(ctx.db, report)
  const versions = await ctx.db
    .selectFrom('report_versions')
    .leftJoin('users as s', 's.id', 'report_versions.submitted_by')
    .leftJoin('users as r', 'r.id', 'report_versions.reviewed_by')
    .selectAll('report_versions')
    .select(['s.display_name as submitted_by_name', 'r.display_name as reviewed_by_name'])
    .where('report_id', '=', report.id)
    .orderBy('version')
    .execute()
  return {
    ...view,
    ...against,
    versions: versions.map((v) => ({
      version: v.version,
      percent: v.percent,
      progress: v.progress,
      problems: v.problems,
      nextSteps: v.next_steps,
      isFinal: v.is_final === 1,
      noChange: v.no_change === 1,
      noChangeReason: v.no_change_reason,
      indicatorValues: JSON.parse(v.indicator_values_json) as { indicatorId: number; name: string; value: number }[],
      attachmentIds: JSON.parse(v.attachment_ids_json) as number[],
      outcome: v.outcome,
      returnReason: v.return_reason,
      reviewOpinion: v.review_opinion,
      submittedBy: v.submitted_by_name,
      submittedAt: v.submitted_at,
      reviewedBy: v.reviewed_by_name,
      reviewedAt: v.reviewed_at,
    })),
  }
}
export type ReportDetail = Awaited<ReturnType<typeof getReport>>

/** All reports on a task: the lead's and the coop units' parts; other units' drafts are left out. */
export async function listTaskReports(ctx: Ctx, input: { taskId: number }): Promise<ReportView[]> {
  const actor = requireActor(ctx.actor)
  const task = await loadTaskUnits(ctx.db, input.taskId)
  if (!canReadTask(actor, unitIdsOfTask(task))) throw denied('该任务不属于您所在的处室，无权查看')
  const rows = await ctx.db.selectFrom('reports').select(['id', 'status', 'unit_id']).where('task_id', '=', input.taskId).execute()
  const visible = rows.filter((r) => r.status !== 'draft' || r.unit_id === actor.unitId)
  const views = await reportViews(
    ctx.db,
    visible.map((r) => r.id),
  )
  return views.sort((a, b) => (a.period === b.period ? a.id - b.id : a.period < b.period ? 1 : -1))
}

/**
 * 撤回: the unit takes back a report the office has not looked at yet, and it is a draft again. The
 * submitted version is dropped (the audit keeps it), so the next submission is that version once more.
 */
export async function withdrawReport(ctx: Ctx, input: { reportId: number; revision: number }): Promise<ReportView> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const r = await loadReportRow(ctx.db, input.reportId)
  if (r.unit_id !== actor.unitId) throw denied('只能撤回本处室的报送')
  await inTransaction(ctx, async (trx) => {
    const before = await loadReportRow(trx, input.reportId)
    if (before.status !== 'submitted') {
      throw new DubanError('conflict', before.status === 'draft' ? '该报送已撤回' : '办公室已审核该报送，不能撤回')
    }
    const res = await trx
      .updateTable('reports')
      .set({ status: 'draft', submitted_at: null, updated_at: ctx.clock.now().toISOString(), revision: sql<number>`revision + 1` })
      .where('id', '=', before.id)
      .where('status', '=', 'submitted')
      .where('revision', '=', input.revision) // compare-and-set, as submitting does
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) === 0) throw await staleReport(trx, before.id)
    await trx.deleteFrom('report_versions').where('report_id', '=', before.id).where('version', '=', before.version).execute()
    await writeAudit(trx, ctx, {
      action: 'report.withdraw',
      entity: 'report',
      entityId: before.id,
      before,
      after: await loadReportRow(trx, before.id),
    })
    await taskChanged(trx, before.task_id)
    await awaitingReviewChanged(trx)
  })
  return reportView(ctx.db, input.reportId)
}

/** Only a draft can be removed; its files keep their records (detached) and the audit keeps the content. */
export async function deleteDraft(ctx: Ctx, input: { reportId: number }): Promise<{ ok: true }> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const r = await loadReportRow(ctx.db, input.reportId)
  if (r.unit_id !== actor.unitId) throw denied('只能删除本处室的草稿')
  if (r.status !== 'draft') throw new DubanError('conflict', '只有草稿可以删除')
  await inTransaction(ctx, async (trx) => {
    const files = await attachmentsOf(trx, [r.id])
    await trx.updateTable('attachments').set({ report_id: null }).where('report_id', '=', r.id).execute()
    await trx.deleteFrom('reports').where('id', '=', r.id).execute()
    await writeAudit(trx, ctx, { action: 'report.delete', entity: 'report', entityId: r.id, before: { ...r, attachments: files } })
  })
  return { ok: true }
}
