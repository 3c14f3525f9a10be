import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import ExcelJS from 'exceljs'

const root = resolve(__dirname, '../..')
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-gen-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run cli -- demo (the large generated database)', () => {
  it('builds one bureau for one year with sane sizes, and refuses to overwrite it', () => {
    const out = join(dir, 'small')
    const r = cli(['demo', '--years', '1', '--bureaus', '1', '--out', out])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/6 个单位，1 个文件，100 项任务，\d+ 条进展报送/)
    const db = new BetterSqlite3(join(out, 'duban.db'), { readonly: true })
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    try {
      expect(n('SELECT COUNT(*) AS n FROM tasks')).toBe(100)
      expect(n('SELECT COUNT(*) AS n FROM milestones')).toBe(400)
      expect(
        n(`SELECT COUNT(*) AS n FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM task_units WHERE task_id = t.id AND role = 'lead')`),
      ).toBe(0)
      // The year under way (2021) has January to June: at most six reports a task, most of them approved.
      const reports = n('SELECT COUNT(*) AS n FROM reports')
      expect(reports).toBeGreaterThan(400)
      expect(reports).toBeLessThanOrEqual(600)
      expect(n(`SELECT COUNT(*) AS n FROM reports WHERE status = 'approved'`) / reports).toBeGreaterThan(0.85)
      expect(n(`SELECT COUNT(*) AS n FROM lists WHERE kind = 'livelihood'`)).toBe(1)
      expect(n(`SELECT COUNT(*) AS n FROM indicators WHERE baseline_year IS NOT NULL AND growth_pct IS NOT NULL`)).toBe(3)
      expect(n(`SELECT COUNT(*) AS n FROM users WHERE username IN ('admin', 'office', 'juzhang')`)).toBe(3)
    } finally {
      db.close()
    }
    const again = cli(['demo', '--years', '1', '--bureaus', '1', '--out', out])
    expect(again.status).not.toBe(0)
    expect(again.stderr).toContain('已存在')
  }, 120_000) // several CLI runs and a generated database

  it('the ledger and bulletin commands write their files from it', async () => {
    const data = join(dir, 'small')
    const ledger = join(dir, 'ledger.xlsx')
    const r = cli(['ledger', '--out', ledger, '--as-of', '2021-06-30'], { DUBAN_DATA_DIR: data })
    expect(r.status).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(ledger) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重点工作', '工作要点', '更贴近民生实事'])
    expect(wb.worksheets[1].getCell('A1').value).toBe('苏州市邮政管理局2021年工作要点落实情况台账（截至2021年6月30日）')
    const bulletin = join(dir, 'bulletin.docx')
    const b = cli(['bulletin', '--period', '2021-06', '--out', bulletin], { DUBAN_DATA_DIR: data })
    expect(b.status).toBe(0)
    expect(b.stdout).toContain('苏州邮管督〔2021〕1号')
    expect(readFileSync(bulletin).subarray(0, 2).toString()).toBe('PK')
  }, 120_000) // several CLI runs and a generated database
})
