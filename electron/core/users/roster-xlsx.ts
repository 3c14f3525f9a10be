/** The roster as an Excel sheet: read what the office filled in, write it back out in the same shape. */
import ExcelJS from 'exceljs'
import { applyPrintLayout, fitRowHeights } from '../exporters/sheetLayout'
import { DubanError } from '../errors'
import { ROSTER_COLUMNS, type RosterRow } from './roster-rules'

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue)
    if ('text' in v && typeof v.text === 'string') return v.text
    return ''
  }
  return String(v).trim()
}

const BAD_FILE = '无法读取该文件，请上传 Excel 人员名册（.xlsx），第一行为：' + ROSTER_COLUMNS.join('、')

/** Finds the header row (姓名 … 手机) in the first sheet that has one, and reads every row under it. */
export async function readRosterXlsx(fileBase64: string): Promise<RosterRow[]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(fileBase64, 'base64') as unknown as ArrayBuffer)
  } catch {
    throw new DubanError('invalid_input', BAD_FILE)
  }
  for (const sheet of wb.worksheets) {
    for (let h = 1; h <= Math.min(sheet.rowCount, 10); h++) {
      const header = sheet.getRow(h)
      const col = new Map<string, number>()
      header.eachCell((cell, n) => col.set(cellText(cell.value).replace(/\s/g, ''), n))
      if (!col.has('姓名') || !col.has('用户名') || !col.has('角色')) continue
      const get = (row: ExcelJS.Row, name: string) => (col.has(name) ? cellText(row.getCell(col.get(name)!).value) : '')
      const rows: RosterRow[] = []
      for (let i = h + 1; i <= sheet.rowCount; i++) {
        const row = sheet.getRow(i)
        const r: RosterRow = {
          line: i,
          displayName: get(row, '姓名'),
          username: get(row, '用户名'),
          roleLabel: get(row, '角色'),
          unitName: get(row, '处室'),
          leaderUnitNames: get(row, '分管处室'),
          phone: get(row, '手机'),
        }
        if (Object.entries(r).some(([k, v]) => k !== 'line' && v !== '')) rows.push(r)
      }
      if (rows.length === 0) throw new DubanError('invalid_input', '人员名册中没有人员，请在表头下逐行填写')
      return rows
    }
  }
  throw new DubanError('invalid_input', `没有找到表头，${BAD_FILE}`)
}

export async function writeRosterXlsx(
  rows: readonly Omit<RosterRow, 'line'>[],
  extra?: { header: string; values: string[] },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '督办台'
  const sheet = wb.addWorksheet('人员名册')
  sheet.addRow([...ROSTER_COLUMNS, ...(extra ? [extra.header] : [])])
  rows.forEach((r, i) =>
    sheet.addRow([r.displayName, r.username, r.roleLabel, r.unitName, r.leaderUnitNames, r.phone, ...(extra ? [extra.values[i]] : [])]),
  )
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((c, i) => {
    c.width = [12, 14, 14, 20, 30, 16, 16][i]
    c.alignment = { vertical: 'top', wrapText: true }
  })
  // printed like every other workbook: rows as tall as their text, the header on every A4 page
  fitRowHeights(sheet)
  applyPrintLayout(sheet, { headerRows: 1, orientation: 'portrait' })
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
