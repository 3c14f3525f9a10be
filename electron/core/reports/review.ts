import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { loadReportRow, loadTaskUnits } from './queries'
import { assertReviewable, unitRoleOn } from './rules'
import { reportView, reportViews, type ReportView } from './view'
import { bumpTaskVersion } from '../concurrency/stale'
import { awaitingReviewChanged, taskChanged } from '../events/changes'
import { sql } from 'kysely'
import { acceptedTwinIds } from '../tasks/drawer'
import { sendFollowup } from '../matters/detail'

export interface ReviewInput {
  reportId: number
  decision: 'approve' | 'return'
  /** required when returning */
  reason?: string
  /** 审核意见 with an approval: stored and shown to the unit */
  opinion?: string
}

/** The office confirms or sends back a lead unit's report; approving a 销号 request closes the task. */
export async function reviewReport(ctx: Ctx, input: ReviewInput): Promise<ReportView> {
  requireRole(ctx.actor, ['admin', 'office'])
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'return' && !reason) throw new DubanError('invalid_input', '退回时请填写退回原因')
  await inTransaction(ctx, async (trx) => {
    const before = await loadReportRow(trx, input.reportId)
    const task = await loadTaskUnits(trx, before.task_id)
    assertReviewable(before.status, unitRoleOn(task, before.unit_id))
    const now = ctx.clock.now().toISOString()
    const approve = input.decision === 'approve'
    const outcome = approve ? ('approved' as const) : ('returned' as const)
    const returnReason = approve ? null : reason
    const opinion = approve ? input.opinion?.trim() || null : null
    await trx
      .updateTable('reports')
      .set({
        status: outcome,
        return_reason: returnReason,
        review_opinion: opinion,
        reviewed_by: ctx.actor!.id,
        reviewed_at: now,
        updated_at: now,
        revision: sql<number>`revision + 1`,
      })
      .where('id', '=', before.id)
      .execute()
    await trx
      .updateTable('report_versions')
      .set({ outcome, return_reason: returnReason, review_opinion: opinion, reviewed_by: ctx.actor!.id, reviewed_at: now })
      .where('report_id', '=', before.id)
      .where('version', '=', before.version)
      .execute()
    const after = await loadReportRow(trx, before.id)
    await writeAudit(trx, ctx, {
      action: approve ? 'report.approve' : 'report.return',
      entity: 'report',
      entityId: before.id,
      before,
      after,
    })
    if (!approve) {
      await deliver(trx, ctx, {
        kind: 'returned',
        to: { unitId: before.unit_id },
        refId: before.id,
        taskId: task.id,
        title: `${task.code}任务 ${before.period} 进展报送被退回`,
        body: reason,
      })
    }
    if (approve && before.is_final === 1 && !task.closedAt) {
      await bumpTaskVersion(trx, task.id, undefined, now)
      await trx.updateTable('tasks').set({ closed_at: now }).where('id', '=', task.id).execute()
      await writeAudit(trx, ctx, {
        action: 'task.close',
        entity: 'task',
        entityId: task.id,
        before: { closedAt: null },
        after: { closedAt: now, reportId: before.id },
      })
      await sendFollowup(trx, ctx, task.id, after.progress) // 回访: the result goes back to the leader who instructed it
    }
    await taskChanged(trx, task.id)
    // an accepted 关联任务 counts this report too: its page must follow
    if (approve) for (const twinId of await acceptedTwinIds(trx, task.id)) await taskChanged(trx, twinId)
    await awaitingReviewChanged(trx)
  })
  return reportView(ctx.db, input.reportId)
}

/** 待审核: lead units' submitted reports, oldest first. */
export async function pendingReviews(ctx: Ctx, input: { planId?: number } = {}): Promise<ReportView[]> {
  return reportViews(ctx.db, await pendingReviewIds(ctx, input))
}

/** The ids of 待审核 in order, so a page that shows the first few reads only those. */
export async function pendingReviewIds(ctx: Ctx, input: { planId?: number } = {}): Promise<number[]> {
  requireRole(ctx.actor, ['admin', 'office'])
  let q = ctx.db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('task_units as tu', (j) =>
      j.onRef('tu.task_id', '=', 'reports.task_id').onRef('tu.unit_id', '=', 'reports.unit_id').on('tu.role', '=', 'lead'),
    )
    .select('reports.id')
    .where('reports.status', '=', 'submitted')
    .orderBy('reports.submitted_at')
    .orderBy('reports.id')
  if (input.planId !== undefined) q = q.where('tasks.plan_id', '=', input.planId)
  return (await q.execute()).map((r) => r.id)
}

/** 已审核: lead units' reports the office has approved or returned, the latest decision first. */
export async function reviewedReports(ctx: Ctx, input: { planId?: number; limit?: number } = {}): Promise<ReportView[]> {
  requireRole(ctx.actor, ['admin', 'office'])
  let q = ctx.db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('task_units as tu', (j) =>
      j.onRef('tu.task_id', '=', 'reports.task_id').onRef('tu.unit_id', '=', 'reports.unit_id').on('tu.role', '=', 'lead'),
    )
    .select('reports.id')
    .where('reports.status', 'in', ['approved', 'returned'])
    .where('reports.reviewed_at', 'is not', null)
    .orderBy('reports.reviewed_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(input.limit ?? 200)
  if (input.planId !== undefined) q = q.where('tasks.plan_id', '=', input.planId)
  return reportViews(
    ctx.db,
    (await q.execute()).map((r) => r.id),
  )
}
