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
  const keys = new Map(
    names.map((n) => [
      n,
      (source.raw.prepare(`PRAGMA foreign_key_list("${n}")`).all() as { table: string; from: string }[]).filter(
        (f) => f.table !== n && names.includes(f.table),
      ),
    ]),
  )
  const required = new Map(
    names.map((n) => {
      const notNull = new Set(
        (source.raw.prepare(`PRAGMA table_info("${n}")`).all() as { name: string; notnull: number }[])
          .filter((c) => c.notnull)
          .map((c) => c.name),
      )
      return [
        n,
        new Set(
          keys
            .get(n)!
            .filter((f) => notNull.has(f.from))
            .map((f) => f.table),
        ),
      ]
    }),
  )
  const all = new Map(names.map((n) => [n, new Set(keys.get(n)!.map((f) => f.table))]))
  const sort = (parents: Map<string, Set<string>>) => {
    const ordered: string[] = []
    const visit = (n: string, path: Set<string>) => {
      if (ordered.includes(n) || path.has(n)) return
      path.add(n)
      for (const p of parents.get(n) ?? []) visit(p, path)
      ordered.push(n)
    }
    for (const n of names) visit(n, new Set())
    return ordered
  }
  // Every parent first where the references allow it; where they form a cycle, the order must still put each
  // NOT NULL reference's table first (nullable ones are filled in after, see lateColumns).
  const preferred = sort(all)
  const at = new Map(preferred.map((t, i) => [t, i]))
  const valid = names.every((n) => [...required.get(n)!].every((p) => at.get(p)! < at.get(n)!))
  return valid ? preferred : sort(required)
}

/**
 * Foreign keys that point at a table copied at the same time or later (a cycle such as a task that follows up
 * a 批示 on another task, or a row's own parent): those columns go in as null and are set once every row is in.
 */
function lateColumns(source: SqliteDatabase, tables: string[]): Map<string, { columns: string[]; keys: string[] }> {
  const position = new Map(tables.map((t, i) => [t, i]))
  const out = new Map<string, { columns: string[]; keys: string[] }>()
  for (const t of tables) {
    const fks = source.raw.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string; from: string }[]
    const columns = [...new Set(fks.filter((f) => (position.get(f.table) ?? -1) >= position.get(t)!).map((f) => f.from))]
    if (!columns.length) continue
    const info = source.raw.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; pk: number }[]
    const keys = info.filter((c) => c.pk > 0).map((c) => c.name)
    if (!keys.length) throw new Error(`${t} 表没有主键，无法迁移其循环引用的列 ${columns.join('、')}`)
    out.set(t, { columns, keys })
  }
  return out
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
  const late = lateColumns(source, tables)
  const pending: { table: string; keys: Row; values: Row }[] = []
  await target.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const deferred = late.get(table)
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
        if (deferred) {
          const values = Object.fromEntries(deferred.columns.filter((c) => row[c] !== null).map((c) => [c, row[c]]))
          if (Object.keys(values).length) {
            pending.push({ table, keys: Object.fromEntries(deferred.keys.map((k) => [k, row[k]])), values })
            for (const c of Object.keys(values)) row[c] = null
          }
        }
        batch.push(row)
        if (batch.length >= BATCH) await flush()
      }
      await flush()
    }
    for (const p of pending) {
      let update = trx.updateTable(p.table as keyof Database).set(p.values as never)
      for (const [k, v] of Object.entries(p.keys)) update = update.where(k as never, '=', v as never)
      await update.execute()
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
