/**
 * 关联任务 (twins): the same work listed twice, e.g. 工作要点45 and 民生实事12. Pure: no database here.
 *
 * Once the office accepts a link, one report counts for both: each task's progress is the latest approved
 * report of either. Until then the two are judged apart, and when their figures disagree the office is told,
 * so that it either accepts the link or says they are different work.
 */
import type { TaskStatus } from '../../contract/vocabulary'

export type TwinLinkStatus = 'suggested' | 'accepted' | 'rejected'

export interface ApprovedReport {
  period: string
  percent: number
  id: number
}

/** The approved report that stands for the pair: the latest period wins; in the same period, the higher figure. */
export function sharedProgress<R extends ApprovedReport>(own: R | undefined, twins: readonly R[]): R | undefined {
  let best = own
  for (const t of twins) {
    if (!best || t.period > best.period || (t.period === best.period && t.percent > best.percent)) best = t
  }
  return best
}

/** Percentage points two unlinked twins may differ by before the office is asked to look. */
export const TWIN_GAP_TOLERANCE = 10

export interface TwinSide {
  actualPct: number
  status: TaskStatus
}

export type TwinVerdict =
  /** accepted: one report counts for both */
  | { kind: 'shared' }
  /** not accepted, and the two say different things: flagged to the office */
  | { kind: 'discrepancy'; gap: number; reason: string }
  /** not accepted, but the figures agree */
  | { kind: 'agree' }
  /** the office said they are different work */
  | { kind: 'separate' }

export function twinVerdict(link: TwinLinkStatus, self: TwinSide, twin: TwinSide): TwinVerdict {
  if (link === 'accepted') return { kind: 'shared' }
  if (link === 'rejected') return { kind: 'separate' }
  const gap = Math.abs(self.actualPct - twin.actualPct)
  if ((self.status === 'done') !== (twin.status === 'done')) {
    return { kind: 'discrepancy', gap, reason: '一项已完成，另一项未完成' }
  }
  if (gap > TWIN_GAP_TOLERANCE) return { kind: 'discrepancy', gap, reason: `完成进度相差${gap}个百分点` }
  return { kind: 'agree' }
}
