/** Key-value settings: one place reads and writes them, inside the caller's transaction when given one. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

type Reader = Kysely<Database> | Transaction<Database>

export async function readSettings(db: Reader, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute()
  return new Map(rows.map((r) => [r.key, r.value]))
}

export async function writeSetting(trx: Transaction<Database>, key: string, value: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
