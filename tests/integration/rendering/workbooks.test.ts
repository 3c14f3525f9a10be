import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportLedger } from '../../../electron/core/exporters/ledger'
import { exportForm } from '../../../electron/core/exporters/forms/write'
import { exportNoticeLedger } from '../../../electron/core/exporters/noticeLedger'
import { issueNotice } from '../../../electron/core/reminders/service'
import { decideNotice, readNotice, replyNotice } from '../../../electron/core/reminders/notices'
import { dashboardSnapshot } from '../../../electron/core/dashboards/leader'
import type { PlanSnapshot } from '../../../electron/core/dashboards/snapshot'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { columnText, flatText, hasMissingGlyphs, isA4, isLandscape, overlappingWords, renderDocuments, type Rendered } from './render'

let demo: SuzhouDemo
let snapshot: PlanSnapshot
let ledger: Rendered
let form: Rendered
let noticeLedger: Rendered
let formTaskTexts: string[]

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  snapshot = await dashboardSnapshot(office, {})
  const scjg = snapshot.tasks.find((t) => t.leads.some((u) => u.name === '市场监管处'))!.leads.find((u) => u.name === '市场监管处')!
  formTaskTexts = snapshot.tasks.filter((t) => !t.closed && t.leads.some((u) => u.id === scjg.id)).map((t) => t.text)
  // a year of 督办单 at every stage, for the 督办台账
  const scjgCtx = await demo.ctx('scjg')
  const behind = snapshot.tasks.filter((t) => t.status === 'behind' && t.leads[0]?.name === '市场监管处').slice(0, 4)
  for (const [i, t] of behind.entries()) {
    const n = await issueNotice(office, {
      taskId: t.id,
      issue: '该任务计划进度应达50%，实际进度明显滞后，请说明原因并提出整改措施。',
      requiredReply: '说明原因及整改措施',
      replyDeadline: '2021-07-30',
    })
    if (i === 0) continue
    await readNotice(scjgCtx, { noticeId: n.id })
    if (i === 1) continue
    const r = await replyNotice(scjgCtx, { noticeId: n.id, reply: '已制定整改方案，明确专人负责，8月底前赶上计划进度。' })
    if (i === 2) continue
    await decideNotice(office, { noticeId: n.id, revision: r.revision, accept: true })
  }
  const files = {
    '督办台账.xlsx': Buffer.from((await exportNoticeLedger(office, {})).contentBase64, 'base64'),
    '台账.xlsx': Buffer.from((await exportLedger(office, {})).contentBase64, 'base64'),
    '报送表.xlsx': Buffer.from((await exportForm(await demo.ctx('scjg'), { period: '2021-07' })).contentBase64, 'base64'),
  }
  const printed = renderDocuments(files)
  ledger = printed['台账.xlsx']!
  form = printed['报送表.xlsx']!
  noticeLedger = printed['督办台账.xlsx']!
}, 180_000)
afterAll(() => demo.cleanup())

const overlapsIn = (r: Rendered) => r.pages.flatMap((p, i) => overlappingWords(p).map((pair) => `第${i + 1}页：${pair.join(' / ')}`))

describe('the 台账 of the Suzhou plan as LibreOffice prints it', () => {
  it('prints all 88 tasks on A4 landscape pages, a few pages per list', () => {
    expect(snapshot.tasks).toHaveLength(88)
    expect(ledger.pages.length).toBeGreaterThanOrEqual(3)
    expect(ledger.pages.length).toBeLessThanOrEqual(30)
    for (const p of ledger.pages) {
      expect(isA4(p)).toBe(true)
      expect(isLandscape(p)).toBe(true)
    }
    expect(ledger.pngs).toHaveLength(ledger.pages.length)
  })

  it('shows every task text in full: no row cuts its text off', () => {
    const text = ledger.pages.map((p) => columnText(p, '工作任务', '编号')).join('')
    const missing = snapshot.tasks.filter((t) => !text.includes(t.text.replace(/\s+/g, '')))
    expect(missing.map((t) => `${t.listName}${t.number}`)).toEqual([])
  })

  it('prints no text over other text', () => {
    expect(overlapsIn(ledger)).toEqual([])
  })

  it('repeats the title with the as-of date and the header on every page, and numbers the pages', () => {
    ledger.pages.forEach((p, i) => {
      const flat = p.text.replace(/\s+/g, '')
      expect(flat).toContain('落实情况台账（截至2021年7月20日）')
      expect(flat).toContain('工作任务')
      expect(flat).toContain('牵头单位')
      expect(flat).toMatch(new RegExp(`第${i + 1}页，共\\d+页`))
    })
  })

  it('keeps the Chinese text and labels no section as a placeholder', () => {
    const text = flatText(ledger.pages)
    expect(hasMissingGlyphs(ledger.pages)).toBe(false)
    expect(text).toContain('苏州市邮政管理局2021年重点工作落实情况台账')
    expect(text).toContain('一、坚持党的领导')
    expect(text).not.toContain('未分板块')
  })
})

describe('the report form (报送表) as LibreOffice prints it', () => {
  it('prints on A4 landscape with every open task of the unit in full, no text over text, header repeated', () => {
    expect(formTaskTexts.length).toBeGreaterThan(5)
    for (const p of form.pages) {
      expect(isA4(p)).toBe(true)
      expect(isLandscape(p)).toBe(true)
    }
    expect(hasMissingGlyphs(form.pages)).toBe(false)
    const taskPages = form.pages.filter((p) => p.text.includes('进展情况'))
    expect(taskPages.length).toBeGreaterThanOrEqual(1)
    for (const p of taskPages) expect(p.text.replace(/\s+/g, '')).toContain('市场监管处2021年7月工作任务进展报送表')
    const text = taskPages.map((p) => columnText(p, '工作任务', '编号')).join('')
    expect(formTaskTexts.filter((t) => !text.includes(t.replace(/\s+/g, '')))).toEqual([])
    expect(overlapsIn(form)).toEqual([])
  })
})

describe('the 督办台账 as LibreOffice prints it', () => {
  it('prints every notice of the year on A4 landscape, titled with the as-of date, with no text over other text', () => {
    expect(noticeLedger.pages.length).toBeGreaterThanOrEqual(1)
    for (const p of noticeLedger.pages) {
      expect(isA4(p)).toBe(true)
      expect(isLandscape(p)).toBe(true)
    }
    const text = flatText(noticeLedger.pages)
    expect(text).toContain('2021年督办台账（截至2021年7月20日）')
    for (const n of ['督办〔2021〕1号', '督办〔2021〕4号', '待签收', '待答复', '待办结', '已办结', '限期答复', '签发人'])
      expect(text).toContain(n)
    expect(text).toContain('8月底前赶上计划进度')
    expect(overlapsIn(noticeLedger)).toEqual([])
    expect(hasMissingGlyphs(noticeLedger.pages)).toBe(false)
  })
})
