import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../../electron/core/db/connection'
import { openPostgres } from '../../../electron/core/db/postgres'
import { migrationId, migrations } from '../../../electron/core/db/migrate'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-pg-schema-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const names = migrations.map((_, i) => migrationId(i))

describe('the same migrations on PostgreSQL', () => {
  it('produce the same tables and columns as on SQLite, and run once', async () => {
    const sqliteFile = join(dir, 'compare.db')
    const lite = openDatabase(sqliteFile)
    const url = await createTestDatabase()
    try {
      const pg = await openPostgres(url)
      try {
        const liteTables = lite.raw
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'`)
          .all() as { name: string }[]
        const liteColumns = liteTables
          .flatMap((t) => (lite.raw.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => `${t.name}.${c.name}`))
          .sort()
        const pgColumns = await sql<{ c: string }>`
          SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()`.execute(pg.db)
        expect(pgColumns.rows.map((r) => r.c).sort()).toEqual(liteColumns)
        const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(pg.db)
        expect(applied.rows.map((r) => r.name)).toEqual(names)
      } finally {
        await pg.close()
      }
      const again = await openPostgres(url)
      await again.close()
    } finally {
      await lite.close()
      await dropTestDatabase(url)
    }
  })
})
