/** The office sets a list's abbreviation (the 要点 of 要点15); every task code of the plan follows at once. */
import type { Ctx } from '../context'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { abbrProblem, listAbbrs } from './codes'
import { refreshTaskCodes } from './codeStore'

/** `abbr` null or empty goes back to the default from the list's kind or name. */
export async function setListAbbr(ctx: Ctx, input: { listId: number; abbr: string | null }): Promise<{ listId: number; abbr: string }> {
  requireRole(ctx.actor, ['admin', 'office'])
  const list = await ctx.db.selectFrom('lists').selectAll().where('id', '=', input.listId).executeTakeFirst()
  if (!list) throw notFound('该清单')
  const abbr = input.abbr?.trim() || null
  if (abbr !== null) {
    const problem = abbrProblem(abbr)
    if (problem) throw new DubanError('invalid_input', problem)
    const siblings = await ctx.db
      .selectFrom('lists')
      .select(['id', 'name', 'kind', 'sort', 'abbr'])
      .where('plan_id', '=', list.plan_id)
      .execute()
    const taken = listAbbrs(siblings.filter((l) => l.id !== list.id))
    const clash = siblings.find((l) => l.id !== list.id && taken.get(l.id) === abbr)
    if (clash) throw new DubanError('conflict', `简称“${abbr}”已被清单“${clash.name}”使用，同一文件中各清单的简称不能相同`)
  }
  return inTransaction(ctx, async (trx) => {
    await trx.updateTable('lists').set({ abbr }).where('id', '=', list.id).execute()
    await refreshTaskCodes(trx, list.plan_id)
    await writeAudit(trx, ctx, { action: 'list.abbr', entity: 'list', entityId: list.id, before: { abbr: list.abbr }, after: { abbr } })
    const lists = await trx.selectFrom('lists').select(['id', 'name', 'kind', 'sort', 'abbr']).where('plan_id', '=', list.plan_id).execute()
    return { listId: list.id, abbr: listAbbrs(lists).get(list.id)! }
  })
}
