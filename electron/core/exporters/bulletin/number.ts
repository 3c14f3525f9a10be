/** 督查通报 numbers: 苏州邮管督〔2021〕7号, one sequence per year, kept in settings so a period keeps its number. */
import type { Ctx } from '../../context'
import { inTransaction, writeAudit } from '../../audit/service'

const seqKey = (year: string) => `bulletin.seq.${year}`
const periodKey = (period: string) => `bulletin.number.${period}`

export const formatDocNumber = (prefix: string, year: string, seq: number) => `${prefix}〔${year}〕${seq}号`

/** The same period always gets the same number; a new period takes the next one of its year. */
export async function bulletinSeq(ctx: Ctx, period: string): Promise<number> {
  const year = period.slice(0, 4)
  return inTransaction(ctx, async (trx) => {
    const known = await trx.selectFrom('settings').select('value').where('key', '=', periodKey(period)).executeTakeFirst()
    if (known) return Number(known.value)
    const last = await trx.selectFrom('settings').select('value').where('key', '=', seqKey(year)).executeTakeFirst()
    const seq = (Number(last?.value) || 0) + 1
    for (const [key, value] of [
      [seqKey(year), String(seq)],
      [periodKey(period), String(seq)],
    ])
      await trx
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    await writeAudit(trx, ctx, { action: 'bulletin.number', entity: 'settings', entityId: null, after: { period, seq } })
    return seq
  })
}
