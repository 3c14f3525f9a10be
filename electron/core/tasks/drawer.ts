/** What the task drawer shows beyond the task itself: its 变更记录 and its 关联任务. */
import type { Ctx, Actor } from '../context'
import type { Db } from '../db/connection'
import { auditActionLabel, auditDetail } from '../../contract/vocabulary'
import { canReadTask, requireRole } from '../users/rules'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { loadTaskRecords } from './queries'
import { twinVerdict, type TwinLinkStatus, type TwinVerdict } from './twins'
import type { TaskRow } from './service'

export interface HistoryEntry {
  at: string
  actor: string | null
  action: string
  /** the action in Chinese, from the contract's vocabulary */
  label: string
  /** the few words after it: fields changed, period and percent, notice number, reason */
  detail: string
  before: unknown
  after: unknown
}

/** Report events worth a line on the task; a unit's draft saves stay out of it. */
const REPORT_EVENTS = ['report.submit', 'report.approve', 'report.return', 'report.withdraw']

/** Everything done to a task, its reports and its notices, newest first. */
export async function taskHistory(db: Db, taskId: number): Promise<HistoryEntry[]> {
  const [reports, notices] = await Promise.all([
    db.selectFrom('reports').select('id').where('task_id', '=', taskId).execute(),
    db.selectFrom('notices').select('id').where('task_id', '=', taskId).execute(),
  ])
  const reportIds = reports.map((r) => r.id)
  const noticeIds = notices.map((n) => n.id)
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['at', 'display_name', 'action', 'before_json', 'after_json'])
    .where((eb) => {
      const either = [eb.and([eb('entity', '=', 'task'), eb('entity_id', '=', taskId)])]
      if (reportIds.length) {
        either.push(eb.and([eb('entity', '=', 'report'), eb('entity_id', 'in', reportIds), eb('action', 'in', REPORT_EVENTS)]))
      }
      // notice.issue is written on the task too, with its number: the notice's own copy would repeat it
      if (noticeIds.length) {
        either.push(eb.and([eb('entity', '=', 'notice'), eb('entity_id', 'in', noticeIds), eb('action', '!=', 'notice.issue')]))
      }
      return eb.or(either)
    })
    .orderBy('audit_log.id', 'desc')
    .execute()
  return rows.map((h) => {
    const before = h.before_json ? (JSON.parse(h.before_json) as unknown) : null
    const after = h.after_json ? (JSON.parse(h.after_json) as unknown) : null
    return {
      at: h.at,
      actor: h.display_name,
      action: h.action,
      label: auditActionLabel(h.action),
      detail: auditDetail({ action: h.action, before, after }),
      before,
      after,
    }
  })
}

export interface TwinView {
  taskId: number
  listName: string
  number: number
  text: string
  status: TaskRow['status']
  statusLabel: string
  light: TaskRow['light']
  actualPct: number
  link: TwinLinkStatus
  verdict: TwinVerdict
}

/** The task's twins the actor may read, with what the office should make of them. */
export async function taskTwins(
  ctx: Ctx,
  actor: Actor,
  self: TaskRow,
  toRow: (r: Awaited<ReturnType<typeof loadTaskRecords>>[number]) => TaskRow,
) {
  const links = await ctx.db
    .selectFrom('task_links')
    .select(['task_a_id', 'task_b_id', 'status'])
    .where((eb) => eb.or([eb('task_a_id', '=', self.id), eb('task_b_id', '=', self.id)]))
    .where('status', '!=', 'rejected')
    .execute()
  const twins: TwinView[] = []
  for (const l of links) {
    const [record] = await loadTaskRecords(ctx.db, { taskId: l.task_a_id === self.id ? l.task_b_id : l.task_a_id })
    if (
      !record ||
      !canReadTask(
        actor,
        [...record.leads, ...record.coops].map((u) => u.id),
      )
    )
      continue
    const twin = toRow(record)
    twins.push({
      taskId: twin.id,
      listName: twin.listName,
      number: twin.number,
      text: twin.text,
      status: twin.status,
      statusLabel: twin.statusLabel,
      light: twin.light,
      actualPct: twin.actualPct,
      link: l.status,
      verdict: twinVerdict(l.status, self, twin),
    })
  }
  return twins
}

/** The office confirms two tasks are the same work (one report then counts for both) or says they are not. */
export async function setTaskLink(ctx: Ctx, input: { taskId: number; twinId: number; accept: boolean }): Promise<{ ok: true }> {
  requireRole(ctx.actor, ['admin', 'office'])
  const [a, b] = [Math.min(input.taskId, input.twinId), Math.max(input.taskId, input.twinId)]
  if (a === b) throw new DubanError('invalid_input', '不能把任务与它自己关联')
  const link = await ctx.db.selectFrom('task_links').selectAll().where('task_a_id', '=', a).where('task_b_id', '=', b).executeTakeFirst()
  if (!link) throw notFound('该关联')
  const status = input.accept ? ('accepted' as const) : ('rejected' as const)
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString()
    await trx.updateTable('task_links').set({ status }).where('task_a_id', '=', a).where('task_b_id', '=', b).execute()
    for (const [taskId, twinId] of [
      [a, b],
      [b, a],
    ]) {
      // the other task's progress and status change with the link: a form open on it is now stale
      await bumpTaskVersion(trx, taskId, undefined, now)
      await writeAudit(trx, ctx, {
        action: input.accept ? 'task.link' : 'task.unlink',
        entity: 'task',
        entityId: taskId,
        before: { twinId, status: link.status },
        after: { twinId, status },
      })
      await taskChanged(trx, taskId)
    }
  })
  return { ok: true }
}

/** Tasks an accepted link ties to this one: an approval here moves their progress too. */
export async function acceptedTwinIds(db: Db, taskId: number): Promise<number[]> {
  const links = await db
    .selectFrom('task_links')
    .select(['task_a_id', 'task_b_id'])
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('task_a_id', '=', taskId), eb('task_b_id', '=', taskId)]))
    .execute()
  return links.map((l) => (l.task_a_id === taskId ? l.task_b_id : l.task_a_id))
}
