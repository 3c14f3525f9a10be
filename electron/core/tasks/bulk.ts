import type { Ctx } from '../context'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { loadTaskUnits } from '../reports/queries'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { leadsReassigned } from '../matters/assignment'

export interface BulkAssignInput {
  taskIds: number[]
  /** the version each task's edit was based on (required by the contract); one stale task refuses the whole batch */
  versions?: { taskId: number; version: number }[]
  /** in order, the first is the primary lead */
  leadUnitIds?: number[]
  coopUnitIds?: number[]
  leaderId?: number | null
  deadline?: string | null
}

/** Office work on many tasks at once: one transaction, one audit entry per task. */
export async function bulkAssign(ctx: Ctx, input: BulkAssignInput): Promise<{ updated: number }> {
  requireRole(ctx.actor, ['admin', 'office'])
  const ids = [...new Set(input.taskIds)]
  if (ids.length === 0) throw new DubanError('invalid_input', '请选择任务')
  if (input.leadUnitIds && input.leadUnitIds.length === 0) throw new DubanError('invalid_input', '至少需要一个牵头单位')
  const basedOn = versionsOf(ids, input.versions)
  if (input.leaderId != null) {
    const leader = await ctx.db.selectFrom('users').select('role').where('id', '=', input.leaderId).executeTakeFirst()
    if (!leader) throw notFound('该领导')
    if (leader.role !== 'leader') throw new DubanError('invalid_input', '分管领导必须是局领导账号')
  }
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString()
    for (const taskId of ids) {
      const before = await loadTaskUnits(trx, taskId)
      const deadline = await trx.selectFrom('tasks').select('deadline').where('id', '=', taskId).executeTakeFirstOrThrow()
      await bumpTaskVersion(trx, taskId, basedOn.get(taskId), now)
      const set: { leader_id?: number | null; deadline?: string | null; deadline_by_office?: number } = {}
      if (input.leaderId !== undefined) set.leader_id = input.leaderId
      if (input.deadline !== undefined) Object.assign(set, { deadline: input.deadline, deadline_by_office: 1 })
      if (Object.keys(set).length) await trx.updateTable('tasks').set(set).where('id', '=', taskId).execute()
      for (const [role, unitIds] of [
        ['lead', input.leadUnitIds],
        ['coop', input.coopUnitIds],
      ] as const) {
        if (!unitIds) continue
        await trx.deleteFrom('task_units').where('task_id', '=', taskId).where('role', '=', role).execute()
        for (const [position, unitId] of [...new Set(unitIds)].entries()) {
          await trx.insertInto('task_units').values({ task_id: taskId, unit_id: unitId, role, position }).execute()
        }
      }
      // a new lead signs again (签收), as with a single reassignment (tasks.update)
      if (input.leadUnitIds) await leadsReassigned(trx, ctx, taskId, before.leads, [...new Set(input.leadUnitIds)])
      const { taskIds: _all, versions: _versions, ...change } = input
      await writeAudit(trx, ctx, {
        action: 'task.bulkAssign',
        entity: 'task',
        entityId: taskId,
        before: { leads: before.leads, coops: before.coops, leaderId: before.leaderId, deadline: deadline.deadline },
        after: change,
      })
      await taskChanged(trx, taskId, [...before.leads, ...before.coops])
    }
    return { updated: ids.length }
  })
}

/** Every task of a batch edit must say which version it was based on (when the caller sends versions at all). */
export function versionsOf(
  ids: readonly number[],
  versions: readonly { taskId: number; version: number }[] | undefined,
): Map<number, number | undefined> {
  if (!versions) return new Map(ids.map((id) => [id, undefined]))
  const map = new Map<number, number | undefined>(versions.map((v) => [v.taskId, v.version]))
  const missing = ids.find((id) => !map.has(id))
  if (missing !== undefined) throw new DubanError('invalid_input', `缺少任务（编号${missing}）的版本号，请刷新后再改`)
  return map
}
