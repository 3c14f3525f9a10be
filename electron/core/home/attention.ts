/** 需要关注: lagging and overdue tasks first, grouped by list. Pure: no database here. */
import type { TaskStatus } from '../tasks/rules'

/** Overdue before behind before due soon: what a home page shows first. */
const URGENCY: Partial<Record<TaskStatus, number>> = { overdue: 0, behind: 1, due_soon: 2 }

export interface AttentionGroup<T> {
  listId: number
  listName: string
  /** all such tasks in the list (the page may show only the first few) */
  count: number
  /** how many are overdue, behind, due soon: each a 查看全部 link to the list filtered so */
  byStatus: { status: TaskStatus; count: number }[]
  items: T[]
}

/** Tasks needing attention, by list in the lists' order, the most urgent first inside each list. */
export function attentionByList<T extends { listId: number; listName: string; status: TaskStatus; dueOn: string | null }>(
  rows: readonly T[],
  perList = 5,
): AttentionGroup<T>[] {
  const groups = new Map<number, AttentionGroup<T>>()
  for (const r of rows) {
    if (URGENCY[r.status] === undefined) continue
    const g = groups.get(r.listId) ?? { listId: r.listId, listName: r.listName, count: 0, byStatus: [], items: [] }
    g.items.push(r)
    g.count++
    groups.set(r.listId, g)
  }
  for (const g of groups.values()) {
    g.byStatus = (Object.keys(URGENCY) as TaskStatus[])
      .map((status) => ({ status, count: g.items.filter((i) => i.status === status).length }))
      .filter((s) => s.count > 0)
    g.items.sort((a, b) => URGENCY[a.status]! - URGENCY[b.status]! || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
    g.items = g.items.slice(0, perList)
  }
  return [...groups.values()]
}
