import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { afterCommit } from './after-commit'

/**
 * The change announcements the use cases make, inside their transaction (published after commit).
 * A task's event reaches its units before and after the change, so a unit removed as lead learns too.
 */
export async function taskChanged(trx: Transaction<Database>, taskId: number, formerUnitIds: readonly number[] = []): Promise<void> {
  const task = await trx.selectFrom('tasks').select(['version', 'plan_id']).where('id', '=', taskId).executeTakeFirst()
  if (!task) return
  const units = await trx.selectFrom('task_units').select('unit_id').where('task_id', '=', taskId).execute()
  const unitIds = [...new Set([...formerUnitIds, ...units.map((u) => u.unit_id)])].sort((a, b) => a - b)
  afterCommit(trx, { name: 'task.changed', data: { taskId, version: task.version } }, { kind: 'task', unitIds })
  afterCommit(trx, { name: 'dashboard.invalidated', data: { planId: task.plan_id } }, { kind: 'everyone' })
}

/** The office's 待审核 count: lead units' submitted reports (as reports.pending lists them). */
export async function awaitingReviewChanged(trx: Transaction<Database>): Promise<void> {
  const row = await trx
    .selectFrom('reports')
    .innerJoin('task_units as tu', (j) =>
      j.onRef('tu.task_id', '=', 'reports.task_id').onRef('tu.unit_id', '=', 'reports.unit_id').on('tu.role', '=', 'lead'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reports.status', '=', 'submitted')
    .executeTakeFirstOrThrow()
  afterCommit(trx, { name: 'reports.awaitingReview', data: { count: Number(row.n) } }, { kind: 'roles', roles: ['admin', 'office'] })
}

export function inboxChanged(trx: Transaction<Database>, to: { unitId: number } | { userId: number } | 'office'): void {
  const data = to === 'office' ? { office: true } : to
  afterCommit(trx, { name: 'inbox.changed', data }, { kind: 'inbox', to })
}
