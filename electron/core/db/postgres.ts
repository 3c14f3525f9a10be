import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'
import type { PostgresDatabase } from './connection'
import { migratePostgres } from './migrate'
import { redactUrl } from './engine'

let parsersSet = false

/** The URL each open PostgreSQL Kysely was opened with: the backups hand it to pg_dump (never shown: it may hold a password). */
const urls = new WeakMap<object, string>()
export const postgresUrlOf = (db: object): string | null => urls.get(db) ?? null

/**
 * node-postgres hands int8 (count(), sum() of integers, BIGINT ids) and NUMERIC over as strings so no
 * precision is lost; every such value here is a count, an id or an indicator figure well within a double.
 * Set once per process, before the first query.
 */
export function setTypeParsers(): void {
  if (parsersSet) return
  parsersSet = true
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
}

/** Connects a pool to the server, migrates the schema, and checks the server is one this program speaks to. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<PostgresDatabase> {
  setTypeParsers()
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 })
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', (err) => console.error(`[duban] PostgreSQL 连接中断：${err.message}`))
  const where = redactUrl(url)
  try {
    await migratePostgres(pool)
  } catch (err) {
    await pool.end()
    const e = err as Error & { code?: string }
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === '3D000' || e.code === '28P01')
      throw new Error(`无法连接 PostgreSQL 数据库（${where}）：${e.message}。本机可用 npm run pg:start 启动一个临时数据库`, { cause: err })
    throw err
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  urls.set(db, url)
  return { db, pool, where, engine: 'postgres', close: () => db.destroy() }
}
