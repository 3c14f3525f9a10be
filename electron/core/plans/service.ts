import type { Ctx } from '../context'
import { notFound } from '../errors'
import { requireActor } from '../users/rules'
import { listAbbrs } from './codes'

export interface PlanSummary {
  id: number
  title: string
  issuer: string | null
  docNumber: string | null
  issuedOn: string | null
  year: number | null
  taskCount: number
  /** 'matters': the year's registered 督查事项 (issue 14), listed after the imported plans */
  kind: 'plan' | 'matters'
}

export interface PlanDetail extends PlanSummary {
  lists: {
    id: number
    name: string
    kind: string
    /** the abbreviation task codes use (要点, 重点, 民生, or the office's own) */
    abbr: string
    /** true when the office set it; false when derived from the list's kind or name */
    abbrSet: boolean
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
    .select(['plans.id', 'title', 'issuer', 'doc_number', 'issued_on', 'year', 'plans.kind'])
    .select((eb) => eb.fn.count<number>('tasks.id').as('task_count'))
    .groupBy('plans.id')
    .orderBy('plans.kind', 'desc') // imported plans first: the newest one opens by default
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
    kind: r.kind,
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
  const abbrs = listAbbrs(lists)
  return {
    ...summary,
    lists: lists.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      abbr: abbrs.get(l.id)!,
      abbrSet: l.abbr !== null,
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
