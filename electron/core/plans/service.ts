import type { Ctx } from '../context'
import type { PlanDraft } from '../importers/types'
import { parsePlanText } from '../importers/parser'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole } from '../users/rules'
import { resolveOrCreateUnit } from '../units/service'
import { insertSuggestedLinks, taskKey } from './links'

export interface PlanSummary {
  id: number
  title: string
  issuer: string | null
  docNumber: string | null
  issuedOn: string | null
  year: number | null
  taskCount: number
}

export interface PlanDetail extends PlanSummary {
  lists: {
    id: number
    name: string
    kind: string
    taskCount: number
    sections: { id: number; number: string | null; title: string | null; taskCount: number }[]
  }[]
  indicators: { id: number; name: string; unit: string; target: number; growthPct: number | null }[]
}

export async function listPlans(ctx: Ctx): Promise<PlanSummary[]> {
  requireActor(ctx.actor)
  const rows = await ctx.db
    .selectFrom('plans')
    .leftJoin('tasks', 'tasks.plan_id', 'plans.id')
    .select(['plans.id', 'title', 'issuer', 'doc_number', 'issued_on', 'year'])
    .select((eb) => eb.fn.count<number>('tasks.id').as('task_count'))
    .groupBy('plans.id')
    .orderBy('year', 'desc')
    .orderBy('plans.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    issuer: r.issuer,
    docNumber: r.doc_number,
    issuedOn: r.issued_on,
    year: r.year,
    taskCount: Number(r.task_count),
  }))
}

export async function getPlan(ctx: Ctx, input: { planId: number }): Promise<PlanDetail> {
  requireActor(ctx.actor)
  const summary = (await listPlans(ctx)).find((p) => p.id === input.planId)
  if (!summary) throw notFound('该文件')
  const lists = await ctx.db.selectFrom('lists').selectAll().where('plan_id', '=', input.planId).orderBy('sort').execute()
  const sections = await ctx.db
    .selectFrom('sections')
    .innerJoin('lists', 'lists.id', 'sections.list_id')
    .selectAll('sections')
    .where('lists.plan_id', '=', input.planId)
    .orderBy('sections.sort')
    .execute()
  const counts = await ctx.db
    .selectFrom('tasks')
    .select(['list_id', 'section_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', input.planId)
    .groupBy(['list_id', 'section_id'])
    .execute()
  const indicators = await ctx.db
    .selectFrom('indicators')
    .selectAll()
    .where('plan_id', '=', input.planId)
    .where('task_id', 'is', null)
    .orderBy('id')
    .execute()
  return {
    ...summary,
    lists: lists.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      taskCount: counts.filter((c) => c.list_id === l.id).reduce((s, c) => s + Number(c.n), 0),
      sections: sections
        .filter((s) => s.list_id === l.id)
        .map((s) => ({
          id: s.id,
          number: s.number,
          title: s.title,
          taskCount: Number(counts.find((c) => c.section_id === s.id)?.n ?? 0),
        })),
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      target: i.target_value,
      growthPct: i.growth_pct,
    })),
  }
}

/** Parses text for the office to look at; writes nothing. */
export function previewPlanText(ctx: Ctx, input: { text: string }): PlanDraft {
  requireRole(ctx.actor, ['admin', 'office'])
  return parsePlanText(input.text)
}

/** Writes a parsed plan in one transaction: units resolved or created, tasks, their units and indicators. */
export async function commitPlan(
  ctx: Ctx,
  input: { draft: PlanDraft; text: string; sourceName: string | null },
): Promise<{ planId: number; taskCount: number }> {
  requireRole(ctx.actor, ['admin', 'office'])
  const { draft } = input
  const taskTotal = draft.lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)
  if (taskTotal === 0) throw new DubanError('empty_plan', '文件中没有识别到任何工作任务，未导入')
  const now = ctx.clock.now().toISOString()
  const planId = await inTransaction(ctx, async (trx) => {
    const plan = await trx
      .insertInto('plans')
      .values({
        title: draft.plan.title,
        issuer: draft.plan.issuer,
        doc_number: draft.plan.docNumber,
        issued_on: draft.plan.issuedOn,
        year: draft.plan.year,
        source_name: input.sourceName,
        original_text: input.text,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    let sort = 0
    const taskIds = new Map<string, number>()
    for (const [listIndex, list] of draft.lists.entries()) {
      const l = await trx
        .insertInto('lists')
        .values({ plan_id: plan.id, name: list.name, kind: list.kind, sort: listIndex })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const [sectionIndex, section] of list.sections.entries()) {
        const s = await trx
          .insertInto('sections')
          .values({ list_id: l.id, number: section.number, title: section.title, sort: sectionIndex })
          .returning('id')
          .executeTakeFirstOrThrow()
        for (const task of section.tasks) {
          const t = await trx
            .insertInto('tasks')
            .values({
              plan_id: plan.id,
              list_id: l.id,
              section_id: s.id,
              number: task.number,
              text: task.text,
              leader_id: null,
              deadline: task.deadline,
              deadline_text: task.deadlineText,
              closed_at: null,
              source_line: task.line,
              sort: sort++,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          if (!taskIds.has(taskKey(list.name, task.number))) taskIds.set(taskKey(list.name, task.number), t.id)
          const roles = [
            ...task.leads.map((name) => ({ name, role: 'lead' as const })),
            ...task.coops.map((name) => ({ name, role: 'coop' as const })),
          ]
          const seen = new Set<string>()
          for (const [position, r] of roles.entries()) {
            const unitId = await resolveOrCreateUnit(trx, ctx, r.name)
            if (seen.has(`${unitId}:${r.role}`)) continue
            seen.add(`${unitId}:${r.role}`)
            await trx.insertInto('task_units').values({ task_id: t.id, unit_id: unitId, role: r.role, position }).execute()
          }
          for (const target of task.targets) {
            await trx
              .insertInto('indicators')
              .values({
                plan_id: plan.id,
                task_id: t.id,
                name: target.about || target.text,
                unit: target.unit,
                comparator: target.comparator,
                target_value: target.value,
                baseline_value: null,
                baseline_year: null,
                target_year: draft.plan.year,
                growth_pct: null,
                source_text: target.text,
              })
              .execute()
          }
        }
      }
    }
    for (const ind of draft.indicators) {
      await trx
        .insertInto('indicators')
        .values({
          plan_id: plan.id,
          task_id: null,
          name: ind.name,
          unit: ind.unit,
          comparator: ind.comparator,
          target_value: ind.target,
          baseline_value: ind.baseline,
          baseline_year: ind.baselineYear,
          target_year: ind.targetYear ?? draft.plan.year,
          growth_pct: ind.growthPct,
          source_text: ind.text,
        })
        .execute()
    }
    const links = await insertSuggestedLinks(trx, draft.links, taskIds)
    await writeAudit(trx, ctx, {
      action: 'plan.import',
      entity: 'plan',
      entityId: plan.id,
      after: { title: draft.plan.title, docNumber: draft.plan.docNumber, tasks: taskTotal, links },
    })
    return plan.id
  })
  return { planId, taskCount: taskTotal }
}
