import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { openPostgres } from '../../../electron/core/db/postgres'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

// The command line on PostgreSQL: DUBAN_DATABASE_URL selects it, the data folder keeps only the files.
const root = resolve(__dirname, '../../..')
const seed = resolve(root, 'tests/fixtures/seeds/suzhou-2021-work-points.txt')
let dataDir: string
const urls: string[] = []

function cli(args: string[], url: string) {
  return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DATA_DIR: dataDir, DUBAN_DATABASE_URL: url },
  })
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-pg-cli-'))
})
afterAll(async () => {
  for (const url of urls) await dropTestDatabase(url)
  rmSync(dataDir, { recursive: true, force: true })
})

async function freshUrl() {
  const url = await createTestDatabase()
  urls.push(url)
  return url
}

describe('npm run cli on PostgreSQL', () => {
  it('imports a plan, checks it clean, then finds a task without a lead', async () => {
    const url = await freshUrl()
    const imported = cli(['import', seed], url)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('已导入')
    const check = cli(['check'], url)
    expect(check.stdout).toContain('检查通过')
    expect(check.status).toBe(0)

    const opened = await openPostgres(url)
    try {
      await sql`DELETE FROM task_units WHERE task_id = (SELECT MIN(id) FROM tasks)`.execute(opened.db)
    } finally {
      await opened.close()
    }
    const bad = cli(['check'], url)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('没有牵头单位')
  })

  it('generates the large demo into an empty database and refuses a non-empty one', async () => {
    const url = await freshUrl()
    const r = cli(['demo', '--years', '1', '--bureaus', '1'], url)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/1 个文件，\d+ 项任务/)
    const again = cli(['demo', '--years', '1', '--bureaus', '1'], url)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('已有数据')
  })

  it('backs up with pg_dump into the data folder’s backups, and lists and verifies them', async () => {
    const url = await freshUrl()
    expect(cli(['import', seed], url).status).toBe(0)
    const r = cli(['backup'], url)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('已备份：')
    const name = /duban-\d{8}-\d{6}-manual(-\d+)?/.exec(r.stdout)![0]
    const listed = cli(['backups'], url)
    expect(listed.stdout).toContain(`${name}  手动`)
    expect(listed.stdout).toContain('✓ 校验通过')
    expect(listed.status).toBe(0)
  })
})
