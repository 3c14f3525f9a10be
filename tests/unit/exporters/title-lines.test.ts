import { describe, expect, it } from 'vitest'
import { titleLines } from '../../../electron/core/exporters/official/titleLines'
import { textUnits } from '../../../electron/core/exporters/sheetLayout'
import { signatureIndents } from '../../../electron/core/exporters/official/signature'

/** 二号 title on the 156 mm type area: 20 CJK characters, 40 half-width units. */
const WIDTH = 40

/** Words that must never be cut by a line break. */
const WORDS = ['快递', '督查通报', '督办通知书', '工作要点', '落实情况', '邮政', '管理局', '旺季', '寄递', '渠道', '从业', '人员', '权益']
const cutWords = (lines: string[]) =>
  lines
    .slice(1)
    .flatMap((l, i) => WORDS.filter((w) => [...w].some((_, k) => k > 0 && lines[i]!.endsWith(w.slice(0, k)) && l.startsWith(w.slice(k)))))

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('关于开展安全检查的通知', WIDTH)).toEqual(['关于开展安全检查的通知'])
  })

  it('breaks the monthly bulletin title at a phrase boundary, never inside 督查通报', () => {
    const lines = titleLines('关于2021年工作要点7月份落实情况的督查通报', WIDTH)
    expect(lines).toHaveLength(2)
    expect(lines.join('')).toBe('关于2021年工作要点7月份落实情况的督查通报')
    expect(lines).toEqual(['关于2021年工作要点', '7月份落实情况的督查通报'])
    for (const l of lines) expect(textUnits(l)).toBeLessThanOrEqual(WIDTH)
  })

  it('keeps 督办通知书 whole and does not split a number from its measure word', () => {
    const lines = titleLines('关于加快推进更贴近民生七件实事第17项任务的督办通知书', WIDTH)
    expect(lines.join('')).toBe('关于加快推进更贴近民生七件实事第17项任务的督办通知书')
    const last = lines[lines.length - 1]!
    expect(last.endsWith('督办通知书')).toBe(true)
    expect(lines.some((l) => l.endsWith('督办') || l.startsWith('通知书'))).toBe(false)
    expect(lines.some((l) => /^\d|^项|\d$/.test(l) && !l.startsWith('1'))).toBe(false)
    for (const l of lines) expect(l).not.toMatch(/^[、，。）》]/)
  })

  it('never leaves a line starting with closing punctuation or a book title cut in half', () => {
    const title = '关于印发《苏州市邮政管理局2021年快递业务旺季服务保障工作方案》的通知'
    const lines = titleLines(title, WIDTH)
    expect(lines.join('')).toBe(title)
    for (const l of lines) {
      expect(textUnits(l)).toBeLessThanOrEqual(WIDTH)
      expect(l).not.toMatch(/^[》，、]/)
    }
    expect(cutWords(lines)).toEqual([])
  })

  it('shapes three lines as a trapezoid or diamond, not an hourglass', () => {
    const title = '关于进一步加强寄递渠道安全管理和快递从业人员权益保障工作落实情况的督查通报'
    const lines = titleLines(title, WIDTH)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.join('')).toBe(title)
    expect(cutWords(lines)).toEqual([])
    const w = lines.map(textUnits)
    for (let i = 1; i < w.length - 1; i++) expect(w[i]! < w[i - 1]! && w[i]! < w[i + 1]!).toBe(false)
    expect(Math.min(...w)).toBeGreaterThanOrEqual(Math.max(...w) * 0.4)
  })

  it('balances the lines instead of leaving a stub', () => {
    const lines = titleLines('关于2021年工作要点12月份落实情况的督查通报', WIDTH)
    const w = lines.map(textUnits)
    expect(Math.min(...w)).toBeGreaterThan(Math.max(...w) * 0.5)
  })
})

describe('signatureIndents', () => {
  it('right-indents the 署名 two characters and starts the date two characters further right', () => {
    // 苏州市邮政管理局: 8 characters; 2021年7月20日: 6.5
    expect(signatureIndents('苏州市邮政管理局', '2021年7月20日')).toEqual({ signature: 2, date: 1.5 })
  })

  it('centres a short 署名 over the date, which keeps two characters to the right', () => {
    expect(signatureIndents('办公室', '2021年12月20日')).toEqual({ signature: 2 + (7 - 3) / 2, date: 2 })
  })
})
