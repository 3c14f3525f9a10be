/** Writes the codes plans/codes.ts derives into tasks.code, so every view, export and search reads one text. */
import type { Db } from '../db/connection'
import { taskCodes, type TaskCode } from './codes'

/** Every task's code and its plan order (list, item, sub-item), derived from the plan's lists and sections. */
export async function planCodes(db: Db, planId: number): Promise<Map<number, TaskCode>> {
  const [lists, sections, tasks] = await Promise.all([
    db.selectFrom('lists').select(['id', 'name', 'kind', 'sort', 'abbr']).where('plan_id', '=', planId).execute(),
    db
      .selectFrom('sections')
      .innerJoin('lists', 'lists.id', 'sections.list_id')
      .select(['sections.id', 'sections.list_id', 'sections.number', 'sections.title', 'sections.sort'])
      .where('lists.plan_id', '=', planId)
      .execute(),
    db.selectFrom('tasks').select(['id', 'list_id', 'section_id', 'number', 'sort']).where('plan_id', '=', planId).execute(),
  ])
  return taskCodes(
    lists,
    sections.map((s) => ({ id: s.id, listId: s.list_id, number: s.number, title: s.title, sort: s.sort })),
    tasks.map((t) => ({ id: t.id, listId: t.list_id, sectionId: t.section_id, number: t.number, sort: t.sort })),
  )
}

/** Recomputes a plan's task codes (after an import, a revision, or a new list abbreviation). `db` may be a transaction. */
export async function refreshTaskCodes(db: Db, planId: number): Promise<void> {
  const codes = await planCodes(db, planId)
  const stored = await db.selectFrom('tasks').select(['id', 'code']).where('plan_id', '=', planId).execute()
  for (const t of stored) {
    const code = codes.get(t.id)?.code ?? null
    if (code !== t.code) await db.updateTable('tasks').set({ code }).where('id', '=', t.id).execute()
  }
}

/** Databases written before codes existed (or by the bulk generator) get theirs when opened. */
export async function fillMissingCodes(db: Db): Promise<void> {
  const plans = await db.selectFrom('tasks').select('plan_id').distinct().where('code', 'is', null).execute()
  for (const p of plans) await db.transaction().execute((trx) => refreshTaskCodes(trx, p.plan_id))
}
