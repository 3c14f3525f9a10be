import type { Ctx } from '../context'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { canReadTask, requireActor, requireRole } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { loadTaskUnits, unitIdsOfTask } from '../reports/queries'
import { unitRoleOn } from '../reports/rules'

export interface InstructionView {
  id: number
  taskId: number
  parentId: number | null
  authorId: number
  authorName: string
  authorUnit: string | null
  body: string
  createdAt: string
  replies: InstructionView[]
}

/** 批示: a leader writes on any task; every lead unit finds it in its inbox. */
export async function writeInstruction(ctx: Ctx, input: { taskId: number; body: string }): Promise<InstructionView[]> {
  const actor = requireRole(ctx.actor, ['leader'])
  const task = await loadTaskUnits(ctx.db, input.taskId)
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('instructions')
      .values({ task_id: task.id, parent_id: null, author_id: actor.id, body: input.body, created_at: ctx.clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const unitId of task.leads) {
      await deliver(trx, ctx, {
        kind: 'instruction',
        to: { unitId },
        refId: row.id,
        taskId: task.id,
        title: `${actor.displayName}对${task.code}任务作出批示`,
        body: input.body,
      })
    }
    await writeAudit(trx, ctx, {
      action: 'instruction.write',
      entity: 'task',
      entityId: task.id,
      after: { instructionId: row.id, body: input.body },
    })
  })
  return listInstructions(ctx, { taskId: task.id })
}

/** The lead (or coop) unit answers; the thread stays on the task and the leader is told. */
export async function replyInstruction(ctx: Ctx, input: { instructionId: number; body: string }): Promise<InstructionView[]> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff', 'leader', 'office', 'admin'])
  const parent = await ctx.db.selectFrom('instructions').selectAll().where('id', '=', input.instructionId).executeTakeFirst()
  if (!parent) throw notFound('该批示')
  const task = await loadTaskUnits(ctx.db, parent.task_id)
  if ((actor.role === 'unit_head' || actor.role === 'unit_staff') && !unitRoleOn(task, actor.unitId)) {
    throw denied('该批示所在任务不属于您所在的处室')
  }
  const rootId = parent.parent_id ?? parent.id
  const root =
    rootId === parent.id ? parent : await ctx.db.selectFrom('instructions').selectAll().where('id', '=', rootId).executeTakeFirstOrThrow()
  if (!input.body.trim()) throw new DubanError('invalid_input', '请填写回复内容')
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('instructions')
      .values({ task_id: task.id, parent_id: rootId, author_id: actor.id, body: input.body, created_at: ctx.clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (root.author_id !== actor.id) {
      await deliver(trx, ctx, {
        kind: 'instruction_reply',
        to: { userId: root.author_id },
        refId: row.id,
        taskId: task.id,
        title: `${actor.displayName}回复了${task.code}任务的批示`,
        body: input.body,
      })
    }
    await writeAudit(trx, ctx, {
      action: 'instruction.reply',
      entity: 'task',
      entityId: task.id,
      after: { instructionId: row.id, parentId: rootId, body: input.body },
    })
  })
  return listInstructions(ctx, { taskId: task.id })
}

/** Threads on a task, oldest first, replies under their instruction. */
export async function listInstructions(ctx: Ctx, input: { taskId: number }): Promise<InstructionView[]> {
  const actor = requireActor(ctx.actor)
  const task = await loadTaskUnits(ctx.db, input.taskId)
  if (!canReadTask(actor, unitIdsOfTask(task))) throw denied('该任务不属于您所在的处室，无权查看')
  const rows = await ctx.db
    .selectFrom('instructions')
    .innerJoin('users', 'users.id', 'instructions.author_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('instructions')
    .select(['users.display_name', 'units.name as unit_name'])
    .where('task_id', '=', input.taskId)
    .orderBy('instructions.id')
    .execute()
  const views = rows.map((r): InstructionView => ({
    id: r.id,
    taskId: r.task_id,
    parentId: r.parent_id,
    authorId: r.author_id,
    authorName: r.display_name,
    authorUnit: r.unit_name,
    body: r.body,
    createdAt: r.created_at,
    replies: [],
  }))
  const roots = views.filter((v) => v.parentId === null)
  for (const v of views) if (v.parentId !== null) roots.find((r) => r.id === v.parentId)?.replies.push(v)
  return roots
}
