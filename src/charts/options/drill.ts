import type { TaskStatus } from './types'

/** Where a click on a dashboard chart element leads: the task list's own filters (src/views/tasks/query.ts). */
export interface TaskDrill {
  listId?: number
  sectionId?: number
  unitId?: number
  unitRole?: 'lead' | 'any'
  status?: TaskStatus
  /** one task: the list opens its drawer */
  open?: number
  /** exactly these tasks (e.g. one bar of the closure-time histogram) */
  ids?: number[]
}

/** Reads the drill target a builder put on a data item; null when the click hit something without one. */
export function taskDrillOf(params: unknown): TaskDrill | null {
  const data = (params as { data?: unknown } | null)?.data
  if (!data || typeof data !== 'object' || !('drill' in data)) return null
  const drill = (data as { drill: unknown }).drill
  return drill && typeof drill === 'object' ? (drill as TaskDrill) : null
}

/** The /tasks query for a drill target. */
export function drillQuery(drill: TaskDrill): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(drill)) if (v !== undefined && v !== null) out[k] = Array.isArray(v) ? v.join(',') : String(v)
  return out
}
