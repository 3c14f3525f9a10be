/** The leader dashboard's figures, computed from a plan snapshot. Pure: no database here. */
import { plannedPercent, STATUS_LABELS, STATUS_ORDER, type TaskStatus } from '../tasks/rules'
import { reportDueDate } from '../reports/rules'
import type { PlanSnapshot, SnapshotTask } from './snapshot'
import { average, monthEnd, monthsBetween, share, stateAt } from './rules'

export interface StatusCount {
  status: TaskStatus
  label: string
  count: number
}

export interface Completion {
  total: number
  done: number
  /** share of tasks closed, in percent with one decimal */
  doneRate: number
  byStatus: StatusCount[]
  avgActualPct: number
  avgPlannedPct: number
}

export function completion(tasks: readonly SnapshotTask[]): Completion {
  const counts = new Map<TaskStatus, number>()
  for (const t of tasks) counts.set(t.status, (counts.get(t.status) ?? 0) + 1)
  const done = counts.get('done') ?? 0
  return {
    total: tasks.length,
    done,
    doneRate: share(done, tasks.length),
    byStatus: STATUS_ORDER.map((status) => ({ status, label: STATUS_LABELS[status], count: counts.get(status) ?? 0 })),
    avgActualPct: average(tasks.map((t) => t.actualPct)),
    avgPlannedPct: average(tasks.map((t) => t.plannedPct)),
  }
}

export interface ListFigures extends Completion {
  listId: number
  name: string
  kind: string
}

export const perList = (s: PlanSnapshot): ListFigures[] =>
  s.lists.map((l) => ({ listId: l.id, name: l.name, kind: l.kind, ...completion(s.tasks.filter((t) => t.listId === l.id)) }))

export interface SectionFigures {
  sectionId: number | null
  listId: number
  label: string
  total: number
  done: number
  behind: number
  overdue: number
  avgActualPct: number
  avgPlannedPct: number
  /** actual minus planned, in percentage points: below zero the section is behind its plan */
  gap: number
}

export function perSection(s: PlanSnapshot): SectionFigures[] {
  const keys = [...new Map(s.tasks.map((t) => [`${t.listId}:${t.sectionId}`, t])).values()]
  return keys.map((k) => {
    const ts = s.tasks.filter((t) => t.listId === k.listId && t.sectionId === k.sectionId)
    const actual = average(ts.map((t) => t.actualPct))
    const planned = average(ts.map((t) => t.plannedPct))
    return {
      sectionId: k.sectionId,
      listId: k.listId,
      label: k.sectionLabel,
      total: ts.length,
      done: ts.filter((t) => t.status === 'done').length,
      behind: ts.filter((t) => t.status === 'behind').length,
      overdue: ts.filter((t) => t.status === 'overdue').length,
      avgActualPct: actual,
      avgPlannedPct: planned,
      gap: Math.round((actual - planned) * 10) / 10,
    }
  })
}

/** The first month anyone had to report: the plan's issue, or an earlier report already filed. */
export function firstPeriod(s: PlanSnapshot): string {
  const candidates = [s.plan.issuedOn?.slice(0, 7), ...s.tasks.flatMap((t) => t.reports.map((r) => r.period))].filter(
    (p): p is string => !!p,
  )
  return candidates.length ? candidates.reduce((a, b) => (a < b ? a : b)) : `${s.plan.year ?? s.asOf.slice(0, 4)}-01`
}

export interface Punctuality {
  /** months whose reporting day had passed on the as-of day and in which the unit led an open task */
  periodsDue: number
  /** reports due: one per open task the unit leads, per such month */
  due: number
  /** of those, reports submitted by the reporting day */
  onTime: number
  /** onTime ÷ due, in percent with one decimal */
  rate: number
}

/**
 * 按时报送率 = reports sent by the reporting day ÷ reports due. Each month whose reporting day has passed,
 * every task the unit leads that was still open at the month's start owes one report. Counting reports,
 * not whole months, keeps one missing report from wiping out a month in which the rest came on time.
 */
export function punctuality(s: PlanSnapshot, unitId: number, reportingDay: number): Punctuality {
  const led = s.tasks.filter((t) => t.leads.some((u) => u.id === unitId))
  let periodsDue = 0
  let due = 0
  let onTime = 0
  for (const period of monthsBetween(firstPeriod(s), s.asOf.slice(0, 7))) {
    const dueOn = reportDueDate(period, reportingDay)
    if (s.asOf <= dueOn) continue // the reporting day is not over yet
    const open = led.filter((t) => t.closedOn === null || t.closedOn >= `${period}-01`)
    if (open.length === 0) continue
    periodsDue++
    due += open.length
    const sent = (t: SnapshotTask) =>
      t.reports.some((r) => r.unitId === unitId && r.period === period && r.submittedOn !== null && r.submittedOn <= dueOn)
    onTime += open.filter(sent).length
  }
  return { periodsDue, due, onTime, rate: share(onTime, due) }
}

export interface UnitFigures {
  unitId: number
  unitName: string
  led: number
  done: number
  completionRate: number
  behind: number
  overdue: number
  dueSoon: number
  /** the unit's tasks per status, every status present */
  byStatus: Record<TaskStatus, number>
  avgActualPct: number
  punctuality: Punctuality
}

/** Every lead unit answers for the task, so a task with two leads counts for both. */
export function perUnit(s: PlanSnapshot, reportingDay: number, onlyUnitId?: number): UnitFigures[] {
  const units = new Map<number, { name: string; tasks: SnapshotTask[] }>()
  for (const t of s.tasks)
    for (const u of t.leads) {
      if (onlyUnitId !== undefined && u.id !== onlyUnitId) continue
      const entry = units.get(u.id) ?? { name: u.name, tasks: [] }
      entry.tasks.push(t)
      units.set(u.id, entry)
    }
  return [...units.entries()]
    .map(([unitId, { name, tasks }]) => {
      const done = tasks.filter((t) => t.status === 'done').length
      const byStatus = Object.fromEntries(STATUS_ORDER.map((st) => [st, tasks.filter((t) => t.status === st).length])) as Record<
        TaskStatus,
        number
      >
      return {
        unitId,
        unitName: name,
        led: tasks.length,
        done,
        completionRate: share(done, tasks.length),
        behind: tasks.filter((t) => t.status === 'behind').length,
        overdue: tasks.filter((t) => t.status === 'overdue').length,
        dueSoon: tasks.filter((t) => t.status === 'due_soon').length,
        byStatus,
        avgActualPct: average(tasks.map((t) => t.actualPct)),
        punctuality: punctuality(s, unitId, reportingDay),
      }
    })
    .sort((a, b) => b.led - a.led || a.unitId - b.unitId)
}

export interface TrendPoint {
  period: string
  /** the month's last day, or the as-of day in the current month */
  on: string
  plannedPct: number
  /** null for months after the as-of day */
  actualPct: number | null
  done: number | null
}

/** Average planned and actual percent at each month's end of the plan year, replayed from the history. */
export function trend(s: PlanSnapshot): TrendPoint[] {
  const year = s.plan.year ?? Number(s.asOf.slice(0, 4))
  const start = firstPeriod(s) < `${year}-01` ? firstPeriod(s) : `${year}-01`
  return monthsBetween(start, `${year}-12`).map((period) => {
    const end = monthEnd(period)
    const on = end > s.asOf && period === s.asOf.slice(0, 7) ? s.asOf : end
    const past = on <= s.asOf
    const states = past ? s.tasks.map((t) => stateAt(t, on)) : []
    return {
      period,
      on,
      plannedPct: average(s.tasks.map((t) => plannedPercent(t.milestones, on))),
      actualPct: past ? average(states.map((x) => x.actualPct)) : null,
      done: past ? states.filter((x) => x.closed).length : null,
    }
  })
}

export interface PanelTask {
  taskId: number
  number: number
  /** 重点3, 要点15, 民生5-2: how the task is named to people (contract/taskLabel.ts) */
  code: string
  text: string
  listId: number
  sectionId: number | null
  status: TaskStatus
  statusLabel: string
  actualPct: number
  plannedPct: number
  dueOn: string | null
  leads: { id: number; name: string }[]
  latestProgress: string | null
}

export const panelTask = (t: SnapshotTask): PanelTask => ({
  taskId: t.id,
  number: t.number,
  code: t.code,
  text: t.text,
  listId: t.listId,
  sectionId: t.sectionId,
  status: t.status,
  statusLabel: STATUS_LABELS[t.status],
  actualPct: t.actualPct,
  plannedPct: t.plannedPct,
  dueOn: t.dueOn,
  leads: t.leads,
  latestProgress: t.latest?.progress ?? null,
})

export interface LivelihoodPanel extends Completion {
  listIds: number[]
  tasks: PanelTask[]
}

/** 民生实事 are reported to the city: their own panel with every task and its latest progress. */
export function livelihood(s: PlanSnapshot): LivelihoodPanel {
  const tasks = s.tasks.filter((t) => t.listKind === 'livelihood')
  return { listIds: s.lists.filter((l) => l.kind === 'livelihood').map((l) => l.id), ...completion(tasks), tasks: tasks.map(panelTask) }
}
