import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportLedger } from '../../../electron/core/exporters/ledger'
import { dashboardSnapshot } from '../../../electron/core/dashboards/leader'
import type { PlanSnapshot } from '../../../electron/core/dashboards/snapshot'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { columnText, flatText, hasMissingGlyphs, isA4, isLandscape, overlappingWords, renderDocument, type Rendered } from './render'

let demo: SuzhouDemo
let snapshot: PlanSnapshot
let printed: Rendered

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  snapshot = await dashboardSnapshot(office, {})
  const file = await exportLedger(office, {})
  printed = renderDocument('台账.xlsx', Buffer.from(file.contentBase64, 'base64'))
}, 120_000)
afterAll(() => demo.cleanup())

describe('the 台账 of the Suzhou plan as LibreOffice prints it', () => {
  it('prints all 88 tasks on A4 landscape pages, a few pages per list', () => {
    expect(snapshot.tasks).toHaveLength(88)
    expect(printed.pages.length).toBeGreaterThanOrEqual(3)
    expect(printed.pages.length).toBeLessThanOrEqual(30)
    for (const p of printed.pages) {
      expect(isA4(p)).toBe(true)
      expect(isLandscape(p)).toBe(true)
    }
    expect(printed.pngs).toHaveLength(printed.pages.length)
  })

  it('shows every task text in full: no row cuts its text off', () => {
    const text = printed.pages.map((p) => columnText(p, '工作任务', '序号')).join('')
    const missing = snapshot.tasks.filter((t) => !text.includes(t.text.replace(/\s+/g, '')))
    expect(missing.map((t) => `${t.listName}${t.number}`)).toEqual([])
  })

  it('prints no text over other text', () => {
    const overlaps = printed.pages.flatMap((p, i) => overlappingWords(p).map((pair) => `第${i + 1}页：${pair.join(' / ')}`))
    expect(overlaps).toEqual([])
  })

  it('repeats the title with the as-of date and the header on every page, and numbers the pages', () => {
    printed.pages.forEach((p, i) => {
      const flat = p.text.replace(/\s+/g, '')
      expect(flat).toContain('落实情况台账（截至2021年7月20日）')
      expect(flat).toContain('工作任务')
      expect(flat).toContain('牵头单位')
      expect(flat).toMatch(new RegExp(`第${i + 1}页，共\\d+页`))
    })
  })

  it('keeps the Chinese text and labels no section as a placeholder', () => {
    const text = flatText(printed.pages)
    expect(hasMissingGlyphs(printed.pages)).toBe(false)
    expect(text).toContain('苏州市邮政管理局2021年重点工作落实情况台账')
    expect(text).not.toContain('未分板块')
  })
})
