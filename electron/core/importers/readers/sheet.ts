import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { readerErrors } from './errors'
import type { SheetTable } from './table'
import { decodeText } from './text'
import { assertSafeZip } from './zipGuard'

type CellValue = ExcelJS.CellValue

/** A cell's value as the text a person sees; merged cells already carry their master's value. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as CellValue)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

/** Every worksheet of an .xlsx file as rows of cell texts. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetTable[]> {
  await assertSafeZip(bytes, 'Excel')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch {
    throw readerErrors.corrupt('Excel')
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = []
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value))
      rows[rowNumber - 1] = cells
    })
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) }
  })
}

/** A .csv (or tab-separated) file in any of the encodings decodeText knows. */
export function readCsv(bytes: Uint8Array, name: string): SheetTable {
  const text = decodeText(bytes)
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ','
  try {
    const rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][]
    return { name, rows }
  } catch {
    throw readerErrors.noTable()
  }
}
