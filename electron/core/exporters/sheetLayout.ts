/**
 * Print layout shared by every exported workbook (台账, 报送表, and later rosters and assessments).
 *
 * Neither WPS nor LibreOffice grows a row to fit wrapped text when a file is opened, so each row's height is
 * computed here from its cells' text, the column widths and the font sizes; otherwise long task texts run
 * over the rows below them when printed.
 */
import type ExcelJS from 'exceljs'

/** East Asian wide characters (CJK ideographs, kana, hangul, full-width forms and CJK punctuation) take two units. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** Width of a text in half-width units: a CJK character counts two, anything else one. */
export function textUnits(text: string): number {
  let n = 0
  for (const ch of text) n += WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1
  return n
}

/** Excel's column width counts the digit zero of an 11 pt font (7 px, 5.25 pt); a half-width unit is half the font size. */
const ZERO_WIDTH_PT = 5.25
/** Line breaks at punctuation (a line may not begin with 、，。) leave part of a line empty; keep a margin for it. */
const FILL = 0.9
/** CJK fonts in LibreOffice (Noto CJK) set lines about 1.45 em apart; Excel's 宋体 a little less. Use the larger. */
export const LINE_HEIGHT_EM = 1.45
/** Cell padding above and below the text, in points. */
const PADDING_PT = 4
/** Excel refuses rows taller than 409 pt. */
export const MAX_ROW_PT = 409

/** How many half-width units fit on one line of a column `width` characters wide, at `fontSize` points. */
export function unitsPerLine(width: number, fontSize: number): number {
  const usablePt = Math.max(width * ZERO_WIDTH_PT - 3, ZERO_WIDTH_PT)
  return Math.max(1, Math.floor((usablePt / (fontSize / 2)) * FILL))
}

/** Lines a text takes when wrapped in a column: each paragraph (split at line breaks) takes at least one line. */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const perLine = unitsPerLine(width, fontSize)
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textUnits(paragraph) / perLine)), 0)
}

export interface CellText {
  text: string
  /** the column's width in Excel characters (the sum of the columns, for merged cells) */
  width: number
  fontSize: number
  /** cells without wrapping stay on one line per paragraph */
  wrap?: boolean
}

/** The height in points a row needs so that none of its cells' text is cut off or runs into the next row. */
export function rowHeight(cells: readonly CellText[], minimum = 15): number {
  let needed = minimum
  for (const c of cells) {
    if (!c.text) continue
    const lines = c.wrap === false ? c.text.split('\n').length : wrappedLines(c.text, c.width, c.fontSize)
    needed = Math.max(needed, lines * c.fontSize * LINE_HEIGHT_EM + PADDING_PT)
  }
  return Math.min(MAX_ROW_PT, Math.ceil(needed))
}

const DEFAULT_COLUMN_WIDTH = 9
const DEFAULT_FONT_SIZE = 11

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? `${Math.round(v * 100)}%` : String(v)
  return cell.text ?? String(v)
}

/** Merged ranges as (top-left address → the columns they span). */
function mergedSpans(ws: ExcelJS.Worksheet): Map<string, { left: number; right: number }> {
  const spans = new Map<string, { left: number; right: number }>()
  for (const range of ws.model.merges ?? []) {
    const [from, to] = range.split(':')
    const a = ws.getCell(from!)
    const b = ws.getCell(to!)
    spans.set(a.address, { left: Number(a.col), right: Number(b.col) })
  }
  return spans
}

/** Sets the height of every row from `fromRow` on to fit its text; hidden columns do not count. */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow = 1): void {
  const spans = mergedSpans(ws)
  const widthOf = (col: number) => {
    const c = ws.getColumn(col)
    return c.hidden ? 0 : (c.width ?? DEFAULT_COLUMN_WIDTH)
  }
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells: CellText[] = []
    row.eachCell((cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) return
      const span = spans.get(cell.address) ?? { left: col, right: col }
      let width = 0
      for (let c = span.left; c <= span.right; c++) width += widthOf(c)
      if (width === 0) return
      cells.push({
        text: cellText(cell),
        width,
        fontSize: cell.font?.size ?? DEFAULT_FONT_SIZE,
        wrap: cell.alignment?.wrapText === true,
      })
    })
    row.height = rowHeight(cells, row.height ?? 15)
  }
}

export interface PrintLayout {
  /** rows repeated at the top of every printed page and frozen on screen, e.g. 2 for a title and a header row */
  headerRows: number
  orientation?: 'landscape' | 'portrait'
  /** the footer's centre text; &P is the page, &N the number of pages */
  footer?: string
}

/** A4, fitted to the page width (as many pages tall as needed), header rows repeated and frozen, page numbers in the footer. */
export function applyPrintLayout(ws: ExcelJS.Worksheet, layout: PrintLayout): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.headerRows, topLeftCell: `A${layout.headerRows + 1}` }]
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: layout.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `1:${layout.headerRows}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  }
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${layout.footer ?? '第 &P 页，共 &N 页'}` }
}
