/** Loads one plan with its whole report history, and judges every task on the as-of day. */
import type { Db } from '../db/connection'
import { dayIn } from '../calendar/dates'
import { notFound } from '../errors'
import type { MilestonePoint } from '../tasks/rules'
import { stateAt, type HistoryReport, type TaskState } from './rules'
import { sectionLabel as formatSectionLabel } from '../plans/rules'
import { taskLabel } from '../../contract/taskLabel'

export interface SnapshotTask extends TaskState {
  id: number
  listId: number
  listName: string
  listKind: string
  sectionId: number | null
  sectionLabel: string
  /** the heading a printed list shows above the task's section; null for a list printed without headings */
  sectionHeading: string | null
  number: number
  /** 重点3, 要点15, 民生5-2 (plans/codes.ts) */
  code: string
  text: string
  leaderName: string | null
  deadline: string | null
  deadlineText: string | null
  closedOn: string | null
  leads: { id: number; name: string }[]
  coops: { id: number; name: string }[]
  milestones: MilestonePoint[]
  reports: HistoryReport[]
  /** the reports of each 关联任务 whose link the office accepted: they count for this task too */
  twinReports: HistoryReport[][]
}

export interface PlanInfo {
  id: number
  title: string
  issuer: string | null
  docNumber: string | null
  issuedOn: string | null
  year: number | null
}

export interface PlanSnapshot {
  plan: PlanInfo
  asOf: string
  lists: { id: number; name: string; kind: string }[]
  sections: { id: number; listId: number; label: string }[]
  tasks: SnapshotTask[]
}

/**
 * Timestamps are stored as UTC ISO strings; the office reads days in its own zone.
 * Many reports share one timestamp, so each is converted once per call.
 */
function dayConverter(zone: string): (iso: string | null) => string | null {
  const seen = new Map<string, string>()
  return (iso) => {
    if (!iso) return null
    let day = seen.get(iso)
    if (day === undefined) seen.set(iso, (day = dayIn(new Date(iso), zone)))
    return day
  }
}

function groupBy<T extends { task_id: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>()
  for (const r of rows) {
    const list = m.get(r.task_id)
    if (list) list.push(r)
    else m.set(r.task_id, [r])
  }
  return m
}

/** `zone` is the bureau's (ctx.clock.timeZone): it decides on which day a report was sent, approved or a task closed. */
export async function loadSnapshot(db: Db, planId: number, asOf: string, zone: string, scopeUnitId?: number): Promise<PlanSnapshot> {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'title', 'issuer', 'doc_number', 'issued_on', 'year'])
    .where('id', '=', planId)
    .executeTakeFirst()
  if (!plan) throw notFound('该文件')
  const [lists, sections, tasks, units, milestones, reports] = await Promise.all([
    db.selectFrom('lists').select(['id', 'name', 'kind']).where('plan_id', '=', planId).orderBy('sort').execute(),
    db
      .selectFrom('sections')
      .innerJoin('lists', 'lists.id', 'sections.list_id')
      .select(['sections.id', 'sections.list_id', 'sections.number', 'sections.title'])
      .where('lists.plan_id', '=', planId)
      .orderBy('lists.sort')
      .orderBy('sections.sort')
      .execute(),
    db
      .selectFrom('tasks')
      .innerJoin('lists', 'lists.id', 'tasks.list_id')
      .leftJoin('users', 'users.id', 'tasks.leader_id')
      .select(['tasks.id', 'tasks.list_id', 'tasks.section_id', 'tasks.number', 'tasks.code', 'tasks.text', 'tasks.deadline'])
      .select(['tasks.deadline_text', 'tasks.closed_at', 'users.display_name as leader_name'])
      .where('tasks.plan_id', '=', planId)
      .orderBy('lists.sort')
      .orderBy('tasks.sort')
      .execute(),
    db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'task_units.role', 'units.id', 'units.name'])
      .where('tasks.plan_id', '=', planId)
      .orderBy('task_units.position')
      .execute(),
    db
      .selectFrom('milestones')
      .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
      .select(['milestones.task_id', 'milestones.due_on', 'milestones.planned_pct'])
      .where('tasks.plan_id', '=', planId)
      .orderBy('milestones.due_on')
      .execute(),
    db
      .selectFrom('reports')
      .innerJoin('tasks', 'tasks.id', 'reports.task_id')
      .select(['reports.id', 'reports.task_id', 'reports.unit_id', 'reports.period', 'reports.percent', 'reports.status'])
      .select(['reports.submitted_at', 'reports.reviewed_at', 'reports.progress'])
      .where('tasks.plan_id', '=', planId)
      .where('reports.status', '!=', 'draft')
      .execute(),
  ])
  const twinsOf = await acceptedTwins(db, planId)
  const outside = [...new Set([...twinsOf.values()].flat())].filter((id) => !tasks.some((t) => t.id === id))
  const outsideReports = outside.length
    ? await db
        .selectFrom('reports')
        .select(['id', 'task_id', 'unit_id', 'period', 'percent', 'status', 'submitted_at', 'reviewed_at', 'progress'])
        .where('task_id', 'in', outside)
        .where('status', '!=', 'draft')
        .execute()
    : []
  const dayOf = dayConverter(zone)
  const listById = new Map(lists.map((l) => [l.id, l]))
  const label = (s: { number: string | null; title: string | null }) => formatSectionLabel(s.number, s.title)
  const sectionLabel = new Map(sections.map((s) => [s.id, label(s)]))
  const headed = new Set(sections.filter((s) => s.number || s.title).map((s) => s.id))
  const unitsBy = groupBy(units)
  const milestonesBy = groupBy(milestones)
  const reportsBy = groupBy([...reports, ...outsideReports])
  const historyOf = (taskId: number): HistoryReport[] =>
    (reportsBy.get(taskId) ?? []).map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      period: r.period,
      percent: r.percent,
      submittedOn: dayOf(r.submitted_at),
      approvedOn: r.status === 'approved' ? dayOf(r.reviewed_at) : null,
      progress: r.progress,
    }))

  const judged: SnapshotTask[] = []
  for (const t of tasks) {
    const us = unitsBy.get(t.id) ?? []
    if (scopeUnitId !== undefined && !us.some((u) => u.id === scopeUnitId)) continue
    const history = historyOf(t.id)
    const twinReports = (twinsOf.get(t.id) ?? []).map(historyOf)
    const ms = (milestonesBy.get(t.id) ?? []).map((m) => ({ dueOn: m.due_on, plannedPct: m.planned_pct }))
    const closedOn = dayOf(t.closed_at)
    const list = listById.get(t.list_id)!
    judged.push({
      ...stateAt({ closedOn, deadline: t.deadline, milestones: ms, reports: history, twinReports }, asOf),
      id: t.id,
      listId: t.list_id,
      listName: list.name,
      listKind: list.kind,
      sectionId: t.section_id,
      sectionLabel: t.section_id !== null ? (sectionLabel.get(t.section_id) ?? '') : '（未分板块）',
      sectionHeading: t.section_id !== null && headed.has(t.section_id) ? sectionLabel.get(t.section_id)! : null,
      number: t.number,
      code: taskLabel({ code: t.code, number: t.number, listName: list.name }),
      text: t.text,
      leaderName: t.leader_name,
      deadline: t.deadline,
      deadlineText: t.deadline_text,
      closedOn,
      leads: us.filter((u) => u.role === 'lead').map((u) => ({ id: u.id, name: u.name })),
      coops: us.filter((u) => u.role === 'coop').map((u) => ({ id: u.id, name: u.name })),
      milestones: ms,
      reports: history,
      twinReports,
    })
  }
  return {
    plan: { id: plan.id, title: plan.title, issuer: plan.issuer, docNumber: plan.doc_number, issuedOn: plan.issued_on, year: plan.year },
    asOf,
    lists,
    sections: sections.map((s) => ({ id: s.id, listId: s.list_id, label: label(s) })),
    tasks: judged,
  }
}

/** Each task of the plan with the twins the office accepted (a twin may sit in another plan). */
async function acceptedTwins(db: Db, planId: number): Promise<Map<number, number[]>> {
  const inPlan = db.selectFrom('tasks').select('id').where('plan_id', '=', planId)
  const links = await db
    .selectFrom('task_links')
    .select(['task_a_id', 'task_b_id'])
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('task_a_id', 'in', inPlan), eb('task_b_id', 'in', inPlan)]))
    .execute()
  const twins = new Map<number, number[]>()
  const add = (task: number, twin: number) => twins.set(task, [...(twins.get(task) ?? []), twin])
  for (const l of links) {
    add(l.task_a_id, l.task_b_id)
    add(l.task_b_id, l.task_a_id)
  }
  return twins
}
