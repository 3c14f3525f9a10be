import type { Db } from '../db/connection'
import { sharedProgress, type ApprovedReport } from './twins'
import { taskCodes } from '../plans/codes'
import { taskLabel } from '../../contract/taskLabel'

export interface TaskRecord {
  id: number
  planId: number
  listId: number
  listName: string
  listKind: string
  sectionId: number | null
  sectionNumber: string | null
  sectionTitle: string | null
  number: number
  /** 重点3, 要点15, 民生5-2: unique in the plan (plans/codes.ts) */
  code: string
  /** the code's place in the plan (list order, then item, then sub-item): sort by this, not by the text */
  codeOrder: number
  text: string
  leaderId: number | null
  leaderName: string | null
  deadline: string | null
  deadlineText: string | null
  /** who gave the deadline: the document (原文时限), the office (办公室设定), or nobody yet */
  deadlineSource: 'document' | 'office' | null
  closedAt: string | null
  /** what an edit must send back (optimistic concurrency) */
  version: number
  leads: { id: number; name: string }[]
  coops: { id: number; name: string }[]
  milestones: { dueOn: string; plannedPct: number; title: string; expectedEvidence: string | null }[]
  actualPct: number
  hasReports: boolean
}

/** Everything needed to show and judge the tasks of one plan (or one task), in four queries. */
export async function loadTaskRecords(db: Db, where: { planId?: number; taskId?: number }): Promise<TaskRecord[]> {
  let q = db
    .selectFrom('tasks')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .leftJoin('sections', 'sections.id', 'tasks.section_id')
    .leftJoin('users', 'users.id', 'tasks.leader_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.list_id',
      'lists.name as list_name',
      'lists.kind as list_kind',
      'tasks.section_id',
      'sections.number as section_number',
      'sections.title as section_title',
      'tasks.number',
      'tasks.text',
      'tasks.leader_id',
      'users.display_name as leader_name',
      'tasks.deadline',
      'tasks.deadline_text',
      'tasks.closed_at',
      'tasks.version',
      'tasks.code',
      'tasks.sort',
      'tasks.deadline_by_office',
    ])
    .orderBy('lists.sort')
    .orderBy('tasks.sort')
  if (where.planId !== undefined) q = q.where('tasks.plan_id', '=', where.planId)
  if (where.taskId !== undefined) q = q.where('tasks.id', '=', where.taskId)
  const tasks = await q.execute()
  if (tasks.length === 0) return []
  const planIds = [...new Set(tasks.map((t) => t.plan_id))]
  const inScope = where.taskId !== undefined ? { col: 'task_id' as const, ids: [where.taskId] } : null

  const unitsQ = db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select(['task_units.task_id', 'task_units.role', 'task_units.position', 'units.id', 'units.name'])
    .where('tasks.plan_id', 'in', planIds)
    .orderBy('task_units.position')
  const milestonesQ = db
    .selectFrom('milestones')
    .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
    .select(['milestones.task_id', 'due_on', 'planned_pct', 'title', 'expected_evidence'])
    .where('tasks.plan_id', 'in', planIds)
    .orderBy('due_on')
  const reportsQ = db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reports.task_id', 'reports.status', 'reports.percent', 'reports.period', 'reports.id'])
    .where('tasks.plan_id', 'in', planIds)
  const listsQ = db.selectFrom('lists').select(['id', 'name', 'kind', 'sort', 'abbr']).where('plan_id', 'in', planIds)
  const sectionsQ = db
    .selectFrom('sections')
    .innerJoin('lists', 'lists.id', 'sections.list_id')
    .select(['sections.id', 'sections.list_id', 'sections.number', 'sections.title', 'sections.sort'])
    .where('lists.plan_id', 'in', planIds)
  const [units, milestones, reports, lists, sections] = await Promise.all([
    inScope ? unitsQ.where('task_units.task_id', '=', where.taskId!).execute() : unitsQ.execute(),
    inScope ? milestonesQ.where('milestones.task_id', '=', where.taskId!).execute() : milestonesQ.execute(),
    inScope ? reportsQ.where('reports.task_id', '=', where.taskId!).execute() : reportsQ.execute(),
    listsQ.execute(),
    sectionsQ.execute(),
  ])
  // Codes are stored; their order is derived again here (a task alone is ordered among its own list's tasks).
  const siblings = inScope
    ? await db.selectFrom('tasks').select(['id', 'list_id', 'section_id', 'number', 'sort']).where('plan_id', 'in', planIds).execute()
    : tasks
  const codes = taskCodes(
    lists,
    sections.map((x) => ({ id: x.id, listId: x.list_id, number: x.number, title: x.title, sort: x.sort })),
    siblings.map((t) => ({ id: t.id, listId: t.list_id, sectionId: t.section_id, number: t.number, sort: t.sort })),
  )

  const byTask = <T extends { task_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>()
    for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), r])
    return m
  }
  const unitsBy = byTask(units)
  const milestonesBy = byTask(milestones)
  const reportsBy = byTask(reports)
  const latestApprovedOf = (rs: readonly { status: string; period: string; percent: number; id: number }[]) =>
    rs
      .filter((r) => r.status === 'approved')
      .sort((a, b) => (a.period === b.period ? a.id - b.id : a.period < b.period ? -1 : 1))
      .at(-1)
  const twins = await acceptedTwinReports(db, where.taskId !== undefined ? [where.taskId] : null, planIds, latestApprovedOf, reportsBy)

  return tasks.map((t) => {
    const rs = reportsBy.get(t.id) ?? []
    // an accepted 关联任务: one report counts for both
    const latestApproved = sharedProgress(latestApprovedOf(rs), twins.get(t.id) ?? [])
    const us = unitsBy.get(t.id) ?? []
    return {
      id: t.id,
      planId: t.plan_id,
      listId: t.list_id,
      listName: t.list_name,
      listKind: t.list_kind,
      sectionId: t.section_id,
      sectionNumber: t.section_number,
      sectionTitle: t.section_title,
      number: t.number,
      code: t.code ?? codes.get(t.id)?.code ?? taskLabel({ number: t.number, listName: t.list_name }),
      codeOrder: codes.get(t.id)?.order ?? t.number,
      text: t.text,
      leaderId: t.leader_id,
      leaderName: t.leader_name,
      deadline: t.deadline,
      deadlineText: t.deadline_text,
      deadlineSource: t.deadline === null ? null : t.deadline_by_office ? 'office' : 'document',
      closedAt: t.closed_at,
      version: t.version,
      leads: us.filter((u) => u.role === 'lead').map((u) => ({ id: u.id, name: u.name })),
      coops: us.filter((u) => u.role === 'coop').map((u) => ({ id: u.id, name: u.name })),
      milestones: (milestonesBy.get(t.id) ?? []).map((m) => ({
        dueOn: m.due_on,
        plannedPct: m.planned_pct,
        title: m.title,
        expectedEvidence: m.expected_evidence,
      })),
      actualPct: latestApproved?.percent ?? 0,
      hasReports: rs.some((r) => r.status !== 'draft'),
    }
  })
}

/** For each task, the latest approved report of each twin it has an accepted link with. */
async function acceptedTwinReports(
  db: Db,
  taskIds: number[] | null,
  planIds: number[],
  latestApprovedOf: (rs: { status: string; period: string; percent: number; id: number }[]) => ApprovedReport | undefined,
  reportsBy: Map<number, { status: string; period: string; percent: number; id: number; task_id: number }[]>,
): Promise<Map<number, ApprovedReport[]>> {
  let q = db
    .selectFrom('task_links')
    .innerJoin('tasks', 'tasks.id', 'task_links.task_a_id')
    .select(['task_links.task_a_id', 'task_links.task_b_id'])
    .where('task_links.status', '=', 'accepted')
  q = taskIds
    ? q.where((eb) => eb.or([eb('task_links.task_a_id', 'in', taskIds), eb('task_links.task_b_id', 'in', taskIds)]))
    : q.where('tasks.plan_id', 'in', planIds)
  const links = await q.execute()
  const result = new Map<number, ApprovedReport[]>()
  if (links.length === 0) return result
  const others = [...new Set(links.flatMap((l) => [l.task_a_id, l.task_b_id]))].filter((id) => !reportsBy.has(id))
  const extra = others.length
    ? await db
        .selectFrom('reports')
        .select(['task_id', 'status', 'percent', 'period', 'id'])
        .where('task_id', 'in', others)
        .where('status', '=', 'approved')
        .execute()
    : []
  const reportsOf = (id: number) => reportsBy.get(id) ?? extra.filter((r) => r.task_id === id)
  const add = (task: number, twin: number) => {
    const latest = latestApprovedOf(reportsOf(twin))
    if (latest) result.set(task, [...(result.get(task) ?? []), latest])
  }
  for (const l of links) {
    add(l.task_a_id, l.task_b_id)
    add(l.task_b_id, l.task_a_id)
  }
  return result
}
