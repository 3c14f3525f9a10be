/**
 * The event history of the supervision loop, per task and lead unit, as the rules read it: what was due
 * (report periods, milestones, the deadline), what happened (reports and their reviews, 催办, 督办单,
 * the rules' own earlier firings, 延期 pauses). Plain data: built from the database by load.ts, built by
 * hand in tests. Days are ISO (YYYY-MM-DD) in the bureau's zone.
 */
import type { ReportStatus } from '../db/schema'
import type { WorkCalendar } from '../calendar/workdays'

export interface ReportVersionFact {
  id: number
  version: number
  outcome: 'submitted' | 'returned' | 'approved' | 'noted'
  submittedOn: string
  reviewedOn: string | null
  progress: string
  returnReason: string | null
}

export interface ReportFact {
  id: number
  period: string
  status: ReportStatus
  percent: number
  /** the submitted versions, oldest first (a draft never submitted has none) */
  versions: ReportVersionFact[]
}

export interface NoticeFact {
  id: number
  kind: 'reminder' | 'notice'
  number: string | null
  unitId: number
  taskId: number | null
  on: string
  repliedOn: string | null
}

export interface FiringFact {
  id: number
  eventKey: string
  level: string
  triggerKind: string
  unitId: number
  taskId: number | null
  subject: string
  on: string
  noticeId: number | null
}

/** An approved 延期: the escalation clock stands still from the day it was approved to the new due date. */
export interface PauseFact {
  id: number
  from: string
  to: string
  previousDue: string | null
}

/** 签收: when the assignment reached the lead unit and when (if ever) it signed for it. */
export interface AssignmentFact {
  id: number
  assignedOn: string
  signDueOn: string
  acknowledgedOn: string | null
}

export interface TaskHistory {
  taskId: number
  taskNumber: number
  /** 重点3, 要点15, 民生5-2 (plans/codes.ts); absent for a task without a stored code */
  taskCode?: string | null
  taskText: string
  listName: string
  planYear: number | null
  leaderId: number | null
  unitId: number
  unitName: string
  deadline: string | null
  closedOn: string | null
  milestones: { id: number; dueOn: string; plannedPct: number; title: string }[]
  /** the periods this unit had to report for this task, each with its (holiday-adjusted) due day */
  duePeriods: { period: string; dueOn: string }[]
  reports: ReportFact[]
  notices: NoticeFact[]
  pauses: PauseFact[]
  assignment: AssignmentFact | null
}

export interface History {
  calendar: WorkCalendar
  tasks: TaskHistory[]
  /** every 催办 (manual or automatic) per unit, for the minimum gap between two */
  reminders: NoticeFact[]
  firings: FiringFact[]
  units: { id: number; name: string }[]
}

/** The first day a report of the period was submitted, as of a day; null when none was by then. */
export function firstSubmittedOn(r: ReportFact, asOf: string): string | null {
  const on = r.versions.map((v) => v.submittedOn).filter((d) => d <= asOf)
  return on.length ? on.reduce((a, b) => (a < b ? a : b)) : null
}

/** The latest progress percentage the unit had reported by a day (submitted or approved, not returned). */
export function reportedPctOn(reports: readonly ReportFact[], asOf: string): number {
  let best = 0
  let bestPeriod = ''
  for (const r of reports) {
    const sent = r.versions.filter((v) => v.submittedOn <= asOf && v.outcome !== 'returned')
    if (sent.length && r.period >= bestPeriod) {
      bestPeriod = r.period
      best = r.percent
    }
  }
  return best
}

/** Whether a day lies in a 延期 pause. */
export const pausedOn = (pauses: readonly PauseFact[], day: string) => pauses.some((p) => day >= p.from && day <= p.to)
