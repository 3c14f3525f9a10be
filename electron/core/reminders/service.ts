import type { Ctx } from '../context'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole, seesAllTasks } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { loadTaskRecords, type TaskRecord } from '../tasks/queries'
import { toRow } from '../tasks/service'
import { periodOf, reportDueDate, PERIOD } from '../reports/rules'
import { bureauSettings } from '../settings/bureau'
import { deadlineOffHoliday } from '../calendar/service'
import { escalateDue } from './escalation'
import { nextNumber } from '../numbering/counters'
import { missingReports, noticeNumber, type MissingByUnit } from './rules'
import { NOTICE_STATUS_LABELS, awaitsUnit } from './lifecycle'
import { taskLabel } from '../../contract/taskLabel'
import { cnDate } from '../exporters/common'
import type { NoticeStepAction } from '../db/schema'
import { reportsInPeriod } from '../matters/rules'

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
  // an imported plan before the year's 督查事项 (plans.kind 'matters' sorts after 'plan' descending)
  const p = await ctx.db.selectFrom('plans').select('id').orderBy('kind', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  return p?.id ?? null
}

export interface NotReported {
  period: string
  dueOn: string
  /** after the reporting day: missing reports are 未报送, before it 待报送 */
  late: boolean
  units: MissingByUnit[]
}

/**
 * Who has not reported this period, per lead unit. Unit people see only their own unit. `records`: every task
 * record of `input.planId`, when the caller has just loaded them (the home page), so they are not read twice.
 */
export async function notReported(ctx: Ctx, input: { planId?: number; period?: string }, records?: TaskRecord[]): Promise<NotReported> {
  const actor = requireActor(ctx.actor)
  const period = input.period ?? periodOf(ctx.clock.today())
  if (!PERIOD.test(period)) throw new DubanError('invalid_input', '报送期次格式应为 YYYY-MM')
  const dueOn = await reportingDueOn(ctx, period)
  const planId = input.planId ?? (await latestPlanId(ctx))
  const base = { period, dueOn, late: ctx.clock.today() > dueOn }
  if (planId === null) return { ...base, units: [] }
  // a task reporting quarterly or half-yearly is not missing in the months between (issue 14, cadence)
  const cadences = await ctx.db.selectFrom('tasks').select(['id', 'report_cadence']).where('plan_id', '=', planId).execute()
  const quiet = new Set(cadences.filter((t) => !reportsInPeriod(t.report_cadence, period)).map((t) => t.id))
  const planRecords = records ?? (await loadTaskRecords(ctx.db, { planId }))
  const tasks = planRecords.filter((t) => !quiet.has(t.id))
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

export interface NoticeInput {
  taskId: number
  issue: string
  requiredReply: string
  replyDeadline: string
  /** 签发人: by default the task's leader in charge, else the person issuing */
  signer?: string
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
        signer: input.signer?.trim() || record.leaderName?.replace(/（[^（）]*）$/, '') || ctx.actor!.displayName,
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
      title: `${number}：${taskLabel(record)}，请于${cnDate(replyDeadline)}前回复`,
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

async function getNotice(ctx: Ctx, id: number) {
  return (await listNotices(ctx, { ids: [id] }))[0]
}

/** Notices and reminders: the office sees all, a unit its own, a leader all (and those raised to them). */
type NoticeQuery = { kind?: 'reminder' | 'notice'; awaitingReply?: boolean; taskId?: number; ids?: number[]; year?: number }

/** 催办 and 督办单 as the actor may see them, after escalating the notices now past their reply deadline. */
export async function listNotices(ctx: Ctx, input: NoticeQuery) {
  requireActor(ctx.actor)
  await escalateDue(ctx)
  return noticeViews(ctx, input)
}

/** The same list without the escalation sweep, for a caller that has just run it (the home page). */
export async function noticeViews(ctx: Ctx, input: NoticeQuery) {
  const actor = requireActor(ctx.actor)
  let q = ctx.db
    .selectFrom('notices')
    .innerJoin('units', 'units.id', 'notices.unit_id')
    .leftJoin('tasks', 'tasks.id', 'notices.task_id')
    .leftJoin('users as e', 'e.id', 'notices.escalated_to')
    .selectAll('notices')
    .leftJoin('lists', 'lists.id', 'tasks.list_id')
    .select([
      'units.name as unit_name',
      'tasks.number as task_number',
      'tasks.code as task_code',
      'tasks.text as task_text',
      'e.display_name as escalated_to_name',
    ])
    .select(['lists.name as list_name'])
    .orderBy('notices.id', 'desc')
  if (!seesAllTasks(actor)) q = q.where('notices.unit_id', '=', actor.unitId ?? -1)
  if (input.kind) q = q.where('notices.kind', '=', input.kind)
  if (input.awaitingReply) q = q.where('notices.kind', '=', 'notice').where('notices.status', 'in', ['issued', 'read', 'returned'])
  if (input.year !== undefined) q = q.where('notices.year', '=', input.year)
  if (input.taskId !== undefined) q = q.where('notices.task_id', '=', input.taskId)
  if (input.ids?.length === 0) return [] // an empty IN list is a syntax error on PostgreSQL
  if (input.ids) q = q.where('notices.id', 'in', input.ids)
  const today = ctx.clock.today()
  const rows = await q.execute()
  const steps = await loadSteps(
    ctx,
    rows.filter((n) => n.kind === 'notice').map((n) => n.id),
  )
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    number: n.number,
    status: n.status,
    statusLabel: NOTICE_STATUS_LABELS[n.status],
    revision: n.revision,
    signer: n.signer,
    readAt: n.read_at,
    closedAt: n.closed_at,
    steps: steps.get(n.id) ?? [],
    taskId: n.task_id,
    taskNumber: n.task_number,
    taskLabel: n.task_number === null ? null : taskLabel({ number: n.task_number, code: n.task_code, listName: n.list_name }),
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
    overdue: n.kind === 'notice' && awaitsUnit(n.status) && !!n.reply_deadline && n.reply_deadline < today,
    escalationLevel: n.escalation_level,
    escalatedTo: n.escalated_to_name,
    escalatedAt: n.escalated_at,
    createdAt: n.created_at,
  }))
}
export type NoticeView = Awaited<ReturnType<typeof listNotices>>[number]

export interface NoticeStepView {
  action: NoticeStepAction
  actorName: string | null
  at: string
  body: string
  attachments: { id: number; fileName: string }[]
}

/** Each notice's steps in order, with the evidence files' names. */
async function loadSteps(ctx: Ctx, ids: number[]): Promise<Map<number, NoticeStepView[]>> {
  const out = new Map<number, NoticeStepView[]>()
  if (ids.length === 0) return out
  const rows = await ctx.db
    .selectFrom('notice_steps')
    .leftJoin('users', 'users.id', 'notice_steps.actor_id')
    .select(['notice_steps.notice_id', 'notice_steps.action', 'notice_steps.at', 'notice_steps.body', 'notice_steps.attachment_ids_json'])
    .select('users.display_name')
    .where('notice_steps.notice_id', 'in', ids)
    .orderBy('notice_steps.id')
    .execute()
  const fileIds = [...new Set(rows.flatMap((r) => JSON.parse(r.attachment_ids_json) as number[]))]
  const files = fileIds.length
    ? await ctx.db.selectFrom('attachments').select(['id', 'file_name']).where('id', 'in', fileIds).execute()
    : []
  for (const r of rows) {
    const list = out.get(r.notice_id) ?? []
    list.push({
      action: r.action,
      actorName: r.display_name,
      at: r.at,
      body: r.body,
      attachments: (JSON.parse(r.attachment_ids_json) as number[]).map((id) => ({
        id,
        fileName: files.find((f) => f.id === id)?.file_name ?? `文件${id}`,
      })),
    })
    out.set(r.notice_id, list)
  }
  return out
}
