import { PostgresAdapter, type Kysely } from 'kysely'

export type Engine = 'sqlite' | 'postgres'

/** Which engine a Kysely instance (or a transaction of it) talks to: for the one module per concern that needs its own SQL. */
export function engineOf(db: Pick<Kysely<never>, 'getExecutor'>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/** DUBAN_DATABASE_URL=postgres://… selects PostgreSQL; unset, the SQLite file in the data folder. */
export function postgresUrlFrom(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.DUBAN_DATABASE_URL?.trim()
  if (!url) return null
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error(`DUBAN_DATABASE_URL 应以 postgres:// 开头（例如 postgres://用户:密码@主机:5432/数据库），现为：${redactUrl(url)}`)
  }
  return url
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]+):[^@]*@/, '$1:***@')
}
