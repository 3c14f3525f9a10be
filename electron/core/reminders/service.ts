import type { Ctx } from '../context'
import { cnDate } from '../exporters/common'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole, seesAllTasks } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { loadTaskRecords } from '../tasks/queries'
import { toRow } from '../tasks/service'
import { periodOf, reportDueDate, PERIOD } from '../reports/rules'
import { bureauSettings } from '../settings/bureau'
import { deadlineOffHoliday } from '../calendar/service'
import { escalateDue } from './escalation'
import { nextNumber } from '../numbering/counters'
import { missingReports, noticeNumber, type MissingByUnit } from './rules'

export const REPORTING_DAY_KEY = 'reporting.day'

/** The reporting day is part of 本局信息 (settings.setBureau); settings.setReportingDay remains for the office. */
export async function reportingDay(ctx: Pick<Ctx, 'db'>): Promise<number> {
  return (await bureauSettings(ctx)).reportingDay
}

/** The period's reporting deadline, moved off a holiday to the next working day. */
export async function reportingDueOn(ctx: Pick<Ctx, 'db'>, period: string): Promise<string> {
  return deadlineOffHoliday(ctx, reportDueDate(period, await reportingDay(ctx)))
}

export async function setReportingDay(ctx: Ctx, input: { day: number }): Promise<{ day: number }> {
  requireRole(ctx.actor, ['admin', 'office'])
  const before = await reportingDay(ctx)
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: REPORTING_DAY_KEY, value: String(input.day) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(input.day) }))
      .execute()
    await writeAudit(trx, ctx, {
      action: 'settings.reportingDay',
      entity: 'settings',
      entityId: null,
      before: { day: before },
      after: input,
    })
  })
  return input
}

export async function latestPlanId(ctx: Pick<Ctx, 'db'>): Promise<number | null> {
  const p = await ctx.db.selectFrom('plans').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst()
  return p?.id ?? null
}

export interface NotReported {
  period: string
  dueOn: string
  /** after the reporting day: missing reports are 未报送, before it 待报送 */
  late: boolean
  units: MissingByUnit[]
}

/** Who has not reported this period, per lead unit. Unit people see only their own unit. */
export async function notReported(ctx: Ctx, input: { planId?: number; period?: string }): Promise<NotReported> {
  const actor = requireActor(ctx.actor)
  const period = input.period ?? periodOf(ctx.clock.today())
  if (!PERIOD.test(period)) throw new DubanError('invalid_input', '报送期次格式应为 YYYY-MM')
  const dueOn = await reportingDueOn(ctx, period)
  const planId = input.planId ?? (await latestPlanId(ctx))
  const base = { period, dueOn, late: ctx.clock.today() > dueOn }
  if (planId === null) return { ...base, units: [] }
  const tasks = await loadTaskRecords(ctx.db, { planId })
  const reports = await ctx.db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reports.task_id', 'reports.unit_id', 'reports.period', 'reports.status'])
    .where('tasks.plan_id', '=', planId)
    .where('reports.period', '=', period)
    .execute()
  let units = missingReports(
    tasks,
    reports.map((r) => ({ taskId: r.task_id, unitId: r.unit_id, period: r.period, status: r.status })),
    period,
  )
  if (!seesAllTasks(actor)) units = units.filter((u) => u.unitId === actor.unitId)
  return { ...base, units }
}

/** 催办: one call nudges a unit about the period's missing reports (or the given tasks). */
export async function sendReminder(ctx: Ctx, input: { unitId: number; period?: string; message?: string; taskIds?: number[] }) {
  requireRole(ctx.actor, ['admin', 'office'])
  const period = input.period ?? periodOf(ctx.clock.today())
  const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst()
  if (!unit) throw notFound('该单位')
  const missing = (await notReported(ctx, { period })).units.find((u) => u.unitId === unit.id)
  const count = input.taskIds?.length ?? missing?.tasks.length ?? 0
  const issue = input.message?.trim() || `请于${await reportingDueOn(ctx, period)}前报送${period}进展（尚有${count}项任务未报送）。`
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('notices')
      .values({
        kind: 'reminder',
        task_id: null,
        unit_id: unit.id,
        period,
        issue,
        created_by: ctx.actor!.id,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deliver(trx, ctx, {
      kind: 'reminder',
      to: { unitId: unit.id },
      refId: row.id,
      taskId: null,
      title: `催办：${period}进展报送`,
      body: issue,
    })
    await writeAudit(trx, ctx, {
      action: 'reminder.send',
      entity: 'notice',
      entityId: row.id,
      after: { unitId: unit.id, period, issue, taskIds: input.taskIds },
    })
    return { id: row.id, unitId: unit.id, unitName: unit.name, period, issue }
  })
}

export interface NoticeInput {
  taskId: number
  issue: string
  requiredReply: string
  replyDeadline: string
}

/** 督办单 for a task that is overdue or behind plan, addressed to its primary lead unit, numbered per year. */
export async function issueNotice(ctx: Ctx, input: NoticeInput) {
  requireRole(ctx.actor, ['admin', 'office'])
  const [record] = await loadTaskRecords(ctx.db, { taskId: input.taskId })
  if (!record) throw notFound('该任务')
  const today = ctx.clock.today()
  const row = toRow(record, today)
  if (row.status !== 'overdue' && row.status !== 'behind') {
    throw new DubanError('conflict', `该任务当前为“${row.statusLabel}”，督办单只用于逾期或进度滞后的任务`)
  }
  if (input.replyDeadline < today) throw new DubanError('invalid_input', '回复期限不能早于今天')
  // A reply deadline on a holiday moves to the next working day.
  const replyDeadline = await deadlineOffHoliday(ctx, input.replyDeadline)
  const { noticePrefix } = await bureauSettings(ctx)
  const lead = record.leads[0]
  if (!lead) throw new DubanError('conflict', '该任务没有牵头单位，无法下发督办单')
  const year = Number(today.slice(0, 4))
  const id = await inTransaction(ctx, async (trx) => {
    const seq = await nextNumber(trx, 'notice', year) // first statement: takes the lock before anything is read
    const number = noticeNumber(year, seq, noticePrefix)
    const n = await trx
      .insertInto('notices')
      .values({
        kind: 'notice',
        task_id: record.id,
        unit_id: lead.id,
        year,
        seq,
        number,
        issue: input.issue,
        required_reply: input.requiredReply,
        reply_deadline: replyDeadline,
        created_by: ctx.actor!.id,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deliver(trx, ctx, {
      kind: 'notice',
      to: { unitId: lead.id },
      refId: n.id,
      taskId: record.id,
      title: `${number}：${record.code}任务，请于${cnDate(replyDeadline)}前回复`,
      body: input.issue,
    })
    await writeAudit(trx, ctx, {
      action: 'notice.issue',
      entity: 'notice',
      entityId: n.id,
      after: { number, ...input, replyDeadline, unitId: lead.id },
    })
    await writeAudit(trx, ctx, { action: 'notice.issue', entity: 'task', entityId: record.id, after: { number, noticeId: n.id } })
    return n.id
  })
  return getNotice(ctx, id)
}

/** The addressed unit answers a 督办单. */
export async function replyNotice(ctx: Ctx, input: { noticeId: number; reply: string }) {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const n = await ctx.db.selectFrom('notices').selectAll().where('id', '=', input.noticeId).where('kind', '=', 'notice').executeTakeFirst()
  if (!n) throw notFound('该督办单')
  if (n.unit_id !== actor.unitId) throw denied('该督办单不是发给您所在处室的')
  if (n.replied_at) throw new DubanError('conflict', '该督办单已回复')
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString()
    await trx.updateTable('notices').set({ reply: input.reply, replied_by: actor.id, replied_at: now }).where('id', '=', n.id).execute()
    await deliver(trx, ctx, {
      kind: 'notice_reply',
      to: 'office',
      refId: n.id,
      taskId: n.task_id,
      title: `${n.number} 已回复`,
      body: input.reply,
    })
    await writeAudit(trx, ctx, {
      action: 'notice.reply',
      entity: 'notice',
      entityId: n.id,
      before: { reply: null },
      after: { reply: input.reply },
    })
  })
  return getNotice(ctx, n.id)
}

async function getNotice(ctx: Ctx, id: number) {
  return (await listNotices(ctx, { ids: [id] }))[0]
}

/** Notices and reminders: the office sees all, a unit its own, a leader all (and those raised to them). */
export async function listNotices(
  ctx: Ctx,
  input: { kind?: 'reminder' | 'notice'; awaitingReply?: boolean; taskId?: number; ids?: number[] },
) {
  const actor = requireActor(ctx.actor)
  await escalateDue(ctx)
  let q = ctx.db
    .selectFrom('notices')
    .innerJoin('units', 'units.id', 'notices.unit_id')
    .leftJoin('tasks', 'tasks.id', 'notices.task_id')
    .leftJoin('users as e', 'e.id', 'notices.escalated_to')
    .selectAll('notices')
    .select([
      'units.name as unit_name',
      'tasks.number as task_number',
      'tasks.code as task_code',
      'tasks.text as task_text',
      'e.display_name as escalated_to_name',
    ])
    .orderBy('notices.id', 'desc')
  if (!seesAllTasks(actor)) q = q.where('notices.unit_id', '=', actor.unitId ?? -1)
  if (input.kind) q = q.where('notices.kind', '=', input.kind)
  if (input.awaitingReply) q = q.where('notices.kind', '=', 'notice').where('notices.replied_at', 'is', null)
  if (input.taskId !== undefined) q = q.where('notices.task_id', '=', input.taskId)
  if (input.ids) q = q.where('notices.id', 'in', input.ids)
  const today = ctx.clock.today()
  return (await q.execute()).map((n) => ({
    id: n.id,
    kind: n.kind,
    number: n.number,
    taskId: n.task_id,
    taskNumber: n.task_number,
    /** 重点3, 要点15, 民生5-2 */
    taskCode: n.task_code,
    taskText: n.task_text,
    unitId: n.unit_id,
    unitName: n.unit_name,
    period: n.period,
    issue: n.issue,
    requiredReply: n.required_reply,
    replyDeadline: n.reply_deadline,
    reply: n.reply,
    repliedAt: n.replied_at,
    overdue: n.kind === 'notice' && !n.replied_at && !!n.reply_deadline && n.reply_deadline < today,
    escalationLevel: n.escalation_level,
    escalatedTo: n.escalated_to_name,
    escalatedAt: n.escalated_at,
    createdAt: n.created_at,
  }))
}
export type NoticeView = Awaited<ReturnType<typeof listNotices>>[number]
