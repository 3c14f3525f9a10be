/**
 * The words both sides share, as values: the core decides with them, the renderer shows them.
 * Nothing is imported here, so the renderer can use these without pulling in zod or the core.
 */

/** Task status, in the order filters and legends list them. */
export const TASK_STATUSES = ['not_started', 'on_track', 'behind', 'due_soon', 'overdue', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  on_track: '正常推进',
  behind: '进度滞后',
  due_soon: '临期',
  overdue: '逾期',
  done: '已完成',
}

export const isTaskStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value)

/** The bureau's time zone until 本局信息 says otherwise (settings key bureau.timeZone). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
