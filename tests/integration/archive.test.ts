import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import JSZip from 'jszip'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { reviewReport } from '../../electron/core/reports/review'
import { writeInstruction } from '../../electron/core/instructions/service'
import { exportArchive } from '../../electron/core/archive/export'
import { ARCHIVE_ORDER } from '../../electron/core/archive/tables'
import { dispatch } from '../../electron/contract/dispatch'
import { login } from '../../electron/core/users/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'

const root = resolve(__dirname, '../..')
const cli = (args: string[], dataDir: string) =>
  spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DUBAN_DATA_DIR: dataDir },
  })
const work = mkdtempSync(join(tmpdir(), 'duban-archive-'))
let t: TestCore
let planId: number

const sorted = (rows: unknown[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

/** The archived tables' rows of one plan, as the archive and the database both hold them. */
function rowsOf(dir: string, table: string): unknown[] {
  const db = new BetterSqlite3(join(dir, 'duban.db'), { readonly: true })
  try {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[]
    // passwords never travel in an archive; imported people come back inactive
    const out =
      table === 'users'
        ? rows.map(({ password_hash: _h, password_salt: _s, active: _a, last_login_at: _l, must_change_password: _m, ...r }) => r)
        : rows
    return sorted(out)
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  t = await demoCore()
  const office = await t.ctxAs('office')
  const scjg = await t.ctxAs('scjg')
  planId = (await listPlans(office))[0].id
  const task = (await listTasks(office, { planId })).find((r) => !r.closedAt && r.leads.some((l) => l.name === '市场监管处'))!
  const pdf = Buffer.from('%PDF-1.4\n% 归档佐证\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
  const r = await submitReport(scjg, {
    taskId: task.id,
    percent: 70,
    progress: '归档前的报送',
    newFiles: [{ name: '佐证.pdf', dataBase64: pdf.toString('base64') }],
  })
  await reviewReport(office, { reportId: r.id, decision: 'approve' })
  await writeInstruction(await t.ctxAs('juzhang'), { taskId: task.id, body: '抓紧推进' })
}, 60_000)
afterAll(async () => {
  await t.cleanup()
  rmSync(work, { recursive: true, force: true })
})

describe('the year-end archive', () => {
  it('holds the plan’s rows as JSON, the evidence, the ledger and the bulletins', async () => {
    const file = await exportArchive(await t.ctxAs('office'), { planId })
    expect(file.fileName).toMatch(/2021.*（归档）\.zip$/)
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'))
    const json = JSON.parse(await zip.file('archive.json')!.async('string'))
    expect(json.tables.reports.length).toBeGreaterThan(100)
    expect(json.tables.users.every((u: Record<string, unknown>) => !('password_hash' in u))).toBe(true)
    expect(json.documents.some((d: string) => d.endsWith('.xlsx'))).toBe(true)
    expect(json.documents.filter((d: string) => d.endsWith('.docx')).length).toBeGreaterThanOrEqual(2)
    for (const f of json.files)
      expect(
        createHash('sha256')
          .update(await zip.file(`files/${f.sha256}`)!.async('nodebuffer'))
          .digest('hex'),
      ).toBe(f.sha256)
  })

  it('is exported over the contract for the office, not for a unit', async () => {
    const env = { db: t.core.db, clock: t.clock, files: t.core.files }
    const token = async (username: string) =>
      (await login({ ...env, actor: null }, { username, password: DEMO_PASSWORD }, LOCAL_CALLER)).token
    expect(await dispatch(env, 'archives.export', { planId }, await token('scjg'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await dispatch(env, 'archives.export', { planId: 'x' }, await token('office'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch(env, 'archives.export', { planId }, await token('office'))).toMatchObject({ ok: true })
  })

  it(
    'reads back into an empty install with every row and file hash equal, and is refused by a non-empty one',
    { timeout: 240_000 },
    async () => {
      const zipFile = join(work, '2021.zip')
      const exported = cli(['archive-export', '--year', '2021', '--out', zipFile], t.dir)
      expect(exported.stderr).toBe('')
      expect(exported.status).toBe(0)

      const empty = join(work, 'empty')
      const imported = cli(['archive-import', zipFile], empty)
      expect(imported.stderr).toBe('')
      expect(imported.stdout).toContain('已导入归档')
      const json = JSON.parse(await (await JSZip.loadAsync(readFileSync(zipFile))).file('archive.json')!.async('string'))
      for (const table of ARCHIVE_ORDER) {
        if (table === 'audit_log') continue // the import adds its own entry
        const want =
          table === 'users'
            ? json.tables.users.map(({ active: _a, last_login_at: _l, must_change_password: _m, ...u }: Record<string, unknown>) => u)
            : json.tables[table]
        expect(rowsOf(empty, table), table).toEqual(sorted(want))
      }
      // the demo database holds one plan, so here the archive is the whole database: compare with it directly
      for (const table of ['tasks', 'reports', 'report_versions', 'attachments', 'instructions', 'milestones', 'task_units']) {
        expect(rowsOf(empty, table), table).toEqual(rowsOf(t.dir, table))
      }
      const auditImported = rowsOf(empty, 'audit_log') as { action: string }[]
      expect(auditImported.at(-1)?.action).toBe('archive.import')
      expect(auditImported.length).toBe(json.tables.audit_log.length + 1)
      const shas = (rowsOf(empty, 'attachments') as { sha256: string }[]).map((a) => a.sha256)
      expect(shas.length).toBeGreaterThan(0)
      for (const sha of shas) {
        expect(
          createHash('sha256')
            .update(readFileSync(join(empty, 'files', sha.slice(0, 2), sha)))
            .digest('hex'),
        ).toBe(sha)
      }
      const check = cli(['check'], empty)
      expect(check.stdout).toContain('检查通过')

      const again = cli(['archive-import', zipFile], empty)
      expect(again.status).not.toBe(0)
      expect(again.stderr).toContain('只能导入到没有任何数据的新安装中')
    },
  )
})
