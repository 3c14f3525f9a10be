import type { Kysely } from 'kysely'
import type { Database, ReportStatus } from '../db/schema'
import { attachmentsOf, indicatorValuesOf, type AttachmentView } from './queries'
import { REPORT_STATUS_LABELS } from './rules'

export interface ReportView {
  id: number
  taskId: number
  taskNumber: number
  /** 重点3, 要点15, 民生5-2 */
  taskCode: string
  /** the task's place in its plan (list order, then number): sort by this, not by the code's text */
  taskOrder: number
  taskText: string
  unitId: number
  unitName: string
  /** the unit's part on the task */
  unitRole: 'lead' | 'coop' | null
  period: string
  percent: number
  progress: string
  problems: string
  nextSteps: string
  status: ReportStatus
  statusLabel: string
  isFinal: boolean
  /** invented for the demo database: shown with a 演示数据 badge */
  demo: boolean
  version: number
  /** bumped by every save; a draft is saved against it (optimistic concurrency) */
  revision: number
  returnReason: string | null
  createdBy: string
  reviewedBy: string | null
  submittedAt: string | null
  reviewedAt: string | null
  updatedAt: string
  indicatorValues: { indicatorId: number; name: string; unit: string; targetValue: number; value: number }[]
  attachments: AttachmentView[]
}

export async function reportView(db: Kysely<Database>, reportId: number): Promise<ReportView> {
  const r = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .innerJoin('users as c', 'c.id', 'reports.created_by')
    .leftJoin('users as v', 'v.id', 'reports.reviewed_by')
    .leftJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 'reports.task_id').onRef('tu.unit_id', '=', 'reports.unit_id'))
    .selectAll('reports')
    .select(['tasks.number as task_number', 'tasks.code as task_code', 'tasks.sort as task_sort', 'tasks.text as task_text', 'units.name as unit_name'])
    .select(['c.display_name as created_by_name', 'v.display_name as reviewed_by_name', 'tu.role as unit_role'])
    .where('reports.id', '=', reportId)
    .orderBy('tu.role', 'desc') // 'lead' before 'coop' when a unit is both
    .executeTakeFirstOrThrow()
  const [values, files] = await Promise.all([indicatorValuesOf(db, [reportId]), attachmentsOf(db, [reportId])])
  return {
    id: r.id,
    taskId: r.task_id,
    taskNumber: r.task_number,
    taskCode: r.task_code ?? `第${r.task_number}项`,
    taskOrder: r.task_sort,
    taskText: r.task_text,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitRole: r.unit_role ?? null,
    period: r.period,
    percent: r.percent,
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.next_steps,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    isFinal: r.is_final === 1,
    demo: r.demo === 1,
    version: r.version,
    revision: r.revision,
    returnReason: r.return_reason,
    createdBy: r.created_by_name,
    reviewedBy: r.reviewed_by_name,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    updatedAt: r.updated_at,
    indicatorValues: values.map((v) => ({
      indicatorId: v.indicator_id,
      name: v.name,
      unit: v.unit,
      targetValue: v.target_value,
      value: v.value,
    })),
    attachments: files,
  }
}
