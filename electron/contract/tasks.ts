import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import { id } from './plans'
import { calendarDay } from './dates'
import { TASK_STATUSES } from './vocabulary'
import { version } from './versions'
import type { TaskDetail, TaskRow } from '../core/tasks/service'
import type { Overview } from '../core/dashboards/service'
import type { TwinDiscrepancy } from '../core/tasks/twinFlags'

export const taskStatus = z.enum(TASK_STATUSES, {
  error: '状态不正确',
})
const isoDay = calendarDay('日期')
const deadlineDay = calendarDay('完成时限')

export const taskCalls = {
  'tasks.list': defineCall<TaskRow[]>()({
    input: z.object({
      planId: id,
      listId: id.optional(),
      sectionId: id.optional(),
      unitId: id.optional(),
      unitRole: z.enum(['lead', 'any']).optional(),
      status: taskStatus.optional(),
      // Control characters (a pasted NUL) are dropped, not refused: the rest is what the person searched for.
      q: z
        .string()
        .max(100, '搜索词过长')
        .transform((q) => q.replace(/[\u0000-\u001f\u007f]/g, ''))
        .optional(),
      leaderId: id.optional(),
      overdue: z.boolean().optional(),
      hasUnreadInstruction: z.boolean().optional(),
      /** statuses as they stood on this day, replayed from the report history (dashboard drill-down) */
      asOf: isoDay.optional(),
      /** exactly these tasks (a chart element that stands for a set of tasks) */
      ids: z.array(id).max(1000, '一次最多查看1000项任务').optional(),
    }),
    roles: ALL_ROLES,
  }),
  'tasks.get': defineCall<TaskDetail>()({ input: z.object({ taskId: id }), roles: ALL_ROLES }),
  'tasks.update': defineCall<TaskDetail>()({
    input: z.object({
      taskId: id,
      version,
      text: z.string().trim().min(1, '任务内容不能为空').max(5000).optional(),
      leadUnitIds: z.array(id).max(20).optional(),
      coopUnitIds: z.array(id).max(50).optional(),
      leaderId: id.nullable().optional(),
      deadline: deadlineDay.nullable().optional(),
    }),
    roles: ALL_ROLES, // the core refuses everyone but the office, with a reason
  }),
  /** 关联任务: the office confirms two tasks are the same work (one report counts for both) or says they are not */
  'tasks.setLink': defineCall<{ ok: true }>()({
    input: z.object({ taskId: id, twinId: id, accept: z.boolean({ error: '请选择确认或否定关联' }) }),
    roles: ['admin', 'office'],
  }),
  /** 关联任务 not yet decided on whose figures disagree, for the office to look at */
  'tasks.twinDiscrepancies': defineCall<TwinDiscrepancy[]>()({ input: z.object({ planId: id }), roles: ['admin', 'office'] }),
  /** the task's 督办单 and 催办, for its drawer */
  'dashboards.overview': defineCall<Overview>()({
    input: z.object({ planId: id, listId: id.optional() }),
    roles: ALL_ROLES,
  }),
}
