import type { Ctx } from '../context'
import type { PlanDraft } from '../importers/types'
import { parsePlanText } from '../importers/parser'
import { parsePlanFileWithText, assertPlanFileSize } from '../importers'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { diffPlan, type ExistingTask } from './diff'
import { knownUnits, namesIn, unitResolver, unknownUnitWarnings } from './units'
import { insertTask, planRow, taskKey, writeLinks, writePlanIndicators, writeTaskIndicators, writeTaskUnits } from './write'
import { revisePlan } from './revise'
import type { CommitInput, CommitResult, ImportPreview } from './types'
import { backupBeforeImport } from '../backup/service'
import { refreshTaskCodes } from '../plans/codeStore'

/** The tasks of a plan as the diff compares them. */
export async function existingTasks(ctx: Ctx, planId: number): Promise<ExistingTask[]> {
  const tasks = await ctx.db
    .selectFrom('tasks')
    .innerJoin('lists', 'lists.id', 'tasks.list_id')
    .select(['tasks.id', 'lists.name as list', 'tasks.number', 'tasks.text', 'tasks.deadline'])
    .select((eb) => eb.exists(eb.selectFrom('reports').select('reports.id').whereRef('reports.task_id', '=', 'tasks.id')).as('has_reports'))
    .where('tasks.plan_id', '=', planId)
    .orderBy('tasks.sort')
    .execute()
  const units = await ctx.db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select(['task_units.task_id', 'task_units.role', 'units.name'])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_units.position')
    .execute()
  return tasks.map((t) => ({
    id: t.id,
    list: t.list,
    number: t.number,
    text: t.text,
    deadline: t.deadline,
    hasReports: Boolean(t.has_reports),
    leads: units.filter((u) => u.task_id === t.id && u.role === 'lead').map((u) => u.name),
    coops: units.filter((u) => u.task_id === t.id && u.role === 'coop').map((u) => u.name),
  }))
}

/** The same document issued again: same doc number, or (without one) the same title and year. */
async function findExistingPlan(ctx: Ctx, draft: PlanDraft) {
  let q = ctx.db.selectFrom('plans').select(['id', 'title', 'doc_number'])
  if (draft.plan.docNumber) q = q.where('doc_number', '=', draft.plan.docNumber)
  else q = q.where('title', '=', draft.plan.title).where('year', draft.plan.year === null ? 'is' : '=', draft.plan.year)
  const row = await q.orderBy('id', 'desc').executeTakeFirst()
  return row ? { planId: row.id, title: row.title, docNumber: row.doc_number } : null
}

async function buildPreview(ctx: Ctx, draft: PlanDraft, text: string, sourceName: string | null): Promise<ImportPreview> {
  const known = await knownUnits(ctx.db)
  const names = namesIn(draft)
  const existingPlan = await findExistingPlan(ctx, draft)
  const canonical = (n: string) => known.byName.get(n)?.name ?? n
  return {
    draft: { ...draft, warnings: [...draft.warnings, ...unknownUnitWarnings(draft, known)] },
    text,
    sourceName,
    unknownUnits: names.filter((n) => !known.byName.has(n)),
    aliasMatches: names.flatMap((n) => {
      const k = known.byName.get(n)
      return k && k.viaAlias ? [{ name: n, unitId: k.id, unitName: k.name }] : []
    }),
    existingPlan,
    diff: existingPlan ? diffPlan(await existingTasks(ctx, existingPlan.planId), draft, canonical) : null,
  }
}

export async function previewFile(ctx: Ctx, input: { fileName: string; contentBase64: string }): Promise<ImportPreview> {
  requireRole(ctx.actor, ['admin', 'office'])
  const bytes = Buffer.from(input.contentBase64, 'base64')
  assertPlanFileSize(bytes.length)
  const { draft, text } = await parsePlanFileWithText(input.fileName, bytes)
  return buildPreview(ctx, draft, text, input.fileName)
}

export async function previewText(ctx: Ctx, input: { text: string }): Promise<ImportPreview> {
  requireRole(ctx.actor, ['admin', 'office'])
  return buildPreview(ctx, parsePlanText(input.text), input.text, null)
}

const countTasks = (draft: PlanDraft) => draft.lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)

/** Writes what the office confirmed, in one transaction: a new plan, or a revision of an existing one. */
export async function commitImport(ctx: Ctx, input: CommitInput, opts: { suggestLinks?: boolean } = {}): Promise<CommitResult> {
  requireRole(ctx.actor, ['admin', 'office'])
  const taskCount = countTasks(input.draft)
  if (taskCount === 0) throw new DubanError('empty_plan', '文件中没有识别到任何工作任务，未导入')
  await backupBeforeImport(ctx)
  if (input.replacePlanId !== null) {
    const exists = await ctx.db.selectFrom('plans').select('id').where('id', '=', input.replacePlanId).executeTakeFirst()
    if (!exists) throw notFound('要修订的文件')
    return revisePlan(ctx, input, input.replacePlanId)
  }
  return inTransaction(ctx, async (trx) => {
    const resolve = await unitResolver(trx, ctx, input.unitMapping)
    const now = ctx.clock.now().toISOString()
    const plan = await trx
      .insertInto('plans')
      .values({ ...planRow(input.draft, input.text, input.sourceName), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    const taskIds = new Map<string, number>()
    let sort = 0
    for (const [listIndex, list] of input.draft.lists.entries()) {
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
          const id = await insertTask(trx, ctx, { planId: plan.id, listId: l.id, sectionId: s.id, sort: sort++ }, task)
          taskIds.set(taskKey(list.name, task.number), id)
          await writeTaskUnits(trx, id, task, resolve)
          await writeTaskIndicators(trx, plan.id, id, task, input.draft.plan.year)
        }
      }
    }
    await writePlanIndicators(trx, plan.id, input.draft.indicators, input.draft.plan.year)
    await refreshTaskCodes(trx, plan.id)
    const links = await writeLinks(trx, input.links, taskIds, 'accepted')
    if (opts.suggestLinks) await writeLinks(trx, input.draft.links ?? [], taskIds, 'suggested')
    await writeAudit(trx, ctx, {
      action: 'plan.import',
      entity: 'plan',
      entityId: plan.id,
      after: { title: input.draft.plan.title, docNumber: input.draft.plan.docNumber, tasks: taskCount, links, source: input.sourceName },
    })
    return { planId: plan.id, taskCount, added: taskCount, removed: 0, changed: 0, unchanged: 0 }
  })
}

/**
 * An import nobody previewed (command line, demo database): known names and aliases resolve, unknown
 * names become units, and the parser's links are kept as suggestions for the office to review.
 */
export function importUnreviewed(ctx: Ctx, input: { draft: PlanDraft; text: string; sourceName: string | null }): Promise<CommitResult> {
  return commitImport(ctx, { ...input, unitMapping: {}, links: [], replacePlanId: null }, { suggestLinks: true })
}
