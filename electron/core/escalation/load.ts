/** Builds the event history (history.ts) from the database: four plain queries, grouped in TypeScript. */
import type { Ctx } from '../context'
import { dayIn } from '../calendar/dates'
import { loadCalendar } from '../calendar/service'
import { cadenceDueDate, reportsInPeriod, signDueDate } from '../matters/rules'
import { matterSettings } from '../matters/settings'
import { reportingDay } from '../reminders/service'
import type { FiringFact, History, NoticeFact, ReportFact, TaskHistory } from './history'

/** The months from one period to another, both included. */
export function periodsBetween(first: string, last: string): string[] {
  const out: string[] = []
  let [y, m] = first.split('-').map(Number)
  for (let i = 0; i < 240; i++) {
    const p = `${y}-${String(m).padStart(2, '0')}`
    if (p > last) break
    out.push(p)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

export async function loadHistory(ctx: Pick<Ctx, 'db' | 'clock'>, opts: { year?: number; taskIds?: number[] } = {}): Promise<History> {
  const zone = ctx.clock.timeZone
  const dayOf = (iso: string | null) => (iso ? dayIn(new Date(iso), zone) : null)
  const calendar = await loadCalendar(ctx)
  const rDay = await reportingDay(ctx)
  let tq = ctx.db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .innerJoin('task_units', (j) => j.onRef('task_units.task_id', '=', 'tasks.id').on('task_units.role', '=', 'lead'))
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select([
      'tasks.id',
      'tasks.number',
      'tasks.code',
      'tasks.text',
      'tasks.deadline',
      'tasks.closed_at',
      'tasks.leader_id',
      'tasks.created_at',
    ])
    .select(['tasks.assigned_at', 'tasks.acknowledged_at', 'tasks.report_cadence', 'tasks.report_day', 'tasks.matter_year'])
    .select(['plans.year', 'plans.issued_on', 'lists.name as list_name', 'units.id as unit_id', 'units.name as unit_name'])
    .orderBy('lists.sort')
    .orderBy('tasks.sort')
  if (opts.year !== undefined) tq = tq.where('plans.year', '=', opts.year)
  if (opts.taskIds) tq = tq.where('tasks.id', 'in', opts.taskIds.length ? opts.taskIds : [-1])
  const rows = await tq.execute()
  const taskIds = [...new Set(rows.map((r) => r.id))]
  const ids = taskIds.length ? taskIds : [-1]
  const [milestones, reports, versions, notices, firings, units, extensions, settings] = await Promise.all([
    ctx.db.selectFrom('milestones').selectAll().where('task_id', 'in', ids).orderBy('due_on').execute(),
    ctx.db.selectFrom('reports').select(['id', 'task_id', 'unit_id', 'period', 'status', 'percent']).where('task_id', 'in', ids).execute(),
    ctx.db
      .selectFrom('report_versions')
      .innerJoin('reports', 'reports.id', 'report_versions.report_id')
      .select(['report_versions.id', 'report_versions.report_id', 'report_versions.version', 'report_versions.outcome'])
      .select(['report_versions.submitted_at', 'report_versions.reviewed_at', 'report_versions.progress', 'report_versions.return_reason'])
      .where('reports.task_id', 'in', ids)
      .orderBy('report_versions.version')
      .execute(),
    ctx.db.selectFrom('notices').select(['id', 'kind', 'number', 'unit_id', 'task_id', 'created_at', 'replied_at']).execute(),
    ctx.db.selectFrom('escalation_firings').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('units').select(['id', 'name']).execute(),
    ctx.db
      .selectFrom('extensions')
      .select(['id', 'task_id', 'unit_id', 'decided_at', 'proposed_due', 'previous_due'])
      .where('task_id', 'in', ids)
      .where('status', '=', 'approved')
      .orderBy('id')
      .execute(),
    matterSettings(ctx),
  ])
  const noticeFacts: NoticeFact[] = notices.map((n) => ({
    id: n.id,
    kind: n.kind,
    number: n.number,
    unitId: n.unit_id,
    taskId: n.task_id,
    on: dayOf(n.created_at)!,
    repliedOn: dayOf(n.replied_at),
  }))
  const reportFacts = new Map<string, ReportFact[]>()
  for (const r of reports) {
    const fact: ReportFact = {
      id: r.id,
      period: r.period,
      status: r.status,
      percent: r.percent,
      versions: versions
        .filter((v) => v.report_id === r.id)
        .map((v) => ({
          id: v.id,
          version: v.version,
          outcome: v.outcome,
          submittedOn: dayOf(v.submitted_at)!,
          reviewedOn: dayOf(v.reviewed_at),
          progress: v.progress,
          returnReason: v.return_reason,
        })),
    }
    const key = `${r.task_id}:${r.unit_id}`
    reportFacts.set(key, [...(reportFacts.get(key) ?? []), fact])
  }
  const today = ctx.clock.today()
  const tasks: TaskHistory[] = rows.map((t) => {
    const closedOn = dayOf(t.closed_at)
    const year = t.year ?? t.matter_year ?? Number((t.deadline ?? today).slice(0, 4))
    const assignedOn = dayOf(t.assigned_at)
    const start = t.issued_on && t.issued_on.startsWith(String(year)) ? t.issued_on.slice(0, 7) : `${year}-01`
    const endDay = [today, closedOn ?? '9999', `${year}-12-31`].sort()[0]
    return {
      taskId: t.id,
      taskNumber: t.number,
      taskCode: t.code,
      taskText: t.text,
      listName: t.list_name,
      planYear: t.year,
      leaderId: t.leader_id,
      unitId: t.unit_id,
      unitName: t.unit_name,
      deadline: t.deadline,
      closedOn,
      milestones: milestones
        .filter((m) => m.task_id === t.id)
        .map((m) => ({ id: m.id, dueOn: m.due_on, plannedPct: m.planned_pct, title: m.title })),
      duePeriods: periodsBetween(assignedOn && assignedOn.slice(0, 7) > start ? assignedOn.slice(0, 7) : start, endDay.slice(0, 7))
        .filter((period) => reportsInPeriod(t.report_cadence, period))
        .map((period) => ({ period, dueOn: cadenceDueDate(calendar, period, t.report_day ?? rDay) })),
      reports: reportFacts.get(`${t.id}:${t.unit_id}`) ?? [],
      notices: noticeFacts.filter((n) => n.taskId === t.id && n.unitId === t.unit_id),
      pauses: extensions
        .filter((e) => e.task_id === t.id && e.decided_at)
        .map((e) => ({ id: e.id, from: dayOf(e.decided_at)!, to: e.proposed_due, previousDue: e.previous_due })),
      assignment: assignedOn
        ? {
            id: t.id,
            assignedOn,
            signDueOn: signDueDate(calendar, assignedOn, settings.signDays),
            acknowledgedOn: dayOf(t.acknowledged_at),
          }
        : null,
    }
  })
  const firingFacts: FiringFact[] = firings.map((f) => ({
    id: f.id,
    eventKey: f.event_key,
    level: f.level,
    triggerKind: f.trigger_kind,
    unitId: f.unit_id,
    taskId: f.task_id,
    subject: f.subject,
    on: f.fired_on,
    noticeId: f.notice_id,
  }))
  return { calendar, tasks, reminders: noticeFacts.filter((n) => n.kind === 'reminder'), firings: firingFacts, units }
}
