/**
 * Moving a bureau from its SQLite file to a PostgreSQL server: every table copied with its ids, in one
 * transaction on the target, identity sequences moved past the copied ids, then each table's row count
 * and checksum compared between the two databases.
 */
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { PostgresDatabase, SqliteDatabase } from './connection'
import type { Database } from './schema'
import { MIGRATIONS_TABLE } from './migrate'
import { resetIdentities } from './bulk-load'

export interface TableCopy {
  table: string
  rows: number
  checksum: string
}

type Row = Record<string, unknown>
const BATCH = 1000
const PROGRESS_EVERY = 50_000

/** The app's tables, parents before children (SQLite's search copies and the migrations record stay behind). */
export function tablesInCopyOrder(source: SqliteDatabase): string[] {
  const names = (
    source.raw
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .all(MIGRATIONS_TABLE) as { name: string }[]
  )
    .map((t) => t.name)
    .filter((n) => !/_search(_\w+)?$/.test(n))
  const parents = new Map(
    names.map((n) => [n, new Set((source.raw.prepare(`PRAGMA foreign_key_list(${n})`).all() as { table: string }[]).map((f) => f.table))]),
  )
  const ordered: string[] = []
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return
    path.add(n)
    for (const p of parents.get(n) ?? []) if (p !== n && names.includes(p)) visit(p, path)
    ordered.push(n)
  }
  for (const n of names) visit(n, new Set())
  return ordered
}

/** Order-independent: the sum of each row's hash (its columns in name order, numbers as numbers), so each engine's own sort order does not matter. */
class Checksum {
  private sum = 0n
  rows = 0
  add(row: Row): void {
    const canonical = JSON.stringify(
      Object.keys(row)
        .sort()
        .map((k) => [k, typeof row[k] === 'bigint' ? Number(row[k]) : row[k]]),
    )
    this.sum = (this.sum + createHash('sha256').update(canonical).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn
    this.rows++
  }
  get checksum(): string {
    return this.sum.toString(16).padStart(16, '0')
  }
}

const orderKey = (source: SqliteDatabase, table: string) =>
  (source.raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === 'id') ? 'id' : 'rowid'

function* sqliteRows(source: SqliteDatabase, table: string): Generator<Row> {
  yield* source.raw.prepare(`SELECT * FROM "${table}" ORDER BY ${orderKey(source, table)}`).iterate() as Generator<Row>
}

/** Read through a cursor, a page at a time, so a million reports never sit in memory at once. */
async function postgresChecksum(target: PostgresDatabase, table: string): Promise<Checksum> {
  return target.db.transaction().execute(async (trx) => {
    const sum = new Checksum()
    await sql`DECLARE rows_to_check NO SCROLL CURSOR FOR SELECT * FROM ${sql.table(table)}`.execute(trx)
    for (;;) {
      const page = await sql<Row>`FETCH 10000 FROM rows_to_check`.execute(trx)
      for (const row of page.rows) sum.add(row)
      if (page.rows.length < 10_000) return sum
    }
  })
}

export async function copyToPostgres(
  source: SqliteDatabase,
  target: PostgresDatabase,
  progress: (message: string) => void = () => {},
): Promise<TableCopy[]> {
  const tables = tablesInCopyOrder(source)
  for (const table of tables) {
    const found = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(table)} LIMIT 1`.execute(target.db)
    if (found.rows.length) throw new Error(`目标数据库的 ${table} 表已有数据：只能迁移到空的 PostgreSQL 数据库`)
  }
  await target.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const total = (source.raw.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
      progress(`${table}：${total} 行`)
      let batch: Row[] = []
      let done = 0
      const flush = async () => {
        if (batch.length)
          await trx
            .insertInto(table as keyof Database)
            .values(batch as never)
            .execute()
        done += batch.length
        if (total >= PROGRESS_EVERY && Math.floor(done / PROGRESS_EVERY) > Math.floor((done - batch.length) / PROGRESS_EVERY))
          progress(`  ${table}：${done} / ${total}`)
        batch = []
      }
      for (const row of sqliteRows(source, table)) {
        batch.push(row)
        if (batch.length >= BATCH) await flush()
      }
      await flush()
    }
    await resetIdentities(trx, tables)
  })
  const copies: TableCopy[] = []
  for (const table of tables) {
    const want = new Checksum()
    for (const row of sqliteRows(source, table)) want.add(row)
    const got = await postgresChecksum(target, table)
    if (want.rows !== got.rows) throw new Error(`${table} 表行数不一致：SQLite ${want.rows}，PostgreSQL ${got.rows}`)
    if (want.checksum !== got.checksum) throw new Error(`${table} 表内容校验不一致（${want.checksum} ≠ ${got.checksum}）`)
    copies.push({ table, rows: want.rows, checksum: want.checksum })
  }
  return copies
}
