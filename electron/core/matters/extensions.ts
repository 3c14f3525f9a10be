/** 延期: the lead unit asks before the due date; the office (or the leader who instructed the matter) decides. */
import type { Ctx, Actor } from '../context'
import type { ExtensionStatus } from '../db/schema'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { canReadTask, requireActor, requireRole, seesAllTasks } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { finalDeadline } from '../tasks/rules'
import { assertExtensionRequest } from './rules'

export interface ExtensionView {
  id: number
  taskId: number
  taskNumber: number
  matterNo: string | null
  taskText: string
  unitId: number
  unitName: string
  requestedBy: string
  requestedAt: string
  reason: string
  proposedDue: string
  previousDue: string | null
  status: ExtensionStatus
  decidedBy: string | null
  decidedAt: string | null
  decisionReason: string | null
}

async function taskDue(ctx: Pick<Ctx, 'db'>, taskId: number) {
  const t = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'number', 'matter_no', 'deadline', 'closed_at', 'instructed_by', 'leader_id'])
    .where('id', '=', taskId)
    .executeTakeFirst()
  if (!t) throw notFound('该事项')
  const ms = await ctx.db.selectFrom('milestones').select(['due_on', 'planned_pct']).where('task_id', '=', taskId).execute()
  const units = await ctx.db.selectFrom('task_units').select(['unit_id', 'role']).where('task_id', '=', taskId).execute()
  return {
    ...t,
    dueOn: finalDeadline({ deadline: t.deadline, milestones: ms.map((m) => ({ dueOn: m.due_on, plannedPct: m.planned_pct })) }),
    leads: units.filter((u) => u.role === 'lead').map((u) => u.unit_id),
    unitIds: units.map((u) => u.unit_id),
  }
}

const label = (t: { matter_no: string | null; number: number }) => t.matter_no ?? `第${t.number}项任务`

/** extensions.request: lead unit, before the due date, with a reason and a later date. */
export async function requestExtension(ctx: Ctx, input: { taskId: number; reason: string; proposedDue: string }): Promise<ExtensionView[]> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const task = await taskDue(ctx, input.taskId)
  if (actor.unitId === null || !task.leads.includes(actor.unitId)) {
    throw denied(task.unitIds.includes(actor.unitId ?? -1) ? '只有牵头单位可以申请延期' : '该事项不属于您所在的处室')
  }
  if (task.closed_at) throw new DubanError('conflict', '该事项已办结，无需延期')
  const reason = input.reason.trim()
  if (!reason) throw new DubanError('invalid_input', '请填写延期理由')
  const pending = await ctx.db
    .selectFrom('extensions')
    .select('id')
    .where('task_id', '=', task.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  assertExtensionRequest(task.dueOn, input.proposedDue, ctx.clock.today(), Boolean(pending))
  const now = ctx.clock.now().toISOString()
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('extensions')
      .values({
        task_id: task.id,
        unit_id: actor.unitId!,
        requested_by: actor.id,
        requested_at: now,
        reason,
        proposed_due: input.proposedDue,
        previous_due: task.dueOn,
        status: 'pending',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const unit = await trx.selectFrom('units').select('name').where('id', '=', actor.unitId!).executeTakeFirstOrThrow()
    const title = `${unit.name}申请${label(task)}延期至${input.proposedDue}`
    await deliver(trx, ctx, { kind: 'extension_request', to: 'office', refId: row.id, taskId: task.id, title, body: reason })
    if (task.instructed_by)
      await deliver(trx, ctx, {
        kind: 'extension_request',
        to: { userId: task.instructed_by },
        refId: row.id,
        taskId: task.id,
        title,
        body: reason,
      })
    await writeAudit(trx, ctx, {
      action: 'extension.request',
      entity: 'task',
      entityId: task.id,
      after: { extensionId: row.id, reason, proposedDue: input.proposedDue, previousDue: task.dueOn },
    })
    await taskChanged(trx, task.id)
  })
  return listExtensions(ctx, { taskId: task.id })
}

/** Who decides: the office always; a leader for the matters they instructed. */
export function mayDecide(actor: Actor, task: { instructed_by: number | null }): boolean {
  if (actor.role === 'office' || actor.role === 'admin') return true
  return actor.role === 'leader' && task.instructed_by === actor.id
}

/** extensions.decide: approve moves the due date (recorded); refuse keeps it. */
export async function decideExtension(
  ctx: Ctx,
  input: { extensionId: number; decision: 'approve' | 'refuse'; reason?: string },
): Promise<ExtensionView[]> {
  const actor = requireRole(ctx.actor, ['admin', 'office', 'leader'])
  const ext = await ctx.db.selectFrom('extensions').selectAll().where('id', '=', input.extensionId).executeTakeFirst()
  if (!ext) throw notFound('该延期申请')
  const task = await taskDue(ctx, ext.task_id)
  if (!mayDecide(actor, task)) throw denied('只有办公室或交办该事项的领导可以审批延期')
  if (ext.status !== 'pending') throw new DubanError('conflict', '该延期申请已审批')
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'refuse' && !reason) throw new DubanError('invalid_input', '不同意延期时请填写理由')
  const approve = input.decision === 'approve'
  const now = ctx.clock.now().toISOString()
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('extensions')
      .set({ status: approve ? 'approved' : 'refused', decided_by: actor.id, decided_at: now, decision_reason: reason || null })
      .where('id', '=', ext.id)
      .where('status', '=', 'pending')
      .execute()
    if (approve) {
      await bumpTaskVersion(trx, task.id, undefined, now)
      await trx.updateTable('tasks').set({ deadline: ext.proposed_due }).where('id', '=', task.id).execute()
      // the final milestone moves with the due date; earlier ones stay as they were planned
      if (task.dueOn) {
        await trx
          .updateTable('milestones')
          .set({ due_on: ext.proposed_due })
          .where('task_id', '=', task.id)
          .where('due_on', '=', task.dueOn)
          .execute()
      }
    }
    await deliver(trx, ctx, {
      kind: 'extension_decision',
      to: { unitId: ext.unit_id },
      refId: ext.id,
      taskId: task.id,
      title: approve
        ? `${label(task)}延期申请已同意，完成时限改为${ext.proposed_due}`
        : `${label(task)}延期申请未同意，完成时限仍为${task.dueOn}`,
      body: reason,
    })
    await writeAudit(trx, ctx, {
      action: approve ? 'extension.approve' : 'extension.refuse',
      entity: 'task',
      entityId: task.id,
      before: { deadline: task.dueOn },
      after: { extensionId: ext.id, deadline: approve ? ext.proposed_due : task.dueOn, reason: reason || null },
    })
    await taskChanged(trx, task.id)
  })
  return listExtensions(ctx, { taskId: task.id })
}

/** A task's requests (anyone who may read it), or the pending ones the actor may decide. */
export async function listExtensions(ctx: Ctx, input: { taskId?: number; status?: ExtensionStatus }): Promise<ExtensionView[]> {
  const actor = requireActor(ctx.actor)
  if (input.taskId !== undefined) {
    const task = await taskDue(ctx, input.taskId)
    if (!canReadTask(actor, task.unitIds)) throw denied('该事项不属于您所在的处室，无权查看')
  }
  let q = ctx.db
    .selectFrom('extensions')
    .innerJoin('tasks', 'tasks.id', 'extensions.task_id')
    .innerJoin('units', 'units.id', 'extensions.unit_id')
    .innerJoin('users as rq', 'rq.id', 'extensions.requested_by')
    .leftJoin('users as dc', 'dc.id', 'extensions.decided_by')
    .selectAll('extensions')
    .select([
      'tasks.number',
      'tasks.matter_no',
      'tasks.text',
      'tasks.instructed_by',
      'units.name as unit_name',
      'rq.display_name as rq_name',
      'dc.display_name as dc_name',
    ])
    .orderBy('extensions.id', input.taskId !== undefined ? 'asc' : 'desc')
  if (input.taskId !== undefined) q = q.where('extensions.task_id', '=', input.taskId)
  if (input.status) q = q.where('extensions.status', '=', input.status)
  let rows = await q.execute()
  if (input.taskId === undefined) {
    // the decision list: the office sees all; a leader those they instructed; a unit its own requests
    if (actor.role === 'leader') rows = rows.filter((r) => r.instructed_by === actor.id)
    else if (!seesAllTasks(actor)) rows = rows.filter((r) => r.unit_id === actor.unitId)
  }
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    taskNumber: r.number,
    matterNo: r.matter_no,
    taskText: r.text,
    unitId: r.unit_id,
    unitName: r.unit_name,
    requestedBy: r.rq_name,
    requestedAt: r.requested_at,
    reason: r.reason,
    proposedDue: r.proposed_due,
    previousDue: r.previous_due,
    status: r.status,
    decidedBy: r.dc_name,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  }))
}
