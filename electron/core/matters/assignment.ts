/** 签收 and 退回: the lead unit signs for a new assignment, or returns it as not its own; the office reassigns. */
import type { Transaction } from 'kysely'
import type { Ctx, Actor } from '../context'
import type { Database } from '../db/schema'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { isUnitRole, requireActor, requireRole, seesAllTasks } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { loadCalendar } from '../calendar/service'
import { dayIn } from '../calendar/dates'
import { matterSettings } from './settings'
import { isUnsignedOverdue, signDueDate } from './rules'

async function taskForUnit(ctx: Ctx, taskId: number): Promise<{ actor: Actor; task: Awaited<ReturnType<typeof loadTask>> }> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const task = await loadTask(ctx, taskId)
  if (actor.unitId === null || !task.leads.includes(actor.unitId)) {
    throw denied(task.coops.includes(actor.unitId ?? -1) ? '只有牵头单位可以签收或退回交办事项' : '该事项不属于您所在的处室')
  }
  return { actor, task }
}

async function loadTask(ctx: Pick<Ctx, 'db'>, taskId: number) {
  const t = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'number', 'text', 'matter_no', 'assigned_at', 'acknowledged_at', 'closed_at', 'version', 'deadline'])
    .where('id', '=', taskId)
    .executeTakeFirst()
  if (!t) throw notFound('该事项')
  const units = await ctx.db
    .selectFrom('task_units')
    .select(['unit_id', 'role'])
    .where('task_id', '=', taskId)
    .orderBy('position')
    .execute()
  return {
    ...t,
    leads: units.filter((u) => u.role === 'lead').map((u) => u.unit_id),
    coops: units.filter((u) => u.role === 'coop').map((u) => u.unit_id),
  }
}

const label = (t: { matter_no: string | null; number: number }) => t.matter_no ?? `第${t.number}项任务`

/** tasks.acknowledge: the lead unit signs for its assignment. */
export async function acknowledge(ctx: Ctx, input: { taskId: number }): Promise<{ acknowledgedAt: string }> {
  const { actor, task } = await taskForUnit(ctx, input.taskId)
  if (task.closed_at) throw new DubanError('conflict', '该事项已办结')
  if (task.acknowledged_at) throw new DubanError('conflict', '该事项已签收')
  const open = await openReturn(ctx, task.id, actor.unitId!)
  if (open) throw new DubanError('conflict', '本处室已退回该事项，正等待办公室重新交办')
  const now = ctx.clock.now().toISOString()
  await inTransaction(ctx, async (trx) => {
    await bumpTaskVersion(trx, task.id, undefined, now)
    await trx.updateTable('tasks').set({ acknowledged_at: now, acknowledged_by: actor.id }).where('id', '=', task.id).execute()
    await trx
      .updateTable('inbox_items')
      .set({ read_at: now, read_by: actor.id })
      .where('task_id', '=', task.id)
      .where('kind', 'in', ['assignment', 'assignment_overdue'])
      .where('recipient_unit_id', '=', actor.unitId)
      .where('read_at', 'is', null)
      .execute()
    await writeAudit(trx, ctx, {
      action: 'task.acknowledge',
      entity: 'task',
      entityId: task.id,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: now, unitId: actor.unitId },
    })
    await taskChanged(trx, task.id)
  })
  return { acknowledgedAt: now }
}

async function openReturn(ctx: Pick<Ctx, 'db'>, taskId: number, unitId: number) {
  return ctx.db
    .selectFrom('assignment_returns')
    .select('id')
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
}

/** tasks.returnAssignment: not ours — back to the office with a reason, before signing. */
export async function returnAssignment(ctx: Ctx, input: { taskId: number; reason: string }): Promise<{ returnId: number }> {
  const { actor, task } = await taskForUnit(ctx, input.taskId)
  const reason = input.reason.trim()
  if (!reason) throw new DubanError('invalid_input', '请填写退回理由')
  if (task.closed_at) throw new DubanError('conflict', '该事项已办结')
  if (task.acknowledged_at) throw new DubanError('conflict', '该事项已签收，不能再退回；如有异议请联系办公室')
  if (await openReturn(ctx, task.id, actor.unitId!)) throw new DubanError('conflict', '本处室已退回该事项，正等待办公室处理')
  const now = ctx.clock.now().toISOString()
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('assignment_returns')
      .values({ task_id: task.id, unit_id: actor.unitId!, reason, returned_by: actor.id, returned_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const unit = await trx.selectFrom('units').select('name').where('id', '=', actor.unitId!).executeTakeFirstOrThrow()
    await deliver(trx, ctx, {
      kind: 'assignment_returned',
      to: 'office',
      refId: row.id,
      taskId: task.id,
      title: `${unit.name}退回${label(task)}，请重新交办`,
      body: reason,
    })
    await writeAudit(trx, ctx, {
      action: 'task.returnAssignment',
      entity: 'task',
      entityId: task.id,
      after: { returnId: row.id, unitId: actor.unitId, reason },
    })
    await taskChanged(trx, task.id)
    return { returnId: row.id }
  })
}

/**
 * Called by tasks.update inside its transaction when the office changes the lead units: open returns are
 * resolved, and a matter (or a returned task) waits for the new lead's 签收 again.
 */
export async function leadsReassigned(
  trx: Transaction<Database>,
  ctx: Ctx,
  taskId: number,
  before: readonly number[],
  after: readonly number[],
): Promise<void> {
  const same = before.length === after.length && before.every((u) => after.includes(u))
  if (same) return
  const now = ctx.clock.now().toISOString()
  const t = await trx
    .selectFrom('tasks')
    .select(['assigned_at', 'acknowledged_at', 'acknowledged_by', 'matter_no', 'number', 'text'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow()
  const open = await trx
    .selectFrom('assignment_returns')
    .select('id')
    .where('task_id', '=', taskId)
    .where('resolved_at', 'is', null)
    .execute()
  if (open.length) {
    await trx
      .updateTable('assignment_returns')
      .set({ resolved_at: now, resolved_by: ctx.actor?.id ?? null, reassigned_unit_id: after[0] ?? null })
      .where('task_id', '=', taskId)
      .where('resolved_at', 'is', null)
      .execute()
  }
  if (t.assigned_at === null && open.length === 0) return // an annual-plan item: no 签收 asked
  await trx.updateTable('tasks').set({ assigned_at: now, acknowledged_at: null, acknowledged_by: null }).where('id', '=', taskId).execute()
  // the old lead's 签收 leaves the task row; this entry keeps it (the matter's detail lists these as earlier 签收)
  await writeAudit(trx, ctx, {
    action: 'task.signRestart',
    entity: 'task',
    entityId: taskId,
    before: { leads: before, assignedAt: t.assigned_at, acknowledgedAt: t.acknowledged_at, acknowledgedBy: t.acknowledged_by },
    after: { leads: after, assignedAt: now, acknowledgedAt: null },
  })
  for (const unitId of after.filter((u) => !before.includes(u))) {
    await deliver(trx, ctx, { kind: 'assignment', to: { unitId }, refId: taskId, taskId, title: `请签收：${label(t)}`, body: t.text })
  }
}

export interface UnsignedRow {
  taskId: number
  matterNo: string | null
  number: number
  text: string
  units: { id: number; name: string }[]
  assignedAt: string
  signDueOn: string
  overdue: boolean
}

/** Assignments waiting for 签收 (the office: all; a unit: its own), and the overdue ones told to their unit once. */
export async function unsignedAssignments(ctx: Ctx, input: { overdueOnly?: boolean } = {}): Promise<UnsignedRow[]> {
  const actor = requireActor(ctx.actor)
  const rows = await pendingSignatures(ctx)
  await remindOverdueSignatures(ctx, rows)
  return rows.filter(
    (r) =>
      (seesAllTasks(actor) || (isUnitRole(actor.role) && r.units.some((u) => u.id === actor.unitId))) && (!input.overdueOnly || r.overdue),
  )
}

async function pendingSignatures(ctx: Ctx): Promise<UnsignedRow[]> {
  const tasks = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'matter_no', 'number', 'text', 'assigned_at', 'acknowledged_at', 'closed_at'])
    .where('assigned_at', 'is not', null)
    .where('acknowledged_at', 'is', null)
    .where('closed_at', 'is', null)
    .orderBy('assigned_at')
    .execute()
  if (!tasks.length) return []
  const units = await ctx.db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['task_units.task_id', 'units.id', 'units.name'])
    .where('task_units.role', '=', 'lead')
    .where(
      'task_units.task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('task_units.position')
    .execute()
  const cal = await loadCalendar(ctx)
  const { signDays } = await matterSettings(ctx)
  const today = ctx.clock.today()
  return tasks.map((t) => {
    const assignedOn = dayIn(new Date(t.assigned_at!), ctx.clock.timeZone)
    return {
      taskId: t.id,
      matterNo: t.matter_no,
      number: t.number,
      text: t.text,
      units: units.filter((u) => u.task_id === t.id).map((u) => ({ id: u.id, name: u.name })),
      assignedAt: t.assigned_at!,
      signDueOn: signDueDate(cal, assignedOn, signDays),
      overdue: isUnsignedOverdue(
        { assignedAt: t.assigned_at, acknowledgedAt: t.acknowledged_at, closedAt: t.closed_at },
        assignedOn,
        cal,
        signDays,
        today,
      ),
    }
  })
}

/** One 签收超期 item per unit and assignment, whoever looks first (the inbox or 督查督办). */
export async function remindOverdueSignatures(ctx: Ctx, rows?: UnsignedRow[]): Promise<void> {
  const overdue = (rows ?? (await pendingSignatures(ctx))).filter((r) => r.overdue)
  if (!overdue.length) return
  const already = await ctx.db
    .selectFrom('inbox_items')
    .select(['task_id', 'recipient_unit_id', 'created_at'])
    .where('kind', '=', 'assignment_overdue')
    .where(
      'task_id',
      'in',
      overdue.map((r) => r.taskId),
    )
    .execute()
  const todo = overdue.flatMap((r) =>
    r.units
      .filter((u) => !already.some((a) => a.task_id === r.taskId && a.recipient_unit_id === u.id && a.created_at >= r.assignedAt))
      .map((u) => ({ row: r, unitId: u.id })),
  )
  if (!todo.length) return
  await inTransaction(ctx, async (trx) => {
    for (const { row, unitId } of todo) {
      await deliver(trx, ctx, {
        kind: 'assignment_overdue',
        to: { unitId },
        refId: row.taskId,
        taskId: row.taskId,
        title: `${row.matterNo ?? `第${row.number}项任务`}超过签收期限（${row.signDueOn}）仍未签收`,
        body: row.text,
      })
    }
  })
}
