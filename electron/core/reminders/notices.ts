/** The 督办单 carried to 办结: receipt, reply with evidence, return with a reason, acceptance. */
import type { Transaction } from 'kysely'
import { sql } from 'kysely'
import type { Ctx } from '../context'
import type { Database, NoticeStatus, NoticeStepAction } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { taskChanged } from '../events/changes'
import { NOTICE_STATUS_LABELS, noticeMove } from './lifecycle'
import { listNotices } from './service'

async function loadNotice(ctx: Ctx, noticeId: number) {
  const n = await ctx.db.selectFrom('notices').selectAll().where('id', '=', noticeId).where('kind', '=', 'notice').executeTakeFirst()
  if (!n) throw notFound('该督办单')
  return n
}

/** Compare-and-set on the notice's revision, so a decision taken on an older view is refused. */
async function moveNotice(
  trx: Transaction<Database>,
  n: { id: number; status: NoticeStatus },
  basedOn: number | undefined,
  set: Partial<{
    status: NoticeStatus
    read_at: string
    read_by: number
    reply: string
    replied_by: number
    replied_at: string
    closed_at: string
    closed_by: number
  }>,
): Promise<number> {
  let q = trx
    .updateTable('notices')
    .set({ ...set, revision: sql<number>`revision + 1` })
    .where('id', '=', n.id)
  q = basedOn !== undefined ? q.where('revision', '=', basedOn) : q.where('status', '=', n.status)
  const row = await q.returning('revision').executeTakeFirst()
  if (row) return row.revision
  const now = await trx.selectFrom('notices').select('status').where('id', '=', n.id).executeTakeFirst()
  throw new DubanError('stale', `该督办单已被他人处理（当前为“${now ? NOTICE_STATUS_LABELS[now.status] : '已删除'}”），请刷新后再看`)
}

async function addStep(
  trx: Transaction<Database>,
  ctx: Ctx,
  noticeId: number,
  action: NoticeStepAction,
  body = '',
  attachmentIds: number[] = [],
) {
  await trx
    .insertInto('notice_steps')
    .values({
      notice_id: noticeId,
      action,
      actor_id: ctx.actor!.id,
      at: ctx.clock.now().toISOString(),
      body,
      attachment_ids_json: JSON.stringify(attachmentIds),
    })
    .execute()
}

function refuseUnless(move: ReturnType<typeof noticeMove>): NoticeStatus {
  if (!move.ok) throw new DubanError(move.code, move.message)
  return move.to
}

async function view(ctx: Ctx, id: number) {
  const [n] = await listNotices(ctx, { ids: [id] })
  if (!n) throw notFound('该督办单')
  return n
}

/** The unit's receipt: recorded the first time someone of the addressed unit opens the notice. Idempotent. */
export async function readNotice(ctx: Ctx, input: { noticeId: number }) {
  const actor = requireActor(ctx.actor)
  const n = await loadNotice(ctx, input.noticeId)
  if (n.status !== 'issued') return view(ctx, n.id)
  const to = refuseUnless(noticeMove({ status: n.status, unitId: n.unit_id }, 'read', actor))
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString()
    await moveNotice(trx, n, undefined, { status: to, read_at: now, read_by: actor.id })
    await addStep(trx, ctx, n.id, 'read')
    await writeAudit(trx, ctx, {
      action: 'notice.read',
      entity: 'notice',
      entityId: n.id,
      before: { status: n.status },
      after: { status: to },
    })
    if (n.task_id !== null) await taskChanged(trx, n.task_id)
  })
  return view(ctx, n.id)
}

/** Evidence comes from the replying unit's own, not yet attached uploads. */
async function checkEvidence(trx: Transaction<Database>, ctx: Ctx, ids: readonly number[]) {
  if (ids.length === 0) return
  const rows = await trx
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.created_by')
    .select(['attachments.id', 'attachments.report_id', 'attachments.created_by', 'users.unit_id'])
    .where('attachments.id', 'in', [...ids])
    .execute()
  for (const id of ids) {
    const r = rows.find((x) => x.id === id)
    const own = r && (r.created_by === ctx.actor!.id || (r.unit_id !== null && r.unit_id === ctx.actor!.unitId))
    if (!r || !own || r.report_id !== null) throw new DubanError('invalid_input', `佐证材料（编号${id}）不能用于本次回复，请重新上传`)
  }
}

/** The addressed unit answers (again, after a return), with evidence. */
export async function replyNotice(ctx: Ctx, input: { noticeId: number; reply: string; revision?: number; attachmentIds?: number[] }) {
  const actor = requireActor(ctx.actor)
  const n = await loadNotice(ctx, input.noticeId)
  const to = refuseUnless(noticeMove({ status: n.status, unitId: n.unit_id }, 'reply', actor, { body: input.reply }))
  const attachmentIds = [...new Set(input.attachmentIds ?? [])]
  const round =
    (await ctx.db.selectFrom('notice_steps').select('id').where('notice_id', '=', n.id).where('action', '=', 'reply').execute()).length + 1
  await inTransaction(ctx, async (trx) => {
    await checkEvidence(trx, ctx, attachmentIds)
    const now = ctx.clock.now().toISOString()
    const receipt = n.status === 'issued' ? { read_at: now, read_by: actor.id } : {}
    await moveNotice(trx, n, input.revision, { status: to, reply: input.reply, replied_by: actor.id, replied_at: now, ...receipt })
    await addStep(trx, ctx, n.id, 'reply', input.reply, attachmentIds)
    await deliver(trx, ctx, {
      kind: 'notice_reply',
      to: 'office',
      refId: n.id,
      taskId: n.task_id,
      title: round > 1 ? `${n.number} 已重新回复（第${round}次），待办结` : `${n.number} 已回复，待办结`,
      body: input.reply,
    })
    await writeAudit(trx, ctx, {
      action: 'notice.reply',
      entity: 'notice',
      entityId: n.id,
      before: { status: n.status, reply: n.reply },
      after: { status: to, reply: input.reply, attachmentIds },
    })
    if (n.task_id !== null) await taskChanged(trx, n.task_id)
  })
  return view(ctx, n.id)
}

/** The office decides on the reply: 办结, or back to the unit with a reason. */
export async function decideNotice(ctx: Ctx, input: { noticeId: number; revision: number; accept: boolean; reason?: string }) {
  const actor = requireActor(ctx.actor)
  const n = await loadNotice(ctx, input.noticeId)
  const action = input.accept ? 'accept' : 'return'
  const reason = input.reason?.trim() ?? ''
  const to = refuseUnless(noticeMove({ status: n.status, unitId: n.unit_id }, action, actor, { body: reason }))
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString()
    await moveNotice(trx, n, input.revision, input.accept ? { status: to, closed_at: now, closed_by: actor.id } : { status: to })
    await addStep(trx, ctx, n.id, action, reason)
    await deliver(trx, ctx, {
      kind: 'notice',
      to: { unitId: n.unit_id },
      refId: n.id,
      taskId: n.task_id,
      title: input.accept ? `${n.number} 已办结` : `${n.number} 回复被退回，请重新回复`,
      body: input.accept ? reason || '办公室已审核你单位的回复，该督办单办结。' : `退回理由：${reason}`,
    })
    await writeAudit(trx, ctx, {
      action: input.accept ? 'notice.accept' : 'notice.return',
      entity: 'notice',
      entityId: n.id,
      before: { status: n.status },
      after: { status: to, reason: reason || undefined },
    })
    if (n.task_id !== null) await taskChanged(trx, n.task_id)
  })
  return view(ctx, n.id)
}
