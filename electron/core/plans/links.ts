import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { TaskLinkDraft } from '../importers/types'

export const taskKey = (list: string, number: number) => `${list}\u0000${number}`

/** Saves the parser's suggested links between the tasks just written; the office accepts or rejects them later. */
export async function insertSuggestedLinks(
  trx: Transaction<Database>,
  links: TaskLinkDraft[] | undefined,
  taskIds: Map<string, number>,
): Promise<number> {
  let written = 0
  for (const link of links ?? []) {
    const a = taskIds.get(taskKey(link.a.list, link.a.number))
    const b = taskIds.get(taskKey(link.b.list, link.b.number))
    if (a === undefined || b === undefined || a === b) continue
    await trx
      .insertInto('task_links')
      .values({ task_a_id: a, task_b_id: b, similarity: link.similarity, status: 'suggested' })
      .onConflict((oc) => oc.doNothing())
      .execute()
    written++
  }
  return written
}
