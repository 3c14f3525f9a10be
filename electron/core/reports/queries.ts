import type { Kysely } from 'kysely'
import { taskLabel } from '../../contract/taskLabel'
import type { Database } from '../db/schema'
import { notFound } from '../errors'

type Q = Kysely<Database>

export interface TaskUnits {
  id: number
  planId: number
  number: number
  /** 重点3, 要点15, 民生5-2 */
  code: string
  text: string
  leaderId: number | null
  closedAt: string | null
  /** in order: the first is the primary lead */
  leads: number[]
  coops: number[]
}

export async function loadTaskUnits(db: Q, taskId: number): Promise<TaskUnits> {
  const t = await db
    .selectFrom('tasks')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.number',
      'tasks.code',
      'tasks.text',
      'tasks.leader_id',
      'tasks.closed_at',
      'lists.name as list_name',
    ])
    .where('tasks.id', '=', taskId)
    .executeTakeFirst()
  if (!t) throw notFound('该任务')
  const units = await db.selectFrom('task_units').select(['unit_id', 'role']).where('task_id', '=', taskId).orderBy('position').execute()
  return {
    id: t.id,
    planId: t.plan_id,
    number: t.number,
    code: taskLabel({ number: t.number, code: t.code, listName: t.list_name }),
    text: t.text,
    leaderId: t.leader_id,
    closedAt: t.closed_at,
    leads: units.filter((u) => u.role === 'lead').map((u) => u.unit_id),
    coops: units.filter((u) => u.role === 'coop').map((u) => u.unit_id),
  }
}

export const unitIdsOfTask = (t: Pick<TaskUnits, 'leads' | 'coops'>) => [...t.leads, ...t.coops]

export async function loadReportRow(db: Q, reportId: number) {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst()
  if (!r) throw notFound('该进展报送')
  return r
}

export async function findReport(db: Q, where: { taskId: number; unitId: number; period: string }) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('task_id', '=', where.taskId)
    .where('unit_id', '=', where.unitId)
    .where('period', '=', where.period)
    .executeTakeFirst()
}

export interface AttachmentView {
  id: number
  reportId: number | null
  fileName: string
  mime: string
  size: number
  createdAt: string
}

export async function attachmentsOf(db: Q, reportIds: number[]): Promise<AttachmentView[]> {
  if (reportIds.length === 0) return []
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'report_id', 'file_name', 'mime', 'size', 'created_at'])
    .where('report_id', 'in', reportIds)
    .orderBy('id')
    .execute()
  return rows.map((a) => ({ id: a.id, reportId: a.report_id, fileName: a.file_name, mime: a.mime, size: a.size, createdAt: a.created_at }))
}

export async function indicatorValuesOf(db: Q, reportIds: number[]) {
  if (reportIds.length === 0) return []
  return db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .select(['indicator_values.report_id', 'indicator_id', 'indicators.name', 'indicators.unit', 'indicators.target_value', 'value'])
    .where('indicator_values.report_id', 'in', reportIds)
    .orderBy('indicator_values.id')
    .execute()
}
