import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * The next number of a sequence (督办单, 通报), taken inside the caller's transaction by one atomic
 * statement: the first number of a year creates the row, every later one increments it. The row lock it
 * takes (the write lock on SQLite) makes two people issuing at once wait for each other, so each gets its
 * own consecutive number on either engine, and a rolled-back issue gives its number back.
 */
export async function nextNumber(trx: Transaction<Database>, kind: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ kind, year, n: 1 })
    .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ n: eb('counters.n', '+', 1) })))
    .returning('n')
    .executeTakeFirstOrThrow()
  return row.n
}
