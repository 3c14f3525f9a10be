/**
 * The 约谈 list: each 约谈 an escalation rule listed (escalation/service.ts adds it with the firing) or the office
 * added by hand, with its unit, the unit's head, the reason and the tasks behind it; 待约谈 → 已约谈 → 整改完成.
 */
import type { Transaction, Updateable } from 'kysely'
import type { Ctx } from '../context'
import type { Database, InterviewStatus } from '../db/schema'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { taskLabel } from '../../contract/taskLabel'
import { INTERVIEW_SOURCE_LABELS, INTERVIEW_STATUS_LABELS, seesInterview, stepProblem } from './rules'

export interface InterviewView {
  id: number
  year: number
  unitId: number
  unitName: string
  /** the unit's 负责人 (active unit_head accounts) */
  unitHeads: string[]
  source: 'rule' | 'manual'
  sourceLabel: string
  ruleName: string | null
  reason: string
  tasks: { id: number; label: string; text: string }[]
  status: InterviewStatus
  statusLabel: string
  heldOn: string | null
  participants: string | null
  record: string | null
  requirements: string | null
  rectifiedOn: string | null
  rectifiedNote: string | null
  createdAt: string
}

const READERS = ['admin', 'office', 'leader'] as const

async function leaderUnitsOf(db: Ctx['db'], leaderId: number): Promise<number[]> {
  return (await db.selectFrom('leader_units').select('unit_id').where('leader_id', '=', leaderId).execute()).map((r) => r.unit_id)
}

/** interviews.list: the office sees all; a leader the 约谈 of the units in their charge. */
export async function listInterviews(ctx: Ctx, input: { status?: InterviewStatus; year?: number } = {}): Promise<InterviewView[]> {
  const actor = requireRole(ctx.actor, [...READERS])
  let q = ctx.db
    .selectFrom('interviews')
    .innerJoin('units', 'units.id', 'interviews.unit_id')
    .selectAll('interviews')
    .select('units.name as unit_name')
    .orderBy('interviews.id', 'desc')
  if (input.status) q = q.where('interviews.status', '=', input.status)
  if (input.year) q = q.where('interviews.year', '=', input.year)
  if (actor.role === 'leader') {
    const mine = await leaderUnitsOf(ctx.db, actor.id)
    if (!mine.length) return []
    q = q.where('interviews.unit_id', 'in', mine)
  }
  const rows = await q.execute()
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const unitIds = [...new Set(rows.map((r) => r.unit_id))]
  const [links, heads] = await Promise.all([
    ctx.db
      .selectFrom('interview_tasks')
      .innerJoin('tasks', 'tasks.id', 'interview_tasks.task_id')
      .leftJoin('lists', 'lists.id', 'tasks.list_id')
      .select([
        'interview_tasks.interview_id',
        'tasks.id',
        'tasks.number',
        'tasks.code',
        'tasks.matter_no',
        'tasks.text',
        'lists.name as list_name',
      ])
      .where('interview_tasks.interview_id', 'in', ids)
      .orderBy('tasks.id')
      .execute(),
    ctx.db
      .selectFrom('users')
      .select(['unit_id', 'display_name'])
      .where('unit_id', 'in', unitIds)
      .where('role', '=', 'unit_head')
      .where('active', '=', 1)
      .orderBy('id')
      .execute(),
  ])
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitHeads: heads.filter((h) => h.unit_id === r.unit_id).map((h) => h.display_name),
    source: r.source,
    sourceLabel: INTERVIEW_SOURCE_LABELS[r.source],
    ruleName: r.rule_name,
    reason: r.reason,
    tasks: links
      .filter((l) => l.interview_id === r.id)
      .map((l) => ({ id: l.id, label: l.matter_no ?? taskLabel({ number: l.number, code: l.code, listName: l.list_name }), text: l.text })),
    status: r.status,
    statusLabel: INTERVIEW_STATUS_LABELS[r.status],
    heldOn: r.held_on,
    participants: r.participants,
    record: r.record,
    requirements: r.requirements,
    rectifiedOn: r.rectified_on,
    rectifiedNote: r.rectified_note,
    createdAt: r.created_at,
  }))
}

async function one(ctx: Ctx, id: number): Promise<InterviewView> {
  const found = (await listInterviews(ctx)).find((i) => i.id === id)
  if (!found) throw notFound('该约谈')
  return found
}

/**
 * Adds a 约谈 to the list, in the caller's transaction: the office by hand, or an escalation rule with its firing
 * (once per firing: the unique firing_id). The leader in charge is told in their inbox.
 */
export async function addInterview(
  trx: Transaction<Database>,
  ctx: Ctx,
  input: {
    unitId: number
    reason: string
    taskIds: number[]
    source: 'rule' | 'manual'
    firingId?: number | null
    ruleName?: string | null
  },
): Promise<number> {
  const now = ctx.clock.now().toISOString()
  const row = await trx
    .insertInto('interviews')
    .values({
      year: Number(ctx.clock.today().slice(0, 4)),
      unit_id: input.unitId,
      source: input.source,
      firing_id: input.firingId ?? null,
      rule_name: input.ruleName ?? null,
      reason: input.reason,
      created_by: ctx.actor && ctx.actor.id > 0 ? ctx.actor.id : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const taskId of new Set(input.taskIds))
    await trx.insertInto('interview_tasks').values({ interview_id: row.id, task_id: taskId }).execute()
  return row.id
}

/** interviews.create: the office lists a 约谈 by hand. */
export async function createInterview(ctx: Ctx, input: { unitId: number; reason: string; taskIds?: number[] }): Promise<InterviewView> {
  requireRole(ctx.actor, ['admin', 'office'])
  const reason = input.reason.trim()
  if (!reason) throw new DubanError('invalid_input', '请填写约谈事由')
  const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst()
  if (!unit) throw notFound('该单位')
  const taskIds = [...new Set(input.taskIds ?? [])]
  if (taskIds.length) {
    const found = await ctx.db.selectFrom('tasks').select('id').where('id', 'in', taskIds).execute()
    if (found.length !== taskIds.length) throw notFound('所选任务')
  }
  const id = await inTransaction(ctx, async (trx) => {
    const id = await addInterview(trx, ctx, { unitId: unit.id, reason, taskIds, source: 'manual' })
    await tellLeaders(trx, ctx, unit, id, reason)
    await writeAudit(trx, ctx, {
      action: 'interview.create',
      entity: 'interview',
      entityId: id,
      after: { unitId: unit.id, reason, taskIds },
    })
    return id
  })
  return one(ctx, id)
}

async function tellLeaders(trx: Transaction<Database>, ctx: Ctx, unit: { id: number; name: string }, id: number, reason: string) {
  const leaders = await trx
    .selectFrom('leader_units')
    .innerJoin('users', 'users.id', 'leader_units.leader_id')
    .select('users.id')
    .where('leader_units.unit_id', '=', unit.id)
    .where('users.active', '=', 1)
    .execute()
  for (const l of leaders)
    await deliver(trx, ctx, {
      kind: 'escalation',
      to: { userId: l.id },
      refId: id,
      taskId: null,
      title: `约谈：${unit.name}负责人`,
      body: reason,
    })
}

/** The office, or the leader in charge of the unit, moves a 约谈 one step on. */
async function step(
  ctx: Ctx,
  id: number,
  to: InterviewStatus,
  set: Updateable<Database['interviews']>,
  action: string,
): Promise<InterviewView> {
  const actor = requireRole(ctx.actor, [...READERS])
  const row = await ctx.db.selectFrom('interviews').select(['id', 'unit_id', 'status']).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('该约谈')
  const leaderUnits = actor.role === 'leader' ? await leaderUnitsOf(ctx.db, actor.id) : []
  if (!seesInterview(actor, row.unit_id, leaderUnits)) throw denied('该约谈不属于您分管的单位')
  const problem = stepProblem(row.status, to)
  if (problem) throw new DubanError('conflict', problem)
  await inTransaction(ctx, async (trx) => {
    // the state in the WHERE: of two people recording at once, the second finds it moved on
    const done = await trx
      .updateTable('interviews')
      .set({ ...set, status: to, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) !== 1) throw new DubanError('conflict', '该约谈刚被他人更新，请刷新后再试')
    await writeAudit(trx, ctx, { action, entity: 'interview', entityId: id, before: { status: row.status }, after: { status: to, ...set } })
  })
  return one(ctx, id)
}

/** interviews.record: 已约谈, with the date, who took part, the 约谈记录 and the 整改要求. */
export function recordInterview(
  ctx: Ctx,
  input: { interviewId: number; heldOn: string; participants: string; record: string; requirements: string },
): Promise<InterviewView> {
  if (input.heldOn > ctx.clock.today()) return Promise.reject(new DubanError('invalid_input', '约谈日期不能晚于今天'))
  return step(
    ctx,
    input.interviewId,
    'held',
    {
      held_on: input.heldOn,
      participants: input.participants.trim(),
      record: input.record.trim(),
      requirements: input.requirements.trim(),
      held_by: ctx.actor?.id ?? null,
    },
    'interview.record',
  )
}

/** interviews.rectify: 整改完成, with the day and a note of what was done. */
export function rectifyInterview(ctx: Ctx, input: { interviewId: number; rectifiedOn: string; note: string }): Promise<InterviewView> {
  if (input.rectifiedOn > ctx.clock.today()) return Promise.reject(new DubanError('invalid_input', '整改完成日期不能晚于今天'))
  return step(
    ctx,
    input.interviewId,
    'rectified',
    { rectified_on: input.rectifiedOn, rectified_note: input.note.trim(), rectified_by: ctx.actor?.id ?? null },
    'interview.rectify',
  )
}
