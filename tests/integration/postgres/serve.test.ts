import { afterAll, describe, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../../e2e/server'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'
import { httpsJson, startServe } from '../../support/serve-process'

// npm run serve on PostgreSQL: the real server entry (cli serve) with DUBAN_DATABASE_URL, over HTTPS, as
// tests/integration/serve.test.ts starts it on SQLite.

const children: ChildProcess[] = []
const dirs: string[] = []
const urls: string[] = []
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  for (const u of urls) await dropTestDatabase(u)
})

const api = (port: number, method: string, body: unknown, token?: string) => httpsJson(port, `/api/${method}`, body, token)

describe('npm run serve on PostgreSQL', () => {
  it('starts on an empty database, sets up the first administrator, reads and writes over HTTPS, and stops cleanly', async () => {
    const url = await createTestDatabase()
    urls.push(url)
    const dir = mkdtempSync(join(tmpdir(), 'duban-pg-serve-'))
    dirs.push(dir)
    const port = await freePort()
    const { child, output } = await startServe(
      {
        DUBAN_HOST: '127.0.0.1',
        DUBAN_PORT: String(port),
        DUBAN_DATA_DIR: dir,
        DUBAN_DATABASE_URL: url,
      },
      children,
    )
    expect(output).not.toContain('postgres://') // the URL (and any password in it) stays out of the log

    const setupCode = /一次性设置码：([A-Z2-9-]{14})/.exec(output)?.[1]
    const admin = { username: 'root', displayName: '管理员', password: 'a-long-secret', ...(setupCode ? { setupCode } : {}) }
    const made = await api(port, 'auth.setupAdmin', admin)
    expect(made.status).toBe(200)
    expect(made.body.data.role).toBe('admin')
    const login = await api(port, 'auth.login', { username: 'root', password: 'a-long-secret' })
    expect(login.status).toBe(200)
    const token = login.body.data.token as string

    const me = await api(port, 'auth.me', {}, token)
    expect(me.body.data.username).toBe('root')
    const created = await api(port, 'units.create', { name: '测试处室', kind: 'division' }, token)
    expect(created.status).toBe(200)
    const units = await api(port, 'units.list', {}, token)
    expect(units.body.data.map((u: { name: string }) => u.name)).toContain('测试处室')

    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)

    // written to the PostgreSQL database, not to a SQLite file in the data folder
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query(`SELECT name FROM units WHERE name = '测试处室'`)
      expect(rows).toHaveLength(1)
      // The pool was closed on the way out, and no pg_dump (the daily backup at start) outlived the server.
      // A backend notices its closed socket a moment later, so this waits for the count to reach 0.
      const others = async () =>
        (
          await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND backend_type = 'client backend'`,
          )
        ).rows[0].n
      await expect.poll(others, { timeout: 10_000, interval: 100 }).toBe(0)
    } finally {
      await client.end()
    }
  }, 180_000)
})
