/** Task state on a given day, rebuilt from the report history. Pure: no database here. */
import { computeStatus, finalDeadline, plannedPercent, type MilestonePoint, type TaskStatus } from '../tasks/rules'
import { sharedProgress } from '../tasks/twins'

export interface HistoryReport {
  unitId: number
  period: string
  percent: number
  id: number
  /** day of the latest submission in the bureau's zone; null for a draft never sent */
  submittedOn: string | null
  /** day the office approved it; null unless approved */
  approvedOn: string | null
  progress: string
}

export interface TaskHistory {
  closedOn: string | null
  deadline: string | null
  milestones: readonly MilestonePoint[]
  reports: readonly HistoryReport[]
  /** each accepted 关联任务's reports: one report counts for both, as in the live views (tasks/twins.ts) */
  twinReports?: readonly (readonly HistoryReport[])[]
}

export interface TaskState {
  status: TaskStatus
  closed: boolean
  actualPct: number
  plannedPct: number
  dueOn: string | null
  /** the latest report approved on or before the day: its text feeds the ledger and the bulletin */
  latest: HistoryReport | null
}

/** The latest report the office had approved by that day: latest period, then the latest filed. */
function latestApprovedBy(reports: readonly HistoryReport[], day: string): HistoryReport | undefined {
  let latest: HistoryReport | undefined
  for (const r of reports) {
    if (r.approvedOn === null || r.approvedOn > day) continue
    if (!latest || r.period > latest.period || (r.period === latest.period && r.id > latest.id)) latest = r
  }
  return latest
}

/**
 * Only what the office had approved by that day counts; a task closed later is still open then.
 * An accepted twin's approved report counts too, by the same rule the live views apply (sharedProgress).
 */
export function stateAt(task: TaskHistory, day: string): TaskState {
  const sent = task.reports.some((r) => r.submittedOn !== null && r.submittedOn <= day)
  const twins = (task.twinReports ?? []).map((rs) => latestApprovedBy(rs, day)).filter((r) => r !== undefined)
  const latest = sharedProgress(latestApprovedBy(task.reports, day), twins) ?? null
  const closed = task.closedOn !== null && task.closedOn <= day
  const actualPct = closed ? Math.max(latest?.percent ?? 0, 100) : (latest?.percent ?? 0)
  const status = computeStatus(
    { closedAt: closed ? task.closedOn : null, deadline: task.deadline, milestones: task.milestones, actualPct, hasReports: sent },
    day,
  )
  return {
    status,
    closed,
    actualPct,
    plannedPct: plannedPercent(task.milestones, day),
    dueOn: finalDeadline({ deadline: task.deadline, milestones: task.milestones }),
    latest,
  }
}

export const average = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : 0)
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0)

/** Months from a YYYY-MM to another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    if (++m > 12) {
      m = 1
      y++
    }
  }
  return out
}

export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export const CLOSURE_BUCKETS = [
  { key: 'le30', label: '30天以内', max: 30 },
  { key: 'le60', label: '31–60天', max: 60 },
  { key: 'le90', label: '61–90天', max: 90 },
  { key: 'le180', label: '91–180天', max: 180 },
  { key: 'le270', label: '181–270天', max: 270 },
  { key: 'gt270', label: '270天以上', max: Infinity },
] as const

export function closureBucket(days: number): (typeof CLOSURE_BUCKETS)[number]['key'] {
  return CLOSURE_BUCKETS.find((b) => days <= b.max)!.key
}

/** Planned value in a year of a multi-year indicator: baseline × (1+g)^k, as 信阳's 十四五 plan sets them. */
export function trajectoryValue(baseline: number, growthPct: number, yearsAfterBaseline: number): number {
  return Math.round(baseline * Math.pow(1 + growthPct / 100, yearsAfterBaseline) * 100) / 100
}

export function meetsTarget(comparator: string, actual: number, target: number): boolean {
  if (comparator === '<=' || comparator === '<') return comparator === '<' ? actual < target : actual <= target
  if (comparator === '>') return actual > target
  return actual >= target
}
