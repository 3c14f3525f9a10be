import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely'
import { withStatementCache } from '../../electron/core/db/connection'

// Kysely prepares a statement per query; reusing them by their SQL keeps native memory bounded on large writes.
describe('the SQLite statement cache', () => {
  it('reuses a statement for the same SQL and keeps only the most recent ones', () => {
    const raw = new BetterSqlite3(':memory:')
    try {
      const cached = withStatementCache(raw, 2)
      const a = cached.prepare('SELECT 1')
      expect(cached.prepare('SELECT 1')).toBe(a)
      cached.prepare('SELECT 2')
      cached.prepare('SELECT 1') // most recent again
      cached.prepare('SELECT 3') // evicts SELECT 2, the least recent
      expect(cached.prepare('SELECT 1')).toBe(a)
      const b = cached.prepare('SELECT 2')
      expect(cached.prepare('SELECT 2')).toBe(b)
    } finally {
      raw.close()
    }
  })

  it('gives the same answers through Kysely, reads and writes alike', async () => {
    const raw = new BetterSqlite3(':memory:')
    const db = new Kysely<{ t: { id: Generated<number>; v: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(raw, 4) }),
    })
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`.execute(db)
      for (let i = 0; i < 20; i++)
        await db
          .insertInto('t')
          .values({ v: `v${i}` })
          .execute()
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('t').set({ v: 'x' }).where('id', '<=', 5).execute()
      })
      const rows = await db.selectFrom('t').select(['id', 'v']).where('v', '=', 'x').execute()
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5])
      expect(
        (
          await db
            .selectFrom('t')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ).toBe(20)
    } finally {
      await db.destroy()
    }
  })
})
