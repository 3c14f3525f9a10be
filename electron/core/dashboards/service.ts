import type { Ctx } from '../context'
import { visibleRows } from '../tasks/service'
import { STATUS_LABELS, STATUS_ORDER, type TaskStatus } from '../tasks/rules'

export interface StatusCount {
  status: TaskStatus
  label: string
  count: number
}

export interface UnitStatusCounts {
  unitId: number
  unitName: string
  total: number
  counts: Record<TaskStatus, number>
}

export interface Overview {
  asOf: string
  total: number
  byStatus: StatusCount[]
  /** tasks per primary lead unit, by status */
  byLeadUnit: UnitStatusCounts[]
}

const zeroCounts = (): Record<TaskStatus, number> => Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<TaskStatus, number>

/** One query feeds both first charts: status distribution and tasks per lead unit by status. */
export async function overview(ctx: Ctx, input: { planId: number; listId?: number }): Promise<Overview> {
  const { rows } = await visibleRows(ctx, input.planId)
  const scoped = input.listId === undefined ? rows : rows.filter((r) => r.listId === input.listId)
  const byStatus = zeroCounts()
  const units = new Map<number, UnitStatusCounts>()
  for (const r of scoped) {
    byStatus[r.status]++
    // Every lead unit answers for the task, so a task with two leads counts for both.
    for (const lead of r.leads) {
      const u = units.get(lead.id) ?? { unitId: lead.id, unitName: lead.name, total: 0, counts: zeroCounts() }
      u.total++
      u.counts[r.status]++
      units.set(lead.id, u)
    }
  }
  return {
    asOf: ctx.clock.today(),
    total: scoped.length,
    byStatus: STATUS_ORDER.map((s) => ({ status: s, label: STATUS_LABELS[s], count: byStatus[s] })),
    byLeadUnit: [...units.values()].sort((a, b) => b.total - a.total || a.unitId - b.unitId),
  }
}
