import { sql } from 'kysely'
import { refreshTaskCodes } from '../plans/codeStore'
import type { Ctx } from '../context'
import { inTransaction, writeAudit } from '../audit/service'
import { diffPlan } from './diff'
import { taskChanged } from '../events/changes'
import { existingTasks } from './service'
import { knownUnits, unitResolver } from './units'
import { insertTask, planRow, taskKey, writeLinks, writePlanIndicators, writeTaskIndicators, writeTaskUnits } from './write'
import type { CommitInput, CommitResult } from './types'

/**
 * A revised version of a plan already in use: tasks matched by list and number keep their id, so their
 * reports, milestones, instructions and history stay; changed ones are updated and audited; new ones are
 * added; those no longer in the document are removed, with their content kept in the audit log.
 */
export async function revisePlan(ctx: Ctx, input: CommitInput, planId: number): Promise<CommitResult> {
  // Read before the transaction: inside it only the transaction's own handle may be used.
  const before = await existingTasks(ctx, planId)
  const known = await knownUnits(ctx.db)
  const diff = diffPlan(before, input.draft, (n) => known.byName.get(n)?.name ?? n)
  const byKey = new Map(before.map((t) => [taskKey(t.list, t.number), t]))
  const changed = new Set(diff.items.filter((i) => i.kind === 'changed').map((i) => taskKey(i.list, i.number)))

  return inTransaction(ctx, async (trx) => {
    const resolve = await unitResolver(trx, ctx, input.unitMapping)
    const now = ctx.clock.now().toISOString()
    await trx
      .updateTable('plans')
      .set(planRow(input.draft, input.text, input.sourceName))
      .where('id', '=', planId)
      .execute()

    const lists = await trx.selectFrom('lists').select(['id', 'name']).where('plan_id', '=', planId).execute()
    const keptLists = new Set<number>()
    const keptSections = new Set<number>()
    const taskIds = new Map<string, number>()
    let sort = 0
    for (const [listIndex, list] of input.draft.lists.entries()) {
      let listId = lists.find((l) => l.name === list.name)?.id
      if (listId === undefined) {
        listId = (
          await trx
            .insertInto('lists')
            .values({ plan_id: planId, name: list.name, kind: list.kind, sort: listIndex })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      } else {
        await trx.updateTable('lists').set({ sort: listIndex, kind: list.kind }).where('id', '=', listId).execute()
      }
      keptLists.add(listId)
      const sections = await trx.selectFrom('sections').select(['id', 'number', 'title']).where('list_id', '=', listId).execute()
      for (const [sectionIndex, section] of list.sections.entries()) {
        let sectionId = sections.find((s) => s.number === section.number && s.title === section.title && !keptSections.has(s.id))?.id
        if (sectionId === undefined) {
          sectionId = (
            await trx
              .insertInto('sections')
              .values({ list_id: listId, number: section.number, title: section.title, sort: sectionIndex })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        } else {
          await trx.updateTable('sections').set({ sort: sectionIndex }).where('id', '=', sectionId).execute()
        }
        keptSections.add(sectionId)
        for (const task of section.tasks) {
          const key = taskKey(list.name, task.number)
          const old = byKey.get(key)
          if (!old) {
            const id = await insertTask(trx, ctx, { planId, listId, sectionId, sort: sort++ }, task)
            await writeTaskUnits(trx, id, task, resolve)
            await writeTaskIndicators(trx, planId, id, task, input.draft.plan.year)
            taskIds.set(key, id)
            continue
          }
          taskIds.set(key, old.id)
          await trx
            .updateTable('tasks')
            .set({
              list_id: listId,
              section_id: sectionId,
              sort: sort++,
              source_line: task.line,
              ...(changed.has(key)
                ? {
                    text: task.text,
                    updated_at: now,
                    version: sql<number>`version + 1`, // an edit opened before the revision is now stale
                    ...(task.deadline ? { deadline: task.deadline, deadline_text: task.deadlineText, deadline_by_office: 0 } : {}),
                  }
                : {}),
            })
            .where('id', '=', old.id)
            .execute()
          if (!changed.has(key)) continue
          await taskChanged(trx, old.id)
          await writeTaskUnits(trx, old.id, task, resolve)
          await writeTaskIndicators(trx, planId, old.id, task, input.draft.plan.year)
          await writeAudit(trx, ctx, {
            action: 'task.revise',
            entity: 'task',
            entityId: old.id,
            before: { text: old.text, leads: old.leads, coops: old.coops, deadline: old.deadline },
            after: { text: task.text, leads: task.leads, coops: task.coops, deadline: task.deadline },
          })
        }
      }
    }
    for (const item of diff.items.filter((i) => i.kind === 'removed')) {
      const old = byKey.get(taskKey(item.list, item.number))!
      await trx.deleteFrom('tasks').where('id', '=', old.id).execute()
      await writeAudit(trx, ctx, { action: 'task.remove', entity: 'task', entityId: old.id, before: old })
    }
    const staleLists = lists.filter((l) => !keptLists.has(l.id)).map((l) => l.id)
    if (staleLists.length) await trx.deleteFrom('lists').where('id', 'in', staleLists).execute()
    const allSections = await trx
      .selectFrom('sections')
      .innerJoin('lists', 'lists.id', 'sections.list_id')
      .select('sections.id')
      .where('lists.plan_id', '=', planId)
      .execute()
    const staleSections = allSections.map((s) => s.id).filter((id) => !keptSections.has(id))
    if (staleSections.length) await trx.deleteFrom('sections').where('id', 'in', staleSections).execute()

    await writePlanIndicators(trx, planId, input.draft.indicators, input.draft.plan.year)
    await refreshTaskCodes(trx, planId)
    await writeLinks(trx, input.links, taskIds, 'accepted')
    const result = {
      planId,
      taskCount: taskIds.size,
      added: diff.added,
      removed: diff.removed,
      changed: diff.changed,
      unchanged: diff.unchanged,
    }
    await writeAudit(trx, ctx, { action: 'plan.revise', entity: 'plan', entityId: planId, after: { ...result, source: input.sourceName } })
    return result
  })
}
