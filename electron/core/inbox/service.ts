import type { ExpressionBuilder } from 'kysely'
import type { Ctx, Actor } from '../context'
import type { Database, InboxKind } from '../db/schema'
import { inTransaction, writeAudit } from '../audit/service'
import { inboxChanged } from '../events/changes'
import { requireActor } from '../users/rules'
import { escalateDue } from '../reminders/escalation'
import { remindOverdueSignatures } from '../matters/assignment'

export interface InboxItem {
  id: number
  kind: InboxKind
  refId: number | null
  taskId: number | null
  taskNumber: number | null
  /** 重点3, 要点15, 民生5-2 */
  taskCode: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

export const INBOX_KIND_LABELS: Record<InboxKind, string> = {
  reminder: '催办',
  notice: '督办单',
  returned: '退回',
  instruction: '批示',
  instruction_reply: '批示回复',
  escalation: '督办升级',
  notice_reply: '督办回复',
  assignment: '待签收',
  assignment_overdue: '签收超期',
  assignment_returned: '交办退回',
  extension_request: '延期申请',
  extension_decision: '延期审批',
  followup: '回访',
}

/** A unit's items belong to everyone in it; a person's to them; the office's to office and admin. */
function addressedTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'inbox_items'>) => {
    const or = [eb('inbox_items.recipient_user_id', '=', actor.id)]
    if (actor.unitId !== null) or.push(eb('inbox_items.recipient_unit_id', '=', actor.unitId))
    if (actor.role === 'office' || actor.role === 'admin') or.push(eb('inbox_items.to_office', '=', 1))
    return eb.or(or)
  }
}

type InboxQuery = { unreadOnly?: boolean; kind?: InboxKind; limit?: number }

export async function listInbox(ctx: Ctx, input: InboxQuery) {
  await inboxSweeps(ctx)
  return { items: await inboxItems(ctx, input), unread: await unreadCounts(ctx) }
}

/** What arrives by the calendar rather than by someone's action, delivered before anyone looks. */
export async function inboxSweeps(ctx: Ctx): Promise<void> {
  requireActor(ctx.actor)
  await escalateDue(ctx) // notices past their reply deadline reach the leader
  await remindOverdueSignatures(ctx) // and assignments past their 签收 window reach their unit
}

/** The actor's items, newest first, without the sweeps (for a caller that has just run them). */
export async function inboxItems(ctx: Ctx, input: InboxQuery): Promise<InboxItem[]> {
  const actor = requireActor(ctx.actor)
  let q = ctx.db
    .selectFrom('inbox_items')
    .leftJoin('tasks', 'tasks.id', 'inbox_items.task_id')
    .selectAll('inbox_items')
    .select(['tasks.number as task_number', 'tasks.code as task_code'])
    .where(addressedTo(actor))
    .orderBy('inbox_items.id', 'desc')
    .limit(input.limit ?? 200)
  if (input.unreadOnly) q = q.where('inbox_items.read_at', 'is', null)
  if (input.kind) q = q.where('inbox_items.kind', '=', input.kind)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    refId: r.ref_id,
    taskId: r.task_id,
    taskNumber: r.task_number,
    taskCode: r.task_code,
    title: r.title,
    body: r.body,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }))
}

export async function unreadCounts(ctx: Ctx): Promise<{ total: number; byKind: Partial<Record<InboxKind, number>> }> {
  const actor = requireActor(ctx.actor)
  const rows = await ctx.db
    .selectFrom('inbox_items')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where(addressedTo(actor))
    .where('read_at', 'is', null)
    .groupBy('kind')
    .execute()
  const byKind: Partial<Record<InboxKind, number>> = {}
  for (const r of rows) byKind[r.kind] = Number(r.n)
  return { total: rows.reduce((s, r) => s + Number(r.n), 0), byKind }
}

/** Marks the given items (or all of the actor's) read; others' items are left alone. */
export async function markRead(ctx: Ctx, input: { ids?: number[]; all?: boolean }): Promise<{ marked: number }> {
  const actor = requireActor(ctx.actor)
  if (!input.all && !input.ids?.length) return { marked: 0 }
  return inTransaction(ctx, async (trx) => {
    let q = trx
      .updateTable('inbox_items')
      .set({ read_at: ctx.clock.now().toISOString(), read_by: actor.id })
      .where(addressedTo(actor))
      .where('read_at', 'is', null)
    if (!input.all) q = q.where('id', 'in', input.ids!)
    const res = await q.executeTakeFirst()
    const marked = Number(res.numUpdatedRows)
    await writeAudit(trx, ctx, { action: 'inbox.read', entity: 'inbox', entityId: null, after: { ids: input.ids ?? 'all', marked } })
    // the person's other desks (and colleagues sharing the unit's inbox) update their badge
    if (marked > 0) {
      inboxChanged(trx, { userId: actor.id })
      if (actor.unitId !== null) inboxChanged(trx, { unitId: actor.unitId })
      if (actor.role === 'office' || actor.role === 'admin') inboxChanged(trx, 'office')
    }
    return { marked }
  })
}

/** Task ids with an unread instruction for this actor (a unit: its own inbox; others: any unit's). */
export async function tasksWithUnreadInstruction(ctx: Ctx): Promise<Set<number>> {
  const actor = requireActor(ctx.actor)
  let q = ctx.db
    .selectFrom('inbox_items')
    .select('task_id')
    .distinct()
    .where('kind', '=', 'instruction')
    .where('read_at', 'is', null)
    .where('task_id', 'is not', null)
  if (actor.role === 'unit_head' || actor.role === 'unit_staff') q = q.where(addressedTo(actor))
  return new Set((await q.execute()).map((r) => r.task_id!))
}
