import type { Kysely } from 'kysely'
import type { Database, ReportStatus } from '../db/schema'
import { attachmentsOf, indicatorValuesOf, type AttachmentView } from './queries'
import { REPORT_STATUS_LABELS } from './rules'
import { notFound } from '../errors'
import { taskLabel } from '../../contract/taskLabel'

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
  /** 本期无新进展, with its reason (migration 009) */
  noChange: boolean
  noChangeReason: string | null
  /** invented for the demo database: shown with a 演示数据 badge */
  demo: boolean
  version: number
  /** bumped by every save; a draft is saved against it (optimistic concurrency) */
  revision: number
  returnReason: string | null
  /** 审核意见 the office gave with its approval */
  reviewOpinion: string | null
  createdBy: string
  reviewedBy: string | null
  submittedAt: string | null
  reviewedAt: string | null
  updatedAt: string
  indicatorValues: { indicatorId: number; name: string; unit: string; targetValue: number; value: number }[]
  attachments: AttachmentView[]
}

/** Reports are read this many at a time, well under either engine's limit on bound parameters. */
const CHUNK = 500

export async function reportView(db: Kysely<Database>, reportId: number): Promise<ReportView> {
  const [view] = await reportViews(db, [reportId])
  if (!view) throw notFound('该进展报送')
  return view
}

/** The views of many reports in three queries, in the order of `reportIds` (ids not found are left out). */
export async function reportViews(db: Kysely<Database>, reportIds: readonly number[]): Promise<ReportView[]> {
  const byId = new Map<number, ReportView>()
  for (let i = 0; i < reportIds.length; i += CHUNK) {
    for (const view of await readChunk(db, reportIds.slice(i, i + CHUNK))) byId.set(view.id, view)
  }
  return reportIds.flatMap((id) => byId.get(id) ?? [])
}

function selectRows(db: Kysely<Database>, ids: number[]) {
  return db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .innerJoin('users as c', 'c.id', 'reports.created_by')
    .leftJoin('users as v', 'v.id', 'reports.reviewed_by')
    .leftJoin('task_units as tu', (j) => j.onRef('tu.task_id', '=', 'reports.task_id').onRef('tu.unit_id', '=', 'reports.unit_id'))
    .selectAll('reports')
    .select([
      'tasks.number as task_number',
      'tasks.code as task_code',
      'lists.name as list_name',
      'tasks.sort as task_sort',
      'tasks.text as task_text',
      'units.name as unit_name',
    ])
    .select(['c.display_name as created_by_name', 'v.display_name as reviewed_by_name', 'tu.role as unit_role'])
    .where('reports.id', 'in', ids)
    .orderBy('reports.id')
    .orderBy('tu.role', 'desc') // 'lead' before 'coop' when a unit is both
    .execute()
}
type ViewRow = Awaited<ReturnType<typeof selectRows>>[number]

async function readChunk(db: Kysely<Database>, ids: number[]): Promise<ReportView[]> {
  if (ids.length === 0) return []
  const rows = await selectRows(db, ids)
  const [allValues, allFiles] = await Promise.all([indicatorValuesOf(db, ids), attachmentsOf(db, ids)])
  const values = groupBy(allValues, (v) => v.report_id)
  const files = groupBy(allFiles, (f) => f.reportId)
  const seen = new Set<number>()
  const views: ReportView[] = []
  for (const r of rows) {
    if (seen.has(r.id)) continue
    seen.add(r.id)
    views.push(toView(r, values.get(r.id) ?? [], files.get(r.id) ?? []))
  }
  return views
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | null): Map<number | null, T[]> {
  const out = new Map<number | null, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

function toView(r: ViewRow, values: Awaited<ReturnType<typeof indicatorValuesOf>>, files: AttachmentView[]): ReportView {
  return {
    id: r.id,
    taskId: r.task_id,
    taskNumber: r.task_number,
    taskCode: taskLabel({ number: r.task_number, code: r.task_code, listName: r.list_name }),
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
    noChange: r.no_change === 1,
    noChangeReason: r.no_change_reason,
    demo: r.demo === 1,
    version: r.version,
    revision: r.revision,
    returnReason: r.return_reason,
    reviewOpinion: r.review_opinion,
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
