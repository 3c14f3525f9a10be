/** 关联任务 the office has not decided on whose figures disagree: flagged on the office's home page. */
import type { Ctx } from '../context'
import { requireRole } from '../users/rules'
import { visibleRows, type TaskRow } from './service'
import { twinVerdict } from './twins'

type Side = Pick<TaskRow, 'id' | 'listName' | 'number' | 'text' | 'status' | 'statusLabel' | 'light' | 'actualPct'>
export interface TwinDiscrepancy {
  a: Side
  b: Side
  reason: string
  gap: number
}

const side = (r: TaskRow): Side => ({
  id: r.id,
  listName: r.listName,
  number: r.number,
  text: r.text,
  status: r.status,
  statusLabel: r.statusLabel,
  light: r.light,
  actualPct: r.actualPct,
})

export async function twinDiscrepancies(ctx: Ctx, input: { planId: number }): Promise<TwinDiscrepancy[]> {
  requireRole(ctx.actor, ['admin', 'office'])
  const { rows } = await visibleRows(ctx, input.planId)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const links = await ctx.db
    .selectFrom('task_links')
    .innerJoin('tasks', 'tasks.id', 'task_links.task_a_id')
    .select(['task_links.task_a_id', 'task_links.task_b_id', 'task_links.status'])
    .where('tasks.plan_id', '=', input.planId)
    .where('task_links.status', '=', 'suggested')
    .execute()
  const out: TwinDiscrepancy[] = []
  for (const l of links) {
    const a = byId.get(l.task_a_id)
    const b = byId.get(l.task_b_id)
    if (!a || !b) continue
    const v = twinVerdict(l.status, a, b)
    if (v.kind === 'discrepancy') out.push({ a: side(a), b: side(b), reason: v.reason, gap: v.gap })
  }
  return out.sort((x, y) => y.gap - x.gap)
}
