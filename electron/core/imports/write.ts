import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Ctx } from '../context'
import type { IndicatorDraft, PlanDraft, TaskDraft, TaskLinkDraft } from '../importers/types'

type Trx = Transaction<Database>
export type ResolveUnit = (name: string) => Promise<number>

export const taskKey = (list: string, number: number) => `${list}\u0000${number}`

export function planRow(draft: PlanDraft, text: string, sourceName: string | null) {
  return {
    title: draft.plan.title,
    issuer: draft.plan.issuer,
    doc_number: draft.plan.docNumber,
    issued_on: draft.plan.issuedOn,
    year: draft.plan.year,
    source_name: sourceName,
    original_text: text,
  }
}

/** Replaces a task's lead and coop units, keeping the document's order (the first lead is primary). */
export async function writeTaskUnits(trx: Trx, taskId: number, task: TaskDraft, resolve: ResolveUnit): Promise<void> {
  await trx.deleteFrom('task_units').where('task_id', '=', taskId).execute()
  const seen = new Set<string>()
  const roles = [
    ...task.leads.map((name) => ({ name, role: 'lead' as const })),
    ...task.coops.map((name) => ({ name, role: 'coop' as const })),
  ]
  for (const [position, r] of roles.entries()) {
    const unitId = await resolve(r.name)
    if (seen.has(`${unitId}:${r.role}`)) continue
    seen.add(`${unitId}:${r.role}`)
    await trx.insertInto('task_units').values({ task_id: taskId, unit_id: unitId, role: r.role, position }).execute()
  }
}

/** A task's targets become its indicators; those that already have actual values are never dropped. */
export async function writeTaskIndicators(trx: Trx, planId: number, taskId: number, task: TaskDraft, year: number | null): Promise<void> {
  await trx
    .deleteFrom('indicators')
    .where('task_id', '=', taskId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('indicator_values').select('id').whereRef('indicator_id', '=', 'indicators.id'))),
    )
    .execute()
  for (const target of task.targets) {
    await trx
      .insertInto('indicators')
      .values({
        plan_id: planId,
        task_id: taskId,
        name: target.about || target.text,
        unit: target.unit,
        comparator: target.comparator,
        target_value: target.value,
        baseline_value: null,
        baseline_year: null,
        target_year: year,
        growth_pct: null,
        source_text: target.text,
      })
      .execute()
  }
}

export async function writePlanIndicators(trx: Trx, planId: number, indicators: IndicatorDraft[], year: number | null): Promise<void> {
  await trx
    .deleteFrom('indicators')
    .where('plan_id', '=', planId)
    .where('task_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('indicator_values').select('id').whereRef('indicator_id', '=', 'indicators.id'))),
    )
    .execute()
  for (const ind of indicators) {
    await trx
      .insertInto('indicators')
      .values({
        plan_id: planId,
        task_id: null,
        name: ind.name,
        unit: ind.unit,
        comparator: ind.comparator,
        target_value: ind.target,
        baseline_value: ind.baseline,
        baseline_year: ind.baselineYear,
        target_year: ind.targetYear ?? year,
        growth_pct: ind.growthPct,
        source_text: ind.text,
      })
      .execute()
  }
}

export async function insertTask(
  trx: Trx,
  ctx: Ctx,
  at: { planId: number; listId: number; sectionId: number; sort: number },
  task: TaskDraft,
): Promise<number> {
  const now = ctx.clock.now().toISOString()
  const row = await trx
    .insertInto('tasks')
    .values({
      plan_id: at.planId,
      list_id: at.listId,
      section_id: at.sectionId,
      number: task.number,
      text: task.text,
      leader_id: null,
      deadline: task.deadline,
      deadline_text: task.deadlineText,
      closed_at: null,
      source_line: task.line,
      sort: at.sort,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Links between tasks written in this import: 'accepted' when the office confirmed them in the preview
 * (one progress report then counts for both), 'suggested' when nobody has looked yet (CLI, demo).
 */
export async function writeLinks(
  trx: Trx,
  links: TaskLinkDraft[],
  taskIds: Map<string, number>,
  status: 'accepted' | 'suggested',
): Promise<number> {
  let written = 0
  for (const link of links) {
    const a = taskIds.get(taskKey(link.a.list, link.a.number))
    const b = taskIds.get(taskKey(link.b.list, link.b.number))
    if (a === undefined || b === undefined || a === b) continue
    await trx
      .insertInto('task_links')
      .values({ task_a_id: Math.min(a, b), task_b_id: Math.max(a, b), similarity: link.similarity, status })
      .onConflict((oc) => (status === 'accepted' ? oc.doUpdateSet({ status }) : oc.doNothing()))
      .execute()
    written++
  }
  return written
}
