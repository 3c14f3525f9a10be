import type { Ctx, Actor } from '../context'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { canReadTask, requireActor, requireRole, seesAllTasks } from '../users/rules'
import { loadTaskRecords, type TaskRecord } from './queries'
import { searchTaskIds } from '../search/queries'
import { tasksWithUnreadInstruction } from '../inbox/service'
import { computeStatus, finalDeadline, plannedPercent, STATUS_LABELS, STATUS_LIGHT, type TaskStatus } from './rules'
import { loadSnapshot } from '../dashboards/snapshot'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { taskHistory, taskTwins, type HistoryEntry, type TwinView } from './drawer'
import { leadsReassigned } from '../matters/assignment'
import { codeMatches } from '../plans/codes'

export interface TaskRow extends Omit<TaskRecord, 'hasReports'> {
  status: TaskStatus
  statusLabel: string
  light: 'green' | 'yellow' | 'red' | 'grey'
  plannedPct: number
  dueOn: string | null
}

export interface TaskFilter {
  planId: number
  listId?: number
  sectionId?: number
  unitId?: number
  /** 'lead' matches only lead units (drill-down from "tasks per lead unit") */
  unitRole?: 'lead' | 'any'
  status?: TaskStatus
  /** full-text over task text and submitted reports (FTS5 trigram; LIKE under 3 characters) */
  q?: string
  /** 分管领导: tasks this leader is in charge of */
  leaderId?: number
  overdue?: boolean
  hasUnreadInstruction?: boolean
  /** judge the tasks as they stood on this past day (only reports approved by then count) */
  asOf?: string
  ids?: number[]
}

/** The rows with status and progress replayed to a past day, as the dashboard's as-of figures count them. */
async function asOfDay(ctx: Ctx, planId: number, rows: TaskRow[], day: string): Promise<TaskRow[]> {
  const snapshot = await loadSnapshot(ctx.db, planId, day, ctx.clock.timeZone)
  const then = new Map(snapshot.tasks.map((t) => [t.id, t]))
  return rows.map((r) => {
    const t = then.get(r.id)
    if (!t) return r
    return {
      ...r,
      status: t.status,
      statusLabel: STATUS_LABELS[t.status],
      light: STATUS_LIGHT[t.status],
      actualPct: t.actualPct,
      plannedPct: t.plannedPct,
    }
  })
}

export function toRow(r: TaskRecord, today: string): TaskRow {
  const { hasReports, milestones, ...rest } = r
  const status = computeStatus({ closedAt: r.closedAt, deadline: r.deadline, milestones, actualPct: r.actualPct, hasReports }, today)
  return {
    ...rest,
    milestones,
    status,
    statusLabel: STATUS_LABELS[status],
    light: STATUS_LIGHT[status],
    plannedPct: plannedPercent(milestones, today),
    dueOn: finalDeadline({ deadline: r.deadline, milestones }),
  }
}

const unitIdsOf = (r: Pick<TaskRecord, 'leads' | 'coops'>) => [...r.leads, ...r.coops].map((u) => u.id)

/** Rows the actor may see: unit people only their unit's work, whatever filter they send. */
/** The plan's tasks the actor may read, as rows; `records` are all of the plan's, for a caller that needs them too. */
export async function visibleRows(ctx: Ctx, planId: number): Promise<{ actor: Actor; rows: TaskRow[]; records: TaskRecord[] }> {
  const actor = requireActor(ctx.actor)
  const today = ctx.clock.today()
  const records = await loadTaskRecords(ctx.db, { planId })
  const rows = records.filter((r) => canReadTask(actor, unitIdsOf(r))).map((r) => toRow(r, today))
  return { actor, rows, records }
}

export async function listTasks(ctx: Ctx, filter: TaskFilter): Promise<TaskRow[]> {
  const visible = (await visibleRows(ctx, filter.planId)).rows
  const past = filter.asOf !== undefined && filter.asOf < ctx.clock.today()
  const rows = past ? await asOfDay(ctx, filter.planId, visible, filter.asOf!) : visible
  const ids = filter.ids ? new Set(filter.ids) : null
  const q = filter.q?.trim()
  const found = q ? await searchTaskIds(ctx.db, filter.planId, q) : null
  const unread = filter.hasUnreadInstruction !== undefined ? await tasksWithUnreadInstruction(ctx) : null
  // in code order: list by list, then number (要点2 before 要点15), sub-items under their item
  const inCodeOrder = [...rows].sort((a, b) => a.codeOrder - b.codeOrder)
  return inCodeOrder.filter((r) => {
    if (ids && !ids.has(r.id)) return false
    if (filter.leaderId !== undefined && r.leaderId !== filter.leaderId) return false
    if (filter.overdue !== undefined && (r.status === 'overdue') !== filter.overdue) return false
    if (unread && unread.has(r.id) !== filter.hasUnreadInstruction) return false
    if (filter.listId !== undefined && r.listId !== filter.listId) return false
    if (filter.sectionId !== undefined && r.sectionId !== filter.sectionId) return false
    if (filter.status !== undefined && r.status !== filter.status) return false
    if (filter.unitId !== undefined) {
      const units = filter.unitRole === 'lead' ? r.leads : [...r.leads, ...r.coops]
      if (!units.some((u) => u.id === filter.unitId)) return false
    }
    if (q && !codeMatches(r.code, q) && !found!.has(r.id) && !r.text.includes(q) && !r.leads.some((u) => u.name.includes(q))) return false
    return true
  })
}

export interface TaskIndicator {
  indicatorId: number
  name: string
  unit: string
  comparator: string
  targetValue: number
  /** the latest actual value reported, if any */
  latestValue: number | null
}

export interface TaskDetail extends TaskRow {
  /** the task's quantitative targets, for which reports give actual values */
  indicators: TaskIndicator[]
  /** 关联任务: the same work in another list, with the office's verdict on their figures */
  twins: TwinView[]
  /** 变更记录: the task's, its reports' and its notices' audit entries, in Chinese */
  history: HistoryEntry[]
}

async function readableRecord(ctx: Ctx, taskId: number): Promise<{ actor: Actor; record: TaskRecord }> {
  const actor = requireActor(ctx.actor)
  const [record] = await loadTaskRecords(ctx.db, { taskId })
  if (!record) throw notFound('该任务')
  if (!canReadTask(actor, unitIdsOf(record))) throw denied('该任务不属于您所在的处室，无权查看')
  return { actor, record }
}

export async function getTask(ctx: Ctx, input: { taskId: number }): Promise<TaskDetail> {
  const { actor, record } = await readableRecord(ctx, input.taskId)
  const today = ctx.clock.today()
  const row = toRow(record, today)
  const [history, twins] = await Promise.all([taskHistory(ctx.db, input.taskId), taskTwins(ctx, actor, row, (r) => toRow(r, today))])
  const indicators = await ctx.db
    .selectFrom('indicators')
    .select(['id', 'name', 'unit', 'comparator', 'target_value'])
    .select((eb) =>
      eb
        .selectFrom('indicator_values')
        .select('value')
        .whereRef('indicator_values.indicator_id', '=', 'indicators.id')
        .orderBy('period', 'desc')
        .orderBy('indicator_values.id', 'desc')
        .limit(1)
        .as('latest_value'),
    )
    .where('task_id', '=', input.taskId)
    .orderBy('id')
    .execute()
  return {
    ...row,
    milestones: record.milestones,
    twins,
    indicators: indicators.map((i) => ({
      indicatorId: i.id,
      name: i.name,
      unit: i.unit,
      comparator: i.comparator,
      targetValue: i.target_value,
      latestValue: i.latest_value ?? null,
    })),
    history,
  }
}

export interface TaskUpdate {
  taskId: number
  /**
   * The version the edit was based on; a newer one means someone else changed the task meanwhile. The
   * contract requires it from people; only the core's own callers (CLI, tests of other rules) omit it.
   */
  version?: number
  text?: string
  leadUnitIds?: number[]
  coopUnitIds?: number[]
  leaderId?: number | null
  deadline?: string | null
}

/** Office work: assignment and wording. Units cannot reassign their own tasks. */
export async function updateTask(ctx: Ctx, input: TaskUpdate): Promise<TaskDetail> {
  const actor = requireActor(ctx.actor)
  if (!seesAllTasks(actor)) {
    await readableRecord(ctx, input.taskId) // an outsider learns nothing more than "not yours"
  }
  requireRole(actor, ['admin', 'office'])
  const { record: before } = await readableRecord(ctx, input.taskId)
  if (input.leadUnitIds && input.leadUnitIds.length === 0) throw new DubanError('invalid_input', '至少需要一个牵头单位')
  await inTransaction(ctx, async (trx) => {
    await bumpTaskVersion(trx, input.taskId, input.version, ctx.clock.now().toISOString())
    const set: { text?: string; leader_id?: number | null; deadline?: string | null; deadline_by_office?: number } = {}
    if (input.text !== undefined) set.text = input.text
    if (input.leaderId !== undefined) set.leader_id = input.leaderId
    if (input.deadline !== undefined) Object.assign(set, { deadline: input.deadline, deadline_by_office: 1 })
    if (Object.keys(set).length) await trx.updateTable('tasks').set(set).where('id', '=', input.taskId).execute()
    for (const [role, ids] of [
      ['lead', input.leadUnitIds],
      ['coop', input.coopUnitIds],
    ] as const) {
      if (!ids) continue
      await trx.deleteFrom('task_units').where('task_id', '=', input.taskId).where('role', '=', role).execute()
      for (const [position, unitId] of [...new Set(ids)].entries()) {
        await trx.insertInto('task_units').values({ task_id: input.taskId, unit_id: unitId, role, position }).execute()
      }
    }
    if (input.leadUnitIds)
      await leadsReassigned(
        trx,
        ctx,
        input.taskId,
        before.leads.map((u) => u.id),
        [...new Set(input.leadUnitIds)],
      )
    await writeAudit(trx, ctx, {
      action: 'task.update',
      entity: 'task',
      entityId: input.taskId,
      before: { text: before.text, leads: before.leads, coops: before.coops, leaderId: before.leaderId, deadline: before.deadline },
      after: input,
    })
    await taskChanged(trx, input.taskId, unitIdsOf(before))
  })
  return getTask(ctx, { taskId: input.taskId })
}
