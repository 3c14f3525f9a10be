import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip' // exceljs's own zip reader: a .docx is a zip of XML parts
import { smallPlan, type SmallPlan } from './dashboard-fixture'
import { exportLedger } from '../../electron/core/exporters/ledger'
import { exportBulletin, exportBulletinHtml } from '../../electron/core/exporters/bulletin'
import type { Ctx } from '../../electron/core/context'
import { launchChromium } from '../support/chromium'

let f: SmallPlan
let office: Ctx
const OUT = join(process.cwd(), 'test-results', 'documents')

beforeAll(async () => {
  f = await smallPlan()
  office = await f.ctx('office')
  mkdirSync(OUT, { recursive: true })
})
afterAll(() => f.t.cleanup())

async function workbook(contentBase64: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer)
  return wb
}

describe('ledger (台账)', () => {
  it('has one sheet per list with the merged title, header, section rows and the latest approved progress', async () => {
    const file = await exportLedger(office, { planId: f.planId, asOf: '2021-06-30' })
    expect(file.fileName).toMatch(/台账.*2021-06-30.*\.xlsx$/)
    const wb = await workbook(file.contentBase64)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工作要点', '更贴近民生实事'])
    const ws = wb.getWorksheet('工作要点')!
    expect(ws.getCell('A1').value).toBe('苏州市邮政管理局2021年工作要点落实情况台账（截至2021年6月30日）')
    expect(ws.getCell('I1').isMerged).toBe(true)
    expect(ws.getCell('A1').font).toMatchObject({ size: 18, bold: true })
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '编号',
      '工作任务',
      '牵头单位',
      '配合单位',
      '分管领导',
      '完成时限',
      '进展情况',
      '完成进度',
      '状态',
    ])
    expect(ws.getCell('A3').value).toBe('一、强化行业监管')
    expect(ws.getCell('I3').isMerged).toBe(true)
    // Task B: March 20% approved; its June report came in July, so it does not count on 30 June.
    const b = ws.getRow(5)
    expect([b.getCell(1).value, b.getCell(3).value, b.getCell(4).value]).toEqual(['要点2', '普遍服务处', '市场监管处'])
    expect(b.getCell(7).value).toBe('第2021-03期进展：完成20%')
    expect(b.getCell(8).value).toBe(0.2)
    expect(b.getCell(8).numFmt).toBe('0%')
    expect(b.getCell(9).value).toBe('进度滞后')
    expect(b.getCell(2).alignment).toMatchObject({ wrapText: true })
    expect(b.getCell(2).border.left).toMatchObject({ style: 'thin' })
  })

  it('freezes the header and prints on A4 landscape with the title rows repeated', async () => {
    const wb = await workbook((await exportLedger(office, { planId: f.planId, asOf: '2021-06-30' })).contentBase64)
    const ws = wb.getWorksheet('工作要点')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:2' })
    expect(ws.getColumn(2).width).toBe(46)
  })

  it('is refused to unit people', async () => {
    await expect(exportLedger(await f.ctx('scjg'), { planId: f.planId })).rejects.toMatchObject({ code: 'forbidden' })
  })
})

describe('bulletin (督查通报)', () => {
  it('numbers bulletins per year and keeps a period’s number', async () => {
    const june = await exportBulletin(office, { planId: f.planId, period: '2021-06' })
    const july = await exportBulletin(office, { planId: f.planId, period: '2021-07' })
    const again = await exportBulletin(office, { planId: f.planId, period: '2021-06' })
    expect(june.fileName.startsWith('苏州邮管督〔2021〕1号')).toBe(true)
    expect(july.fileName.startsWith('苏州邮管督〔2021〕2号')).toBe(true)
    expect(again.fileName).toBe(june.fileName)
  })

  it('writes the red header, the GB/T 9704 page, the headings and the per-unit table into the .docx', async () => {
    const file = await exportBulletin(office, { planId: f.planId, period: '2021-06' })
    writeFileSync(join(OUT, 'bulletin-2021-06.docx'), Buffer.from(file.contentBase64, 'base64'))
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
    expect(xml).toMatch(/<w:color w:val="E60012"\/>/)
    expect(text).toContain('苏州市邮政管理局督查通报')
    expect(text).toContain('苏州邮管督〔2021〕1号')
    expect(text).toContain('关于2021年工作要点6月份落实情况的督查通报')
    for (const h of [
      '一、总体情况',
      '二、各单位落实情况',
      '三、逾期和进度滞后任务',
      '（一）逾期任务',
      '（二）进度滞后任务',
      '四、好的做法',
      '五、下步工作要求',
    ])
      expect(text).toContain(h)
    expect(text).toContain('纳入督查的工作任务共4项，已完成1项，完成率25%')
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/)
    expect(xml).toMatch(/<w:sz w:val="44"\/>/) // 二号 title
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/)
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr .*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    )
    expect(rows[0]).toEqual(['牵头单位', '牵头任务', '已完成', '完成率', '进度滞后', '逾期', '按时报送率'])
    expect(rows.slice(1)).toContainEqual(['市场监管处', '2', '1', '50%', '0', '0', '25%'])
    expect(rows.slice(1)).toContainEqual(['普遍服务处', '2', '0', '0%', '2', '0', '8.3%'])
    expect(text).toContain(
      '民生1（更贴近民生实事第1项）：新增快递末端综合服务站。（市场监管处）：2021年6月28日销号。第2021-06期进展：完成100%',
    )
    const footer = Object.keys(zip.files).find((n) => /word\/footer\d*\.xml/.test(n))!
    expect(await zip.file(footer)!.async('string')).toContain('PAGE')
  })

  // Chromium is the printer in Electron; the system's is used here (tests/support/chromium.ts).
  it('prints the HTML rendition to an A4 PDF of the expected pages', async () => {
    const { html } = await exportBulletinHtml(office, { planId: f.planId, period: '2021-06' })
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm;')
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      await page.setContent(html)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      const file = join(OUT, 'bulletin-2021-06.pdf')
      writeFileSync(file, pdf)
      // Chromium writes one uncompressed /Type /Page object per page.
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length
      // Cover with the figures, the table and task lists, the signature: three A4 pages.
      expect(pages).toBe(3)
      // Turned into PNG for a person to look at (test-results/documents).
      if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'bulletin-2021-06')])
    } finally {
      await browser.close()
    }
  }, 60_000)
})
