import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * The next number of a sequence (督办单, 通报), taken inside the caller's transaction. The counter row is
 * written before anything is read, so the write lock (SQLite) or row lock (PostgreSQL) serialises two
 * people issuing at once: each gets its own consecutive number, and a rolled-back issue gives its back.
 */
export async function nextNumber(trx: Transaction<Database>, kind: string, year: number): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ kind, year, n: 0 })
    .onConflict((oc) => oc.columns(['kind', 'year']).doNothing())
    .execute()
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ n: eb('n', '+', 1) }))
    .where('kind', '=', kind)
    .where('year', '=', year)
    .returning('n')
    .executeTakeFirstOrThrow()
  return row.n
}
