/** Data analysis in the Putian sense: where the tasks sit and how long closing them takes. Pure. */
import { STATUS_LABELS, STATUS_ORDER, type TaskStatus } from '../tasks/rules'
import type { PlanSnapshot } from './snapshot'
import { CLOSURE_BUCKETS, closureBucket, daysBetween, share } from './rules'

export interface ShareRow<K> {
  key: K
  label: string
  count: number
  /** percent of all tasks in scope, one decimal */
  share: number
}

export interface Analysis {
  asOf: string
  total: number
  bySection: (ShareRow<number | null> & { listId: number })[]
  byList: ShareRow<number>[]
  /** by lead unit; a task with two leads counts for both, so shares may add up past 100 */
  byUnit: ShareRow<number>[]
  byStatus: ShareRow<TaskStatus>[]
  closure: {
    closed: number
    medianDays: number | null
    buckets: { key: string; label: string; count: number; share: number; taskIds: number[] }[]
  }
}

/** Closure time runs from the plan's issue, or from the first milestone when the plan has no date. */
function startOf(s: PlanSnapshot, t: PlanSnapshot['tasks'][number]): string | null {
  return s.plan.issuedOn ?? t.milestones[0]?.dueOn ?? null
}

export function analyse(s: PlanSnapshot): Analysis {
  const total = s.tasks.length
  const row = <K>(key: K, label: string, count: number): ShareRow<K> => ({ key, label, count, share: share(count, total) })

  const sections = new Map<string, { listId: number; key: number | null; label: string; count: number }>()
  const units = new Map<number, { label: string; count: number }>()
  for (const t of s.tasks) {
    const k = `${t.listId}:${t.sectionId}`
    const sec = sections.get(k) ?? { listId: t.listId, key: t.sectionId, label: `${t.listName}·${t.sectionLabel}`, count: 0 }
    sec.count++
    sections.set(k, sec)
    for (const u of t.leads) units.set(u.id, { label: u.name, count: (units.get(u.id)?.count ?? 0) + 1 })
  }

  const durations: { taskId: number; days: number }[] = []
  for (const t of s.tasks) {
    const start = startOf(s, t)
    if (t.closed && t.closedOn && start) durations.push({ taskId: t.id, days: Math.max(0, daysBetween(start, t.closedOn)) })
  }
  const sorted = durations.map((d) => d.days).sort((a, b) => a - b)
  const median = sorted.length
    ? sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
    : null

  return {
    asOf: s.asOf,
    total,
    bySection: [...sections.values()].map((x) => ({ ...row(x.key, x.label, x.count), listId: x.listId })),
    byList: s.lists.map((l) => row(l.id, l.name, s.tasks.filter((t) => t.listId === l.id).length)),
    byUnit: [...units.entries()].map(([id, u]) => row(id, u.label, u.count)).sort((a, b) => b.count - a.count || a.key - b.key),
    byStatus: STATUS_ORDER.map((st) => row(st, STATUS_LABELS[st], s.tasks.filter((t) => t.status === st).length)),
    closure: {
      closed: durations.length,
      medianDays: median,
      buckets: CLOSURE_BUCKETS.map((b) => {
        const ids = durations.filter((d) => closureBucket(d.days) === b.key).map((d) => d.taskId)
        return { key: b.key, label: b.label, count: ids.length, share: share(ids.length, durations.length), taskIds: ids }
      }),
    },
  }
}
