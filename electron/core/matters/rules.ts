/** 督查事项 rules: time limits, numbers, 签收 windows, reporting cadence, 延期 and 回访. Pure: no database here. */
import type { ReportCadence, Urgency } from '../db/schema'
import {
  MATTER_SOURCES,
  SOURCE_LABELS,
  URGENCY_LABELS,
  CADENCE_LABELS,
  FOLLOWUP_LABELS,
  type MatterSource,
  type FollowupState,
} from '../../contract/caseload-vocabulary'
import { DubanError } from '../errors'
import { addWorkdays, moveOffHoliday, type WorkCalendar } from '../calendar/workdays'
import { reportDueDate } from '../reports/rules'

export { MATTER_SOURCES, SOURCE_LABELS, URGENCY_LABELS, CADENCE_LABELS, FOLLOWUP_LABELS, type MatterSource, type FollowupState }

/** Working days from registration to the due date, as practice sets them; the office may change them. */
export const DEFAULT_TIME_LIMITS: Record<Urgency, number> = { urgent: 5, normal: 15, complex: 30 }
/** 急件 are given 1 to 5 working days; the others take their type's limit unless the office sets another. */
export const URGENT_RANGE = { min: 1, max: 5 } as const
/** working days the lead unit has to sign for an assignment */
export const DEFAULT_SIGN_DAYS = 2
/** working days after 回访 without a new 批示 before the leader's matter counts as closed */
export const DEFAULT_FOLLOWUP_DAYS = 5

/** The number series of a source: 批〔2021〕5号 for a leader's 批示件, 督〔2021〕12号 for the rest. */
export const DEFAULT_SERIES: Record<MatterSource, string> = {
  meeting: '督',
  instruction: '批',
  superior: '督',
  incoming: '督',
  other: '督',
}

export const matterNumber = (series: string, year: number, seq: number) => `${series}〔${year}〕${seq}号`

/** The working days a matter gets: the type's limit, or the office's own figure (急件 within 1–5). */
export function timeLimitDays(urgency: Urgency, limits: Record<Urgency, number>, requested?: number | null): number {
  if (requested === undefined || requested === null) return limits[urgency]
  if (!Number.isInteger(requested) || requested < 1) throw new DubanError('invalid_input', '办理时限应为正整数个工作日')
  if (urgency === 'urgent' && (requested < URGENT_RANGE.min || requested > URGENT_RANGE.max)) {
    throw new DubanError('invalid_input', `急件的办理时限为${URGENT_RANGE.min}至${URGENT_RANGE.max}个工作日`)
  }
  if (requested > 366) throw new DubanError('invalid_input', '办理时限不能超过366个工作日')
  return requested
}

/** Due date: n working days after the day of registration (weekends and 法定节假日 do not count, 调休 does). */
export function matterDueDate(cal: WorkCalendar, registeredOn: string, days: number): string {
  return addWorkdays(cal, registeredOn, days)
}

/** The title of a matter's last milestone, at its due date. */
export const FINAL_MILESTONE_TITLE = '办结并报送办理结果'

/**
 * A matter's milestones: the office's own points (a date and the evidence expected then), planned progress
 * spread evenly between them, and the due date at 100% with the evidence expected on completion. A point on the
 * due date is the last milestone itself; none may fall after it.
 */
export function matterMilestones(
  deadline: string,
  points: readonly { dueOn: string; expectedEvidence?: string | null }[],
  finalEvidence?: string | null,
): { dueOn: string; plannedPct: number; title: string; expectedEvidence: string | null }[] {
  const late = points.find((p) => p.dueOn > deadline)
  if (late) throw new DubanError('invalid_input', `节点日期（${late.dueOn}）晚于完成时限（${deadline}）`)
  const atDeadline = points.find((p) => p.dueOn === deadline)
  const before = [...points].filter((p) => p.dueOn < deadline).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))
  for (const [i, p] of before.entries())
    if (before[i + 1]?.dueOn === p.dueOn) throw new DubanError('invalid_input', `同一天（${p.dueOn}）不能有两个节点`)
  const evidence = (s?: string | null) => s?.trim() || null
  return [
    ...before.map((p, i) => ({
      dueOn: p.dueOn,
      plannedPct: Math.round((100 * (i + 1)) / (before.length + 1)),
      title: `阶段节点${i + 1}`,
      expectedEvidence: evidence(p.expectedEvidence),
    })),
    {
      dueOn: deadline,
      plannedPct: 100,
      title: FINAL_MILESTONE_TITLE,
      expectedEvidence: evidence(finalEvidence) ?? evidence(atDeadline?.expectedEvidence),
    },
  ]
}

/** The last day to sign for an assignment made on a day. */
export function signDueDate(cal: WorkCalendar, assignedOn: string, signDays: number): string {
  return addWorkdays(cal, assignedOn, signDays)
}

export function isUnsignedOverdue(
  t: { assignedAt: string | null; acknowledgedAt: string | null; closedAt: string | null },
  assignedOn: string | null,
  cal: WorkCalendar,
  signDays: number,
  today: string,
): boolean {
  if (!t.assignedAt || t.acknowledgedAt || t.closedAt || !assignedOn) return false
  return today > signDueDate(cal, assignedOn, signDays)
}

// ---- reporting cadence ----

const CADENCE_MONTHS: Record<ReportCadence, readonly number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  half_yearly: [6, 12],
}

/** Whether a task with this cadence reports in a period (YYYY-MM): quarterly in the quarter's last month. */
export function reportsInPeriod(cadence: ReportCadence, period: string): boolean {
  return CADENCE_MONTHS[cadence].includes(Number(period.slice(5, 7)))
}

/** The periods of a year in which a task reports. */
export function reportingPeriods(cadence: ReportCadence, year: number): string[] {
  return CADENCE_MONTHS[cadence].map((m) => `${year}-${String(m).padStart(2, '0')}`)
}

/** The period's report deadline: the fixed day (clamped to the month), moved to the next working day off a holiday. */
export function cadenceDueDate(cal: WorkCalendar, period: string, reportDay: number): string {
  return moveOffHoliday(cal, reportDueDate(period, reportDay))
}

/** The next reporting period on or after a day's month, with its deadline. */
export function nextReportDue(
  cal: WorkCalendar,
  cadence: ReportCadence,
  reportDay: number,
  today: string,
): { period: string; dueOn: string } {
  let y = Number(today.slice(0, 4))
  let m = Number(today.slice(5, 7))
  for (let i = 0; i < 13; i++) {
    const period = `${y}-${String(m).padStart(2, '0')}`
    if (reportsInPeriod(cadence, period)) {
      const dueOn = cadenceDueDate(cal, period, reportDay)
      if (dueOn >= today) return { period, dueOn }
    }
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  throw new Error('unreachable: every cadence reports within a year')
}

/** 本期无新进展 needs its reason; otherwise the report says what was done. */
export function assertReportContent(input: { noChange?: boolean; noChangeReason?: string | null; progress: string }): void {
  if (input.noChange) {
    if (!input.noChangeReason?.trim()) throw new DubanError('invalid_input', '选择“本期无新进展”时请说明原因')
    return
  }
  if (!input.progress.trim()) throw new DubanError('invalid_input', '请填写进展情况')
}

// ---- 延期 ----

/** A 延期 request comes before the due date passes, and asks for a later date. */
export function assertExtensionRequest(dueOn: string | null, proposedDue: string, today: string, pending: boolean): void {
  if (!dueOn) throw new DubanError('conflict', '该事项没有完成时限，无需申请延期')
  if (today > dueOn) throw new DubanError('conflict', `该事项已于${dueOn}到期，延期须在到期前申请`)
  if (proposedDue <= dueOn) throw new DubanError('invalid_input', '申请的完成时限应晚于现在的完成时限')
  if (pending) throw new DubanError('conflict', '该事项已有一份延期申请正在审批，请等待审批结果')
}

// ---- 回访 ----

/** After 回访 the leader has a set number of working days to write a new 批示; silence counts as closed. */
export function followupState(
  cal: WorkCalendar,
  sentOn: string | null,
  lastInstructionAfterSent: boolean,
  days: number,
  today: string,
): FollowupState {
  if (!sentOn) return 'none'
  if (lastInstructionAfterSent) return 'reinstructed'
  return today > addWorkdays(cal, sentOn, days) ? 'closed' : 'awaiting'
}
