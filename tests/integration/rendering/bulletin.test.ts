import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBulletin } from '../../../electron/core/exporters/bulletin'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { expectOfficialDocument } from './official'
import { renderDocument, type Rendered } from './render'

let demo: SuzhouDemo
let printed: Rendered

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  const file = await exportBulletin(office, { period: '2021-07' })
  printed = renderDocument('督查通报.docx', Buffer.from(file.contentBase64, 'base64'))
}, 120_000)
afterAll(() => demo.cleanup())

describe('the 督查通报 as LibreOffice prints it', () => {
  it('is a GB/T 9704 document: 版头, title in two meaningful lines, 落款, and the 版记 at the foot of the last page', () => {
    expectOfficialDocument(printed, {
      mark: '苏州市邮政管理局督查通报',
      number: '苏州邮管督〔2021〕1号',
      titleLines: ['关于2021年工作要点', '7月份落实情况的督查通报'],
      text: ['各处室、各直属单位：', '一、总体情况', '二、各单位落实情况', '市场监管处', '五、下步工作要求', '2021年7月20日'],
      cc: '抄送：局领导。',
      organ: '苏州市邮政管理局办公室',
      printedOn: '2021年7月20日印发',
    })
  })

  it('prints the table of units without text over text', () => {
    expect(printed.pages.length).toBeGreaterThanOrEqual(2)
  })
})
