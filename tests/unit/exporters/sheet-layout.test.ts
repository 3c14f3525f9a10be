import { describe, expect, it } from 'vitest'
import { LINE_HEIGHT_EM, MAX_ROW_PT, rowHeight, textUnits, unitsPerLine, wrappedLines } from '../../../electron/core/exporters/sheetLayout'

describe('textUnits', () => {
  it('counts CJK characters and full-width punctuation double, Latin letters and digits single', () => {
    expect(textUnits('abc123')).toBe(6)
    expect(textUnits('快递')).toBe(4)
    expect(textUnits('完成100%，')).toBe(4 + 4 + 2)
    expect(textUnits('（一）')).toBe(6)
    expect(textUnits('')).toBe(0)
  })
})

describe('wrappedLines', () => {
  const perLine = unitsPerLine(46, 10.5)

  it('fits about 20 CJK characters on a line of a 46-character column at 10.5 pt', () => {
    expect(perLine / 2).toBeGreaterThanOrEqual(18)
    expect(perLine / 2).toBeLessThanOrEqual(23)
  })

  it('takes one line for a short text and for an empty one', () => {
    expect(wrappedLines('加强安全监管', 46, 10.5)).toBe(1)
    expect(wrappedLines('', 46, 10.5)).toBe(1)
  })

  it('wraps a long CJK text by its double width, where the same number of Latin letters fits on fewer lines', () => {
    const cjk = '推'.repeat(perLine)
    const latin = 'a'.repeat(perLine)
    expect(wrappedLines(cjk, 46, 10.5)).toBe(2)
    expect(wrappedLines(latin, 46, 10.5)).toBe(1)
  })

  it('starts a new line at each line break, and counts a wrapped paragraph after it', () => {
    expect(wrappedLines('第一行\n第二行\n第三行', 46, 10.5)).toBe(3)
    expect(wrappedLines(`短\r\n${'长'.repeat(perLine)}`, 46, 10.5)).toBe(3)
  })

  it('needs more lines in a narrower column and at a larger font', () => {
    const text = '推进快递包装绿色治理，可循环快递箱（盒）使用量达到10万个，电商快件不再二次包装率达到90%。'
    const wide = wrappedLines(text, 46, 10.5)
    expect(wrappedLines(text, 14, 10.5)).toBeGreaterThan(wide)
    expect(wrappedLines(text, 46, 16)).toBeGreaterThan(wide)
  })
})

describe('rowHeight', () => {
  it('is the tallest cell: lines × font size × line height, plus padding', () => {
    const h = rowHeight([
      { text: '1', width: 6, fontSize: 10.5, wrap: true },
      { text: '一二三\n四五六\n七八九', width: 46, fontSize: 10.5, wrap: true },
    ])
    expect(h).toBe(Math.ceil(3 * 10.5 * LINE_HEIGHT_EM + 4))
  })

  it('keeps the minimum for empty and one-line rows', () => {
    expect(rowHeight([{ text: '', width: 10, fontSize: 10.5 }], 20)).toBe(20)
    expect(rowHeight([{ text: '正常推进', width: 10, fontSize: 10.5, wrap: true }], 15)).toBe(20)
  })

  it('does not wrap cells without wrapping, except at line breaks', () => {
    const long = '报送单位：市场监管处    报送期次：2021-07    （只填写白色单元格；请勿增删行或修改任务编号）'
    expect(rowHeight([{ text: long, width: 6, fontSize: 11, wrap: false }])).toBe(Math.ceil(11 * LINE_HEIGHT_EM + 4))
  })

  it('stops at the tallest row Excel accepts', () => {
    expect(rowHeight([{ text: '字'.repeat(5000), width: 10, fontSize: 12, wrap: true }])).toBe(MAX_ROW_PT)
  })
})
