import { describe, expect, it, beforeAll, afterAll } from 'vitest'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
  statSync,
  utimesSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore } from '../../electron/core/app'
import { sqliteOnly } from '../../electron/core/db/connection'
import { demoSamplePath } from '../../electron/core/paths'

const root = resolve(__dirname, '../..')
const seed = resolve(root, 'tests/fixtures/seeds/suzhou-2021-work-points.txt')
const expected = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/expected/suzhou-2021.json'), 'utf8'))

function cli(args: string[], dataDir?: string) {
  return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...(dataDir ? { DUBAN_DATA_DIR: dataDir } : {}) },
  })
}

let dataDir: string
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-cli-'))
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('npm run cli -- import --dry-run --json', () => {
  it('prints the Suzhou parse with 9 / 60 / 19 tasks and every lead as hand-checked', () => {
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'import', '--dry-run', '--json', seed], {
      cwd: root,
      encoding: 'utf8',
    })
    const draft = JSON.parse(out)
    expect(draft.plan).toMatchObject({ docNumber: expected.docNumber, issuedOn: expected.issuedOn, issuer: expected.issuer, year: 2021 })
    expect(draft.lists.map((l: any) => l.name)).toEqual(expected.lists.map((l: any) => l.name))
    for (const list of expected.lists) {
      const got = draft.lists.find((l: any) => l.name === list.name)
      const tasks = got.sections.flatMap((s: any) => s.tasks)
      expect(tasks).toHaveLength(list.expectedCount)
      const want = list.sections.flatMap((s: any) => s.items)
      expect(tasks.map((t: any) => [t.number, t.leads])).toEqual(want.map((i: any) => [i.number, i.leads]))
      for (const t of tasks) expect(t).toHaveProperty('targets')
    }
    expect(draft.warnings.some((w: any) => w.code === 'numbering_gap' && w.message.includes('17'))).toBe(true)
  })

  it('names units the database in DUBAN_DATA_DIR does not know', async () => {
    const dir = join(dataDir, 'known')
    await (await openCore({ dataDir: dir, demoSample: demoSamplePath() })).close()
    const file = join(dataDir, 'small.txt')
    writeFileSync(file, '某市邮政管理局2022年工作要点\n一、加强监管\n1. 开展寄递渠道安全专项整治。（法规处牵头，协会配合）\n')
    const r = cli(['import', '--dry-run', '--json', file], dir)
    const warnings = JSON.parse(r.stdout).warnings.filter((w: any) => w.code === 'unknown_unit')
    expect(warnings.map((w: any) => w.message)).toEqual([expect.stringContaining('“法规处”')])
  })

  it('refuses a missing file with a Chinese message and a non-zero exit', () => {
    const r = cli(['import', '--dry-run', '--json', join(dataDir, 'nope.txt')])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('找不到文件')
    expect(r.stdout).toBe('')
  })
})

describe('npm run cli -- check', () => {
  // builds a demo database, then runs the CLI twice
  it('passes on a freshly built demo database and fails on a damaged one', { timeout: 120_000 }, async () => {
    const dir = join(dataDir, 'demo')
    const core = await openCore({ dataDir: dir, demoSample: demoSamplePath() })
    await core.close()
    const ok = cli(['check'], dir)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('检查通过')

    // Damage pages in the middle of the file, as a failing disk would.
    const file = join(dir, 'duban.db')
    const size = statSync(file).size
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    closeSync(fd)
    const bad = cli(['check'], dir)
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toMatch(/损坏|出错/)
  })

  it('reports a task without a lead as an inconsistency', async () => {
    const dir = join(dataDir, 'nolead')
    const core = await openCore({ dataDir: dir, demoSample: demoSamplePath() })
    sqliteOnly(core, 'test').exec(`DELETE FROM task_units WHERE task_id = (SELECT MIN(id) FROM tasks)`)
    await core.close()
    const r = cli(['check'], dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('没有牵头单位')
    expect(r.stderr).toMatch(/重点1（「[^」]+」第1项）没有牵头单位/) // named by its code, as the app names it
  })
})

describe('npm run cli -- check and uploads a killed process left behind', () => {
  it('reports the stale files/tmp/*.part it finds, and they are gone afterwards', async () => {
    const dir = join(dataDir, 'leftovers')
    await (await openCore({ dataDir: dir, demoSample: demoSamplePath() })).close()
    const tmp = join(dir, 'files', 'tmp')
    mkdirSync(tmp, { recursive: true })
    const stale = join(tmp, `${'a'.repeat(64)}.0123456789ab.part`)
    writeFileSync(stale, Buffer.alloc(1000, 1))
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
    utimesSync(stale, hourAgo, hourAgo)
    const inFlight = join(tmp, `${'b'.repeat(64)}.0123456789ab.part`)
    writeFileSync(inFlight, Buffer.alloc(10, 1))

    const first = cli(['check'], dir)
    expect(first.status).toBe(1)
    expect(first.stderr).toContain('中断的上传留下的临时文件')
    expect(first.stderr).toContain(`${'a'.repeat(64)}.0123456789ab.part`)
    expect(first.stderr).not.toContain('b'.repeat(64))
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(inFlight)).toBe(true) // may belong to an upload still in progress

    const second = cli(['check'], dir)
    expect(second.status).toBe(0)
    expect(second.stdout).toContain('检查通过')
  }, 60_000)
})

/** Runs the CLI with stdout on a pipe nobody reads for a while, as `cli … | slow-program` would. */
function cliThroughSlowPipe(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    const chunks: Buffer[] = []
    child.stdout.pause()
    setTimeout(() => {
      child.stdout.on('data', (c: Buffer) => chunks.push(c))
      child.stdout.resume()
    }, 1500)
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout: Buffer.concat(chunks).toString('utf8') }))
  })
}

describe('npm run cli -- import --dry-run --json into a pipe', () => {
  it('writes all of a large parse (far over 64 KB) before it exits', async () => {
    const lines = ['某市邮政管理局2022年工作要点', '一、加强监管']
    for (let i = 1; i <= 900; i++) {
      lines.push(`${i}. 开展寄递渠道安全专项整治第${i}项，确保全年安全生产形势稳定。（市场监管处牵头，普遍服务处配合，2022年12月底前完成）`)
    }
    const file = join(dataDir, 'big-plan.txt')
    writeFileSync(file, lines.join('\n') + '\n')
    const r = await cliThroughSlowPipe(['import', '--dry-run', '--json', file])
    expect(r.code).toBe(0)
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(256 * 1024)
    const draft = JSON.parse(r.stdout)
    const tasks = draft.lists.flatMap((l: any) => l.sections.flatMap((s: any) => s.tasks))
    expect(tasks).toHaveLength(900)
    expect(tasks.at(-1)).toMatchObject({ number: 900, leads: ['市场监管处'] })
  }, 60_000)
})
