/** The tasks a unit reports on in a form: open tasks it leads, with this period's report if one exists. */
import { taskLabel } from '../../../contract/taskLabel'
import type { Db } from '../../db/connection'

export interface FormTask {
  taskId: number
  number: number
  /** 重点3, 要点15, 民生5-2 */
  code: string
  text: string
  current: { reportId: number; status: string; percent: number; progress: string; problems: string; nextSteps: string } | null
  indicators: { indicatorId: number; name: string; unit: string; target: number; current: number | null }[]
}

export async function formTasks(db: Db, planId: number, unitId: number, period: string): Promise<FormTask[]> {
  const tasks = await db
    .selectFrom('tasks')
    .innerJoin('task_units as tu', 'tu.task_id', 'tasks.id')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .select(['tasks.id', 'tasks.number', 'tasks.code', 'tasks.text'])
    .where('tasks.plan_id', '=', planId)
    .where('tu.unit_id', '=', unitId)
    .where('tu.role', '=', 'lead')
    .where('tasks.closed_at', 'is', null)
    .orderBy('lists.sort')
    .orderBy('tasks.sort')
    .execute()
  if (tasks.length === 0) return []
  const ids = tasks.map((t) => t.id)
  const [reports, indicators] = await Promise.all([
    db
      .selectFrom('reports')
      .select(['id', 'task_id', 'status', 'percent', 'progress', 'problems', 'next_steps'])
      .where('task_id', 'in', ids)
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .execute(),
    db
      .selectFrom('indicators')
      .leftJoin('indicator_values as v', (j) =>
        j.onRef('v.indicator_id', '=', 'indicators.id').on('v.period', '=', period).on('v.report_id', 'is not', null),
      )
      .select(['indicators.id', 'indicators.task_id', 'indicators.name', 'indicators.unit', 'indicators.target_value', 'v.value'])
      .where('indicators.task_id', 'in', ids)
      .orderBy('indicators.id')
      .execute(),
  ])
  return tasks.map((t) => {
    const r = reports.find((x) => x.task_id === t.id)
    return {
      taskId: t.id,
      number: t.number,
      code: taskLabel({ number: t.number, code: t.code }),
      text: t.text,
      current: r
        ? { reportId: r.id, status: r.status, percent: r.percent, progress: r.progress, problems: r.problems, nextSteps: r.next_steps }
        : null,
      indicators: [...new Map(indicators.filter((i) => i.task_id === t.id).map((i) => [i.id, i])).values()].map((i) => ({
        indicatorId: i.id,
        name: i.name,
        unit: i.unit,
        target: i.target_value,
        current: i.value ?? null,
      })),
    }
  })
}
