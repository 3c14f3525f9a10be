import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore } from '../../electron/core/app'
import { sqliteOnly } from '../../electron/core/db/connection'
import { docxFromText } from '../unit/importers/builders'
import { SUZHOU_TASK_COUNT, SUZHOU_LIST_COUNT } from '../support/expected'

const root = resolve(__dirname, '../..')
const seed = resolve(root, 'tests/fixtures/seeds/suzhou-2021-work-points.txt')
const TABLES = ['plans', 'lists', 'sections', 'tasks', 'task_units', 'units', 'indicators', 'task_links', 'audit_log'] as const

function cli(args: string[], dataDir: string) {
  return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DATA_DIR: dataDir },
  })
}

async function rowCounts(dataDir: string): Promise<Record<string, number>> {
  const core = await openCore({ dataDir })
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, (sqliteOnly(core, 'test').prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
    )
  } finally {
    await core.close()
  }
}

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'duban-import-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('npm run cli -- import FILE', () => {
  it('commits the Suzhou plan into an empty data folder, with its suggested links', async () => {
    const dir = join(work, 'suzhou')
    const r = cli(['import', seed], dir)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`共 ${SUZHOU_TASK_COUNT} 项任务`)
    const counts = await rowCounts(dir)
    expect(counts).toMatchObject({ plans: 1, lists: SUZHOU_LIST_COUNT, tasks: SUZHOU_TASK_COUNT, task_links: 12 })
    const core = await openCore({ dataDir: dir })
    try {
      const link = sqliteOnly(core, 'test')
        .prepare(
          `SELECT a.number AS a, b.number AS b, l.similarity, l.status FROM task_links l
           JOIN tasks a ON a.id = l.task_a_id JOIN tasks b ON b.id = l.task_b_id WHERE a.number = 45`,
        )
        .get() as { a: number; b: number; similarity: number; status: string }
      expect(link).toMatchObject({ a: 45, b: 12, status: 'suggested' })
      expect(link.similarity).toBeGreaterThan(0.9)
    } finally {
      await core.close()
    }
  })

  // Six CLI runs, each compiling the CLI with tsx first: up to half a minute apiece on a busy machine.
  it('writes nothing when the file is broken, and says why in Chinese', { timeout: 240_000 }, async () => {
    const dir = join(work, 'broken')
    expect(cli(['import', seed], dir).status).toBe(0)
    const before = await rowCounts(dir)
    const docx = await docxFromText('一、加强监管\n1. 推进快递进村（市场监管处牵头）')
    const broken: [string, Uint8Array, RegExp][] = [
      ['半截.docx', docx.subarray(0, 200), /Word文件已损坏/],
      ['空.txt', new Uint8Array(), /文件是空的/],
      ['junk.bin', new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 256), /无法识别/],
      ['通知.doc', new TextEncoder().encode('old'), /另存为 \.docx/],
      ['无任务.txt', new TextEncoder().encode('这是一段没有任何编号的普通文字。'), /没有识别到任何工作任务/],
    ]
    for (const [name, bytes, message] of broken) {
      const file = join(work, name)
      writeFileSync(file, bytes)
      const r = cli(['import', file], dir)
      expect(r.status, name).toBe(1)
      expect(r.stdout, name).toBe('')
      expect(r.stderr, name).toMatch(message)
    }
    expect(await rowCounts(dir)).toEqual(before)
  })

  it('dry-run prints links and warnings in the JSON and writes no database', () => {
    const dir = join(work, 'dry')
    const r = cli(['import', '--dry-run', '--json', seed], dir)
    expect(r.status).toBe(0)
    const draft = JSON.parse(r.stdout)
    expect(Object.keys(draft)).toEqual(['plan', 'lists', 'indicators', 'links', 'warnings'])
    expect(draft.warnings.some((w: { code: string }) => w.code === 'target_conflict')).toBe(true)
    expect(existsSync(join(dir, 'duban.db'))).toBe(false)
  })
})
