import type { Db } from '../db/connection'

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
  text: string
  leaderId: number | null
  leaderName: string | null
  deadline: string | null
  deadlineText: string | null
  closedAt: string | null
  /** what an edit must send back (optimistic concurrency) */
  version: number
  leads: { id: number; name: string }[]
  coops: { id: number; name: string }[]
  milestones: { dueOn: string; plannedPct: number }[]
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
    .select(['milestones.task_id', 'due_on', 'planned_pct'])
    .where('tasks.plan_id', 'in', planIds)
    .orderBy('due_on')
  const reportsQ = db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reports.task_id', 'reports.status', 'reports.percent', 'reports.period', 'reports.id'])
    .where('tasks.plan_id', 'in', planIds)
  const [units, milestones, reports] = await Promise.all([
    inScope ? unitsQ.where('task_units.task_id', '=', where.taskId!).execute() : unitsQ.execute(),
    inScope ? milestonesQ.where('milestones.task_id', '=', where.taskId!).execute() : milestonesQ.execute(),
    inScope ? reportsQ.where('reports.task_id', '=', where.taskId!).execute() : reportsQ.execute(),
  ])

  const byTask = <T extends { task_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>()
    for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), r])
    return m
  }
  const unitsBy = byTask(units)
  const milestonesBy = byTask(milestones)
  const reportsBy = byTask(reports)

  return tasks.map((t) => {
    const rs = reportsBy.get(t.id) ?? []
    const latestApproved = rs
      .filter((r) => r.status === 'approved')
      .sort((a, b) => (a.period === b.period ? a.id - b.id : a.period < b.period ? -1 : 1))
      .at(-1)
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
      text: t.text,
      leaderId: t.leader_id,
      leaderName: t.leader_name,
      deadline: t.deadline,
      deadlineText: t.deadline_text,
      closedAt: t.closed_at,
      version: t.version,
      leads: us.filter((u) => u.role === 'lead').map((u) => ({ id: u.id, name: u.name })),
      coops: us.filter((u) => u.role === 'coop').map((u) => ({ id: u.id, name: u.name })),
      milestones: (milestonesBy.get(t.id) ?? []).map((m) => ({ dueOn: m.due_on, plannedPct: m.planned_pct })),
      actualPct: latestApproved?.percent ?? 0,
      hasReports: rs.some((r) => r.status !== 'draft'),
    }
  })
}
