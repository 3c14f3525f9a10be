/** Task status, computed from the clock, milestones and approved progress. Pure: no database here. */
import { TASK_STATUS_LABELS, type TaskStatus } from '../../contract/vocabulary'

export type { TaskStatus }

export const STATUS_ORDER: TaskStatus[] = ['done', 'on_track', 'not_started', 'due_soon', 'behind', 'overdue']

/** The labels live in the contract, the vocabulary the renderer shares. */
export const STATUS_LABELS = TASK_STATUS_LABELS

/** Traffic lights: green on track or done, yellow needs attention, red late. */
export const STATUS_LIGHT: Record<TaskStatus, 'green' | 'yellow' | 'red' | 'grey'> = {
  done: 'green',
  on_track: 'green',
  not_started: 'grey',
  due_soon: 'yellow',
  behind: 'yellow',
  overdue: 'red',
}

export interface MilestonePoint {
  dueOn: string
  plannedPct: number
}

export interface StatusInput {
  closedAt: string | null
  /** the task's own deadline; falls back to the last milestone */
  deadline: string | null
  milestones: readonly MilestonePoint[]
  /** percent of the latest approved report, 0 when none */
  actualPct: number
  hasReports: boolean
}

export const DUE_SOON_DAYS = 7

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Planned percent at a day: the highest milestone already due (a step, as the office reads it). */
export function plannedPercent(milestones: readonly MilestonePoint[], day: string): number {
  let pct = 0
  for (const m of milestones) if (m.dueOn <= day && m.plannedPct > pct) pct = m.plannedPct
  return pct
}

export function finalDeadline(input: Pick<StatusInput, 'deadline' | 'milestones'>): string | null {
  if (input.deadline) return input.deadline
  let last: string | null = null
  for (const m of input.milestones) if (!last || m.dueOn > last) last = m.dueOn
  return last
}

export function computeStatus(input: StatusInput, today: string): TaskStatus {
  if (input.closedAt) return 'done'
  const deadline = finalDeadline(input)
  if (deadline && deadline < today) return 'overdue'
  // A milestone due today is not missed yet: only those before today count against the unit.
  const missed = input.milestones.filter((m) => m.dueOn < today)
  if (input.actualPct < plannedPercent(missed, today)) return 'behind'
  const soon = addDays(today, DUE_SOON_DAYS)
  const nextUnmet = input.milestones.find((m) => m.dueOn >= today && m.dueOn <= soon && m.plannedPct > input.actualPct)
  if (nextUnmet || (deadline && deadline <= soon)) return 'due_soon'
  if (!input.hasReports && input.actualPct === 0) return 'not_started'
  return 'on_track'
}
