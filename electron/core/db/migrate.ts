import type BetterSqlite3 from 'better-sqlite3'
import type pg from 'pg'
import * as m001 from './migrations/001_initial'
import * as m002 from './migrations/002_task_links'
import * as m003 from './migrations/003_supervision'
import * as m004 from './migrations/004_search'
import * as m005 from './migrations/005_plan_indexes'
import * as m006 from './migrations/006_people'
import * as m007 from './migrations/007_server_security'
import * as m008 from './migrations/008_versions_counters'
import * as m010 from './migrations/010_notice_lifecycle'
import * as m012 from './migrations/012_review_opinion'
import * as m009 from './migrations/009_caseload'
import * as m013 from './migrations/013_assessment'
import * as m011 from './migrations/011_task_codes'
import * as m014 from './migrations/014_caseload_evidence_interviews'

/** One numbered step: the same schema change for each engine. */
export interface Migration {
  name: string
  /** SQLite */
  sql: string
  /** PostgreSQL 15 */
  postgres: string
}

/** Append-only, in order: the position in this list is the schema version. */
export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014]

/** Which steps a database has had, by name (the position-based `user_version` is kept in step on SQLite for backups). */
export const MIGRATIONS_TABLE = 'schema_migrations'

/** "001_initial": the number makes two helpers' same-named steps distinct and the table readable. */
export const migrationId = (index: number) => `${String(index + 1).padStart(3, '0')}_${migrations[index].name}`

function tooNew(applied: string[]): Error | null {
  const known = new Set(migrations.map((_, i) => migrationId(i)))
  const unknown = applied.filter((a) => !known.has(a))
  if (unknown.length === 0) return null
  return new Error(`数据库版本（${unknown.join('、')}）比本程序新，请升级督办台后再打开`)
}

/**
 * SQLite: brings the schema up to date; each step is one transaction, so a crash leaves the old version intact.
 * A database from before the migrations table (versioned by `user_version` alone) has its first
 * `user_version` steps recorded as applied, without running them again.
 */
export function migrate(raw: BetterSqlite3.Database): number {
  const current = raw.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`数据库版本（${current}）比本程序新，请升级督办台后再打开`)
  }
  raw.transaction(() => {
    raw.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
    const recorded = raw.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }
    if (recorded.n === 0 && current > 0) {
      const record = raw.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)`)
      for (let i = 0; i < current; i++) record.run(migrationId(i), 'user_version')
    }
  })()
  const applied = new Set((raw.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all() as { name: string }[]).map((r) => r.name))
  const refusal = tooNew([...applied])
  if (refusal) throw refusal
  migrations.forEach((step, i) => {
    if (applied.has(migrationId(i))) return
    raw.transaction(() => {
      raw.exec(step.sql)
      raw.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)`).run(migrationId(i), new Date().toISOString())
      raw.pragma(`user_version = ${i + 1}`)
    })()
  })
  return migrations.length
}

/** Any number, as long as every server of this program uses the same one: two servers starting at once migrate one after the other. */
const MIGRATION_LOCK = 20_210_720

/** PostgreSQL: the same steps, each in one transaction under an advisory lock. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`).catch(() => {
      // another server created it at the same moment: the lock below orders the rest
    })
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)
      const applied = new Set(rows.map((r) => r.name))
      const refusal = tooNew([...applied])
      if (refusal) throw refusal
      for (const [i, step] of migrations.entries()) {
        if (applied.has(migrationId(i))) continue
        await client.query('BEGIN')
        try {
          await client.query(step.postgres)
          await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ($1, $2)`, [
            migrationId(i),
            new Date().toISOString(),
          ])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK')
          throw err
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
  return migrations.length
}
