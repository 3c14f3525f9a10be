import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema'
import { migrate } from './migrate'

export type Db = Kysely<Database>

export interface OpenedDatabase {
  db: Db
  raw: BetterSqlite3.Database
  close: () => Promise<void>
}

/** Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout, then migrates it. */
export function openDatabase(file: string): OpenedDatabase {
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  raw.pragma('synchronous = NORMAL')
  migrate(raw)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  return { db, raw, close: () => db.destroy() }
}
