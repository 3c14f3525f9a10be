/** 督查通报 numbers: 苏州邮管督〔2021〕7号, one sequence per year (counters), kept per period in settings so a period keeps its number. */
import type { Ctx } from '../../context'
import { inTransaction, writeAudit } from '../../audit/service'
import { nextNumber } from '../../numbering/counters'

const periodKey = (period: string) => `bulletin.number.${period}`

export const formatDocNumber = (prefix: string, year: string, seq: number) => `${prefix}〔${year}〕${seq}号`

/**
 * The same period always gets the same number; a new period takes the next one of its year. The period's
 * key is claimed first (insert or nothing), so two people generating the same month's bulletin at once
 * share one number, and the year's counter row hands out numbers one at a time.
 */
export async function bulletinSeq(ctx: Ctx, period: string): Promise<number> {
  const year = period.slice(0, 4)
  return inTransaction(ctx, async (trx) => {
    const claimed = await trx
      .insertInto('settings')
      .values({ key: periodKey(period), value: '' })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!claimed) {
      const known = await trx.selectFrom('settings').select('value').where('key', '=', periodKey(period)).executeTakeFirstOrThrow()
      return Number(known.value)
    }
    const seq = await nextNumber(trx, 'bulletin', Number(year))
    await trx
      .updateTable('settings')
      .set({ value: String(seq) })
      .where('key', '=', periodKey(period))
      .execute()
    await writeAudit(trx, ctx, { action: 'bulletin.number', entity: 'settings', entityId: null, after: { period, seq } })
    return seq
  })
}
