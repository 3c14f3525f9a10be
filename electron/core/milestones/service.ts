import type { Ctx } from '../context'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { bumpTaskVersion } from '../concurrency/stale'
import { taskChanged } from '../events/changes'
import { versionsOf } from '../tasks/bulk'
import { buildTemplate, validateMilestones, type MilestoneDraft, type MilestoneTemplate } from './rules'

type TaskVersion = { taskId: number; version?: number }

async function replaceMilestones(ctx: Ctx, basedOn: readonly TaskVersion[], plan: (year: number) => MilestoneDraft[], action: string) {
  requireRole(ctx.actor, ['admin', 'office'])
  const ids = [...new Set(basedOn.map((v) => v.taskId))]
  if (ids.length === 0) throw new DubanError('invalid_input', '请选择任务')
  const versions = new Map(basedOn.map((v) => [v.taskId, v.version]))
  return inTransaction(ctx, async (trx) => {
    const tasks = await trx
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select(['tasks.id', 'plans.year'])
      .where('tasks.id', 'in', ids)
      .execute()
    const missing = ids.find((id) => !tasks.some((t) => t.id === id))
    if (missing !== undefined) throw notFound(`任务（编号${missing}）`)
    for (const t of tasks) {
      await bumpTaskVersion(trx, t.id, versions.get(t.id), ctx.clock.now().toISOString())
      const points = plan(t.year ?? Number(ctx.clock.today().slice(0, 4)))
      const before = await trx
        .selectFrom('milestones')
        .select(['due_on', 'planned_pct', 'title', 'expected_evidence'])
        .where('task_id', '=', t.id)
        .orderBy('due_on')
        .execute()
      await trx.deleteFrom('milestones').where('task_id', '=', t.id).execute()
      for (const p of points) {
        await trx
          .insertInto('milestones')
          .values({
            task_id: t.id,
            due_on: p.dueOn,
            planned_pct: p.plannedPct,
            title: p.title,
            expected_evidence: p.expectedEvidence ?? null,
          })
          .execute()
      }
      await writeAudit(trx, ctx, {
        action,
        entity: 'task',
        entityId: t.id,
        before: {
          milestones: before.map((m) => ({
            dueOn: m.due_on,
            plannedPct: m.planned_pct,
            title: m.title,
            expectedEvidence: m.expected_evidence,
          })),
        },
        after: { milestones: points },
      })
      await taskChanged(trx, t.id)
    }
    return { updated: tasks.length }
  })
}

/** Applies a template to many tasks at once; each task's milestones are replaced. */
export function applyTemplate(
  ctx: Ctx,
  input: { taskIds: number[]; versions?: { taskId: number; version: number }[]; template: MilestoneTemplate; custom?: MilestoneDraft[] },
) {
  if (input.template === 'custom') validateMilestones(input.custom ?? []) // fail before opening a transaction
  const ids = [...new Set(input.taskIds)]
  const versions = versionsOf(ids, input.versions)
  return replaceMilestones(
    ctx,
    ids.map((taskId) => ({ taskId, version: versions.get(taskId) })),
    (year) => buildTemplate(input.template, year, input.custom),
    'milestones.applyTemplate',
  )
}

/** Edits one task's milestones, based on the task's version the editor was showing. */
export async function setMilestones(ctx: Ctx, input: { taskId: number; version?: number; milestones: MilestoneDraft[] }) {
  const points = validateMilestones(input.milestones)
  await replaceMilestones(ctx, [{ taskId: input.taskId, version: input.version }], () => points, 'milestones.set')
  return listMilestones(ctx, { taskId: input.taskId })
}

export async function listMilestones(ctx: Ctx, input: { taskId: number }) {
  const rows = await ctx.db.selectFrom('milestones').selectAll().where('task_id', '=', input.taskId).orderBy('due_on').execute()
  return rows.map((m) => ({ id: m.id, dueOn: m.due_on, plannedPct: m.planned_pct, title: m.title, expectedEvidence: m.expected_evidence }))
}
