import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely'
import type pg from 'pg'
import type { Database } from './schema'
import { migrate } from './migrate'
import type { Engine } from './engine'

export type Db = Kysely<Database>

interface Opened {
  db: Db
  engine: Engine
  close: () => Promise<void>
}

/** The embedded default: one file, with the better-sqlite3 handle for what only SQLite has (backups, pragmas). */
export interface SqliteDatabase extends Opened {
  engine: 'sqlite'
  raw: BetterSqlite3.Database
}

/** A PostgreSQL server, through a connection pool. */
export interface PostgresDatabase extends Opened {
  engine: 'postgres'
  pool: pg.Pool
  /** the connection URL without its password, for messages */
  where: string
}

export type OpenedDatabase = SqliteDatabase | PostgresDatabase

/**
 * Kysely prepares a statement for every query. better-sqlite3 frees a statement's native memory only when the
 * JavaScript object is collected, which a small JavaScript heap rarely triggers: writing a province (a million
 * reports) grew the process past 2 GB. The most recent statements are kept and reused by their SQL (also
 * saving SQLite the parse), so memory stays bounded. Kysely runs one query at a time on the connection.
 */
export function withStatementCache(raw: BetterSqlite3.Database, max = 200): SqliteDialectDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText)
      if (stmt) cache.delete(sqlText)
      else stmt = raw.prepare(sqlText)
      cache.set(sqlText, stmt)
      if (cache.size > max) cache.delete(cache.keys().next().value!)
      return stmt
    },
  }
}

/** Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout, then migrates it. */
export function openDatabase(file: string): SqliteDatabase {
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000')
  raw.pragma('synchronous = NORMAL')
  migrate(raw)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) })
  return { db, raw, engine: 'sqlite', close: () => db.destroy() }
}

/** The better-sqlite3 handle, for the few paths that exist only on SQLite (file backups, pragmas, the large generator). */
export function sqliteOnly(opened: OpenedDatabase, what: string): BetterSqlite3.Database {
  if (opened.engine !== 'sqlite') throw new Error(`${what}只适用于 SQLite 数据库（当前为 PostgreSQL：${opened.where}）`)
  return opened.raw
}
