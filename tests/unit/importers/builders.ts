import ExcelJS from 'exceljs'
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import type { PlanDraft } from '../../../electron/core/importers/types'
import { launchChromium } from '../../support/chromium'

/** A .docx whose paragraphs are the lines of the text, as a bureau would type it in Word. */
export async function docxFromText(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => new Paragraph({ children: [new TextRun(l.trim())] }))
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })))
}

/** A .docx holding one task table, with a heading above it. */
export async function docxWithTable(heading: string, rows: string[][]): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  })
  const doc = new Document({ sections: [{ children: [new Paragraph(heading), table] }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限']

/**
 * The parsed plan laid out as a bureau's task table: one sheet per list, a title row,
 * the header on row 3, section rows merged across all columns.
 */
export async function xlsxFromDraft(draft: PlanDraft): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const list of draft.lists) {
    const ws = wb.addWorksheet(list.name.slice(0, 31))
    ws.addRow([list.name])
    ws.mergeCells(1, 1, 1, HEADER.length)
    ws.addRow([])
    ws.addRow(HEADER)
    for (const section of list.sections) {
      if (section.title) {
        const row = ws.addRow([`${section.number}、${section.title}`])
        ws.mergeCells(row.number, 1, row.number, HEADER.length)
      }
      for (const t of section.tasks) ws.addRow([t.number, t.text, t.leads.join('、'), t.coops.join('、'), t.deadlineText ?? ''])
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The text printed to PDF by Chromium, one paragraph per line, A4 as an office would print it. */
export async function pdfFromText(text: string): Promise<Uint8Array> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const body = text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => `<p>${escapeHtml(l.trim())}</p>`)
      .join('\n')
    await page.setContent(
      `<html><head><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:14px;line-height:1.6}p{margin:0 0 6px}</style></head><body>${body}</body></html>`,
    )
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }))
  } finally {
    await browser.close()
  }
}
