import { sql, type Transaction } from 'kysely'
import type { Database } from './schema'
import { engineOf } from './engine'

/**
 * Rows copied in with their ids kept (an archive, a move between engines): what each engine needs around them.
 * SQLite checks foreign keys at commit, so the rows may arrive in any order. PostgreSQL's are checked per row
 * (they are not DEFERRABLE), so callers insert parents first.
 */
export async function deferForeignKeys(trx: Transaction<Database>): Promise<void> {
  if (engineOf(trx) === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx)
}

/** PostgreSQL's identity sequences do not see ids written explicitly: move each past the largest id, so new rows do not collide. */
export async function resetIdentities(trx: Transaction<Database>, tables: readonly string[]): Promise<void> {
  if (engineOf(trx) !== 'postgres') return // SQLite's next id is always max(id) + 1
  for (const table of tables) {
    const { rows } = await sql<{ seq: string | null }>`
      SELECT pg_get_serial_sequence(${table}, 'id') AS seq
      WHERE EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = 'id')`.execute(
      trx,
    )
    const seq = rows[0]?.seq
    if (!seq) continue // no id column, or not an identity
    await sql`SELECT setval(${seq}, COALESCE((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx)
  }
}
