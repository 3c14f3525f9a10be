/** What a reviewer reads a report against: the plan for its period and the unit's previous report. */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { plannedPercent } from '../tasks/rules'
import { lastDayOfMonth } from './rules'
import { reportView, type ReportView } from './view'
import { milestoneForPeriod } from '../../contract/milestones'

export interface ReviewPlan {
  /** the last day of the report's month, when the plan is read */
  asOf: string
  /** planned percent by then, from the milestones */
  plannedPct: number
  milestones: { dueOn: string; plannedPct: number; title: string; expectedEvidence: string | null }[]
  /** the milestone this report answers to, with the evidence expected at it: reviewers judge against it, not the volume */
  milestone: { dueOn: string; plannedPct: number; title: string; expectedEvidence: string | null } | null
  indicators: { indicatorId: number; name: string; unit: string; comparator: string; targetValue: number }[]
}

export interface ReviewContext {
  plan: ReviewPlan
  /** the same unit's report on the same task for the latest earlier period, submitted or reviewed */
  previous: ReportView | null
}

export async function reviewContext(
  db: Kysely<Database>,
  report: { id: number; task_id: number; unit_id: number; period: string },
): Promise<ReviewContext> {
  const asOf = `${report.period}-${String(lastDayOfMonth(report.period)).padStart(2, '0')}`
  const [milestones, indicators, previous] = await Promise.all([
    db
      .selectFrom('milestones')
      .select(['due_on', 'planned_pct', 'title', 'expected_evidence'])
      .where('task_id', '=', report.task_id)
      .orderBy('due_on')
      .execute(),
    db
      .selectFrom('indicators')
      .select(['id', 'name', 'unit', 'comparator', 'target_value'])
      .where('task_id', '=', report.task_id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('reports')
      .select('id')
      .where('task_id', '=', report.task_id)
      .where('unit_id', '=', report.unit_id)
      .where('period', '<', report.period)
      .where('status', '!=', 'draft')
      .orderBy('period', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ])
  const points = milestones.map((m) => ({
    dueOn: m.due_on,
    plannedPct: m.planned_pct,
    title: m.title,
    expectedEvidence: m.expected_evidence,
  }))
  return {
    plan: {
      asOf,
      plannedPct: plannedPercent(points, asOf),
      milestones: points,
      milestone: milestoneForPeriod(points, report.period),
      indicators: indicators.map((i) => ({
        indicatorId: i.id,
        name: i.name,
        unit: i.unit,
        comparator: i.comparator,
        targetValue: i.target_value,
      })),
    },
    previous: previous ? await reportView(db, previous.id) : null,
  }
}
