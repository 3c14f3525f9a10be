/**
 * PostgreSQL for the test suites: one server (npm run pg:start, or CI's), a fresh database per core,
 * dropped afterwards. Never skipped: without a server the suite fails and says how to start one.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:55432/postgres'

/** The server to create test databases on: DUBAN_TEST_PG_URL, else DUBAN_DATABASE_URL, else pg:start's port. */
export function adminUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUBAN_TEST_PG_URL || env.DUBAN_DATABASE_URL || DEFAULT_TEST_URL
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
  } catch (err) {
    throw new Error(
      `PostgreSQL 测试需要一个可连接的 PostgreSQL（${adminUrl().replace(/:[^:@/]*@/, ':***@')}）：${(err as Error).message}。\n` +
        `请先运行 npm run pg:start（在 127.0.0.1:55432 启动临时数据库），或用 DUBAN_TEST_PG_URL 指定服务器。`,
      { cause: err },
    )
  }
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Fails with instructions when no server answers. */
export const assertPostgresReachable = () => onServer(async (c) => void (await c.query('SELECT 1')))

/** A new empty database `duban_test_<random>`; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `duban_test_${randomBytes(6).toString('hex')}`
  await onServer((c) => c.query(`CREATE DATABASE ${name}`))
  return withDatabase(adminUrl(), name)
}

/** Drops a database made by createTestDatabase, ending any connection a failed test left open. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  if (!/^duban_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`)
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}
