import type { Ctx } from '../context'
import { inTransaction, writeAudit } from '../audit/service'
import { deliver } from '../inbox/deliver'
import { dueEscalationLevel } from './rules'
import { taskLabel } from '../../contract/taskLabel'
import { cnDate } from '../exporters/common'

/**
 * Raises every notice unanswered past its deadline to the leader in charge of its task, or, when the task
 * names none, to the leader in charge (分管) of the unit it was sent to; with neither, to the office.
 * Idempotent: run when inboxes and notices are listed, or explicitly. Recorded as done by the system.
 */
export async function escalateDue(ctx: Ctx): Promise<{ escalated: number[] }> {
  const today = ctx.clock.today()
  const open = await ctx.db
    .selectFrom('notices')
    .leftJoin('tasks', 'tasks.id', 'notices.task_id')
    .select(['notices.id', 'notices.number', 'notices.task_id', 'notices.reply_deadline', 'notices.replied_at', 'notices.escalation_level'])
    .leftJoin('lists', 'lists.id', 'tasks.list_id')
    .select([
      'tasks.leader_id as task_leader_id',
      'tasks.number as task_number',
      'tasks.code as task_code',
      'notices.unit_id',
      'lists.name as list_name',
    ])
    .where('notices.kind', '=', 'notice')
    .where('notices.status', 'in', ['issued', 'read', 'returned'])
    .where('notices.escalation_level', '=', 0)
    .where('notices.reply_deadline', '<', today)
    .execute()
  const due = open.filter((n) => dueEscalationLevel({ replyDeadline: n.reply_deadline, repliedAt: null }, today) > n.escalation_level)
  if (due.length === 0) return { escalated: [] }
  const system: Ctx = { ...ctx, actor: null }
  const escalated: number[] = []
  const inCharge = await ctx.db
    .selectFrom('leader_units')
    .innerJoin('users', 'users.id', 'leader_units.leader_id')
    .select(['leader_units.unit_id', 'leader_units.leader_id'])
    .where('users.active', '=', 1)
    .orderBy('leader_units.leader_id')
    .execute()
  await inTransaction(system, async (trx) => {
    for (const raw of due) {
      const n = { ...raw, leader_id: raw.task_leader_id ?? inCharge.find((l) => l.unit_id === raw.unit_id)?.leader_id ?? null }
      const now = ctx.clock.now().toISOString()
      // Re-checked inside the transaction, so two callers never escalate twice.
      const res = await trx
        .updateTable('notices')
        .set({ escalation_level: 1, escalated_to: n.leader_id, escalated_at: now })
        .where('id', '=', n.id)
        .where('escalation_level', '=', 0)
        .where('status', 'in', ['issued', 'read', 'returned'])
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) === 0) continue
      escalated.push(n.id)
      const title = `${n.number} 逾期未回复，已升级督办（${n.task_number === null ? '' : taskLabel({ number: n.task_number, code: n.task_code, listName: n.list_name })}）`
      await deliver(trx, system, {
        kind: 'escalation',
        to: n.leader_id !== null ? { userId: n.leader_id } : 'office',
        refId: n.id,
        taskId: n.task_id,
        title,
        body: `回复期限：${n.reply_deadline ? cnDate(n.reply_deadline) : '未定'}`,
      })
      await writeAudit(trx, system, {
        action: 'notice.escalate',
        entity: 'notice',
        entityId: n.id,
        before: { escalationLevel: 0 },
        after: { escalationLevel: 1, escalatedTo: n.leader_id, reason: `回复期限${n.reply_deadline}已过` },
      })
    }
  })
  return { escalated }
}
