import type BetterSqlite3 from 'better-sqlite3'
import * as m001 from './migrations/001_initial'
import * as m002 from './migrations/002_task_links'
import * as m003 from './migrations/003_supervision'
import * as m004 from './migrations/004_search'
import * as m005 from './migrations/005_plan_indexes'
import * as m006 from './migrations/006_people'
import * as m007 from './migrations/007_server_security'
import * as m008 from './migrations/008_versions_counters'
import * as m011 from './migrations/011_task_codes'

interface Migration {
  name: string
  sql: string
}

/** Append-only: the position in this list is the schema version. */
export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m011]

/** Brings the schema up to date; each step is one transaction, so a crash leaves the old version intact. */
export function migrate(raw: BetterSqlite3.Database): number {
  const current = raw.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`数据库版本（${current}）比本程序新，请升级督办台后再打开`)
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    const step = migrations[version - 1]
    raw.transaction(() => {
      raw.exec(step.sql)
      raw.pragma(`user_version = ${version}`)
    })()
  }
  return migrations.length
}
