/** What the task drawer shows of a matter: source, number, 签收, 退回, 延期, cadence and 回访. */
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, ReportCadence, SourceKind, Urgency } from '../db/schema'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { canReadTask, isUnitRole, requireActor, requireRole } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { loadCalendar } from '../calendar/service'
import { dayIn } from '../calendar/dates'
import { bureauSettings } from '../settings/bureau'
import { finalDeadline } from '../tasks/rules'
import { matterSettings } from './settings'
import { listExtensions, mayDecide, type ExtensionView } from './extensions'
import { followupState, isUnsignedOverdue, nextReportDue, signDueDate, SOURCE_LABELS, type FollowupState } from './rules'

export interface MatterDetail {
  taskId: number
  sourceKind: SourceKind
  sourceLabel: string
  sourceTitle: string | null
  sourceAttachment: { id: number; fileName: string } | null
  matterNo: string | null
  urgency: Urgency | null
  timeLimitDays: number | null
  instructedBy: { id: number; name: string } | null
  parent: { taskId: number; label: string; text: string } | null
  followups: { taskId: number; label: string; text: string }[]
  /** 签收 */
  needsSignature: boolean
  assignedAt: string | null
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  signDueOn: string | null
  unsignedOverdue: boolean
  /** 签收 of earlier leads, kept when the office reassigned the task (newest first) */
  earlierSignatures: {
    leads: string[]
    assignedAt: string | null
    acknowledgedAt: string | null
    acknowledgedBy: string | null
    endedAt: string
  }[]
  returns: {
    id: number
    unitName: string
    reason: string
    returnedBy: string
    returnedAt: string
    resolvedAt: string | null
    reassignedTo: string | null
  }[]
  /** what this person may do here */
  canAcknowledge: boolean
  canRequestExtension: boolean
  canDecideExtension: boolean
  dueOn: string | null
  extensions: ExtensionView[]
  reportCadence: ReportCadence
  reportDay: number
  nextReport: { period: string; dueOn: string } | null
  followupSentAt: string | null
  followup: FollowupState
}

const labelOf = (t: { matter_no: string | null; number: number }) => t.matter_no ?? `第${t.number}项任务`

export async function matterDetail(ctx: Ctx, input: { taskId: number }): Promise<MatterDetail> {
  const actor = requireActor(ctx.actor)
  const t = await ctx.db
    .selectFrom('tasks')
    .leftJoin('users as ins', 'ins.id', 'tasks.instructed_by')
    .leftJoin('users as ack', 'ack.id', 'tasks.acknowledged_by')
    .leftJoin('attachments', 'attachments.id', 'tasks.source_attachment_id')
    .selectAll('tasks')
    .select(['ins.display_name as instructed_name', 'ack.display_name as ack_name', 'attachments.file_name'])
    .where('tasks.id', '=', input.taskId)
    .executeTakeFirst()
  if (!t) throw notFound('该任务')
  const units = await ctx.db.selectFrom('task_units').select(['unit_id', 'role']).where('task_id', '=', t.id).execute()
  if (
    !canReadTask(
      actor,
      units.map((u) => u.unit_id),
    )
  )
    throw denied('该任务不属于您所在的处室，无权查看')
  const leads = units.filter((u) => u.role === 'lead').map((u) => u.unit_id)
  const cal = await loadCalendar(ctx)
  const settings = await matterSettings(ctx)
  const today = ctx.clock.today()
  const assignedOn = t.assigned_at ? dayIn(new Date(t.assigned_at), ctx.clock.timeZone) : null
  const ms = await ctx.db.selectFrom('milestones').select(['due_on', 'planned_pct']).where('task_id', '=', t.id).execute()
  const dueOn = finalDeadline({ deadline: t.deadline, milestones: ms.map((m) => ({ dueOn: m.due_on, plannedPct: m.planned_pct })) })
  const returns = await ctx.db
    .selectFrom('assignment_returns')
    .innerJoin('units', 'units.id', 'assignment_returns.unit_id')
    .innerJoin('users', 'users.id', 'assignment_returns.returned_by')
    .leftJoin('units as re', 're.id', 'assignment_returns.reassigned_unit_id')
    .select(['assignment_returns.id', 'units.name', 'reason', 'users.display_name', 'returned_at', 'resolved_at', 're.name as re_name'])
    .where('task_id', '=', t.id)
    .orderBy('assignment_returns.id')
    .execute()
  const parent = t.parent_task_id
    ? await ctx.db.selectFrom('tasks').select(['id', 'number', 'matter_no', 'text']).where('id', '=', t.parent_task_id).executeTakeFirst()
    : undefined
  const followups = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'number', 'matter_no', 'text'])
    .where('parent_task_id', '=', t.id)
    .orderBy('id')
    .execute()
  const reinstructed = t.followup_sent_at
    ? Boolean(
        await ctx.db
          .selectFrom('instructions')
          .select('id')
          .where('task_id', '=', t.id)
          .where('parent_id', 'is', null)
          .where('created_at', '>', t.followup_sent_at)
          .executeTakeFirst(),
      )
    : false
  const extensions = await listExtensions(ctx, { taskId: t.id })
  const earlierSignatures = await signatureHistory(ctx, t.id)
  const ownLead = isUnitRole(actor.role) && actor.unitId !== null && leads.includes(actor.unitId)
  const openReturn = returns.some((r) => r.resolved_at === null)
  const reportDay = t.report_day ?? (await bureauSettings(ctx)).reportingDay
  return {
    taskId: t.id,
    sourceKind: t.source_kind,
    sourceLabel: SOURCE_LABELS[t.source_kind],
    sourceTitle: t.source_title,
    sourceAttachment: t.source_attachment_id && t.file_name ? { id: t.source_attachment_id, fileName: t.file_name } : null,
    matterNo: t.matter_no,
    urgency: t.urgency,
    timeLimitDays: t.time_limit_days,
    instructedBy: t.instructed_by ? { id: t.instructed_by, name: t.instructed_name ?? '' } : null,
    parent: parent ? { taskId: parent.id, label: labelOf(parent), text: parent.text } : null,
    followups: followups.map((f) => ({ taskId: f.id, label: labelOf(f), text: f.text })),
    needsSignature: t.assigned_at !== null,
    assignedAt: t.assigned_at,
    acknowledgedAt: t.acknowledged_at,
    acknowledgedBy: t.ack_name,
    signDueOn: assignedOn ? signDueDate(cal, assignedOn, settings.signDays) : null,
    unsignedOverdue: isUnsignedOverdue(
      { assignedAt: t.assigned_at, acknowledgedAt: t.acknowledged_at, closedAt: t.closed_at },
      assignedOn,
      cal,
      settings.signDays,
      today,
    ),
    earlierSignatures,
    returns: returns.map((r) => ({
      id: r.id,
      unitName: r.name,
      reason: r.reason,
      returnedBy: r.display_name,
      returnedAt: r.returned_at,
      resolvedAt: r.resolved_at,
      reassignedTo: r.re_name,
    })),
    canAcknowledge: ownLead && t.assigned_at !== null && !t.acknowledged_at && !t.closed_at && !openReturn,
    canRequestExtension: ownLead && !t.closed_at && dueOn !== null && today <= dueOn && !extensions.some((e) => e.status === 'pending'),
    canDecideExtension: mayDecide(actor, t) && extensions.some((e) => e.status === 'pending'),
    dueOn,
    extensions,
    reportCadence: t.report_cadence,
    reportDay,
    nextReport: t.closed_at ? null : nextReportDue(cal, t.report_cadence, reportDay, today),
    followupSentAt: t.followup_sent_at,
    followup: followupState(
      cal,
      t.followup_sent_at ? dayIn(new Date(t.followup_sent_at), ctx.clock.timeZone) : null,
      reinstructed,
      settings.followupDays,
      today,
    ),
  }
}

/** tasks.setCadence: the office sets how often a task reports and on which day. */
export async function setCadence(
  ctx: Ctx,
  input: { taskId: number; reportCadence: ReportCadence; reportDay: number | null },
): Promise<MatterDetail> {
  requireRole(ctx.actor, ['admin', 'office'])
  const before = await ctx.db.selectFrom('tasks').select(['report_cadence', 'report_day']).where('id', '=', input.taskId).executeTakeFirst()
  if (!before) throw notFound('该任务')
  if (input.reportDay !== null && (!Number.isInteger(input.reportDay) || input.reportDay < 1 || input.reportDay > 31)) {
    throw new DubanError('invalid_input', '报送日应为1至31之间的整数')
  }
  await inTransaction(ctx, async (trx) => {
    await bumpTaskVersion(trx, input.taskId, undefined, ctx.clock.now().toISOString())
    await trx
      .updateTable('tasks')
      .set({ report_cadence: input.reportCadence, report_day: input.reportDay })
      .where('id', '=', input.taskId)
      .execute()
    await writeAudit(trx, ctx, {
      action: 'task.cadence',
      entity: 'task',
      entityId: input.taskId,
      before: { reportCadence: before.report_cadence, reportDay: before.report_day },
      after: { reportCadence: input.reportCadence, reportDay: input.reportDay },
    })
    await taskChanged(trx, input.taskId)
  })
  return matterDetail(ctx, { taskId: input.taskId })
}

/** 回访: called inside the closing transaction; the instructing leader receives the result. */
export async function sendFollowup(trx: Transaction<Database>, ctx: Ctx, taskId: number, result: string): Promise<void> {
  const t = await trx
    .selectFrom('tasks')
    .select(['id', 'number', 'matter_no', 'instructed_by', 'followup_sent_at', 'text'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow()
  if (!t.instructed_by || t.followup_sent_at) return
  const now = ctx.clock.now().toISOString()
  await trx.updateTable('tasks').set({ followup_sent_at: now }).where('id', '=', taskId).execute()
  await deliver(trx, ctx, {
    kind: 'followup',
    to: { userId: t.instructed_by },
    refId: taskId,
    taskId,
    title: `回访：您批示的${labelOf(t)}已办结，请阅示`,
    body: result,
  })
  await writeAudit(trx, ctx, {
    action: 'matter.followup.sent',
    entity: 'task',
    entityId: taskId,
    after: { leaderId: t.instructed_by, at: now },
  })
}

/** The 签收 state each reassignment replaced, from its audit entry (task.signRestart). */
async function signatureHistory(ctx: Ctx, taskId: number): Promise<MatterDetail['earlierSignatures']> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'before_json'])
    .where('entity', '=', 'task')
    .where('entity_id', '=', taskId)
    .where('action', '=', 'task.signRestart')
    .orderBy('id', 'desc')
    .execute()
  const olds = rows.map((r) => {
    const b = JSON.parse(r.before_json ?? '{}') as {
      leads?: number[]
      assignedAt?: string | null
      acknowledgedAt?: string | null
      acknowledgedBy?: number | null
    }
    return {
      at: r.at,
      leads: b.leads ?? [],
      assignedAt: b.assignedAt ?? null,
      acknowledgedAt: b.acknowledgedAt ?? null,
      by: b.acknowledgedBy ?? null,
    }
  })
  const unitIds = [...new Set(olds.flatMap((o) => o.leads))]
  const userIds = [...new Set(olds.flatMap((o) => (o.by ? [o.by] : [])))]
  const units = new Map(
    unitIds.length
      ? (await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u.name])
      : [],
  )
  const users = new Map(
    userIds.length
      ? (await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [
          u.id,
          u.display_name,
        ])
      : [],
  )
  return olds.map((o) => ({
    leads: o.leads.map((u) => units.get(u) ?? ''),
    assignedAt: o.assignedAt,
    acknowledgedAt: o.acknowledgedAt,
    acknowledgedBy: o.by ? (users.get(o.by) ?? null) : null,
    endedAt: o.at,
  }))
}
