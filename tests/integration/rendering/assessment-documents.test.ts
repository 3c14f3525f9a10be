import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportAssessmentDocx, exportAssessmentXlsx } from '../../../electron/core/assessment/export'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { expectOfficialDocument } from './official'
import { flatText, hasMissingGlyphs, isA4, isLandscape, overlappingWords, renderDocuments, type Rendered } from './render'

let demo: SuzhouDemo
let notice: Rendered
let workbook: Rendered

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  const printed = renderDocuments({
    '考核通报.docx': Buffer.from((await exportAssessmentDocx(office, { year: 2021 })).contentBase64, 'base64'),
    '考核结果.xlsx': Buffer.from((await exportAssessmentXlsx(office, { year: 2021 })).contentBase64, 'base64'),
  })
  notice = printed['考核通报.docx']!
  workbook = printed['考核结果.xlsx']!
}, 180_000)
afterAll(() => demo.cleanup())

describe('the 考核通报 as LibreOffice prints it', () => {
  it('is a GB/T 9704 document with the ranked table, the 落款 and the 版记 at the foot of the last page', () => {
    expectOfficialDocument(notice, {
      mark: '苏州市邮政管理局文件',
      number: '苏州邮管局考〔2021〕1号',
      titleLines: ['关于2021年度督查', '考核结果的通报（预览稿）'],
      text: ['各处室、各直属单位：', '一、考核办法', '二、考核结果', '名次', '考核得分', '市场监管处', '三、申诉处理情况', '四、有关要求'],
      cc: '抄送：局领导。',
      organ: '苏州市邮政管理局办公室',
      printedOn: '2021年7月20日印发',
      signature: '苏州市邮政管理局',
      date: '2021年7月20日',
    })
  })
})

describe('the 考核结果 workbook as LibreOffice prints it', () => {
  it('prints on A4 landscape, titled with the as-of date, every unit ranked, with no text over other text', () => {
    expect(workbook.pages.length).toBeGreaterThanOrEqual(1)
    for (const p of workbook.pages) {
      expect(isA4(p)).toBe(true)
      expect(isLandscape(p)).toBe(true)
    }
    const text = flatText(workbook.pages)
    expect(text).toContain('2021年度督查考核结果（预览稿）（截至2021年7月20日）')
    for (const w of ['名次', '单位', '考核得分', '市场监管处', '普遍服务处']) expect(text).toContain(w)
    expect(workbook.pages.flatMap((p) => overlappingWords(p))).toEqual([])
    expect(hasMissingGlyphs(workbook.pages)).toBe(false)
  })
})
