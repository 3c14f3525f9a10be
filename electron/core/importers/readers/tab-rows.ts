import { tableToLines } from './table'

const cellsOf = (line: string) => {
  const cells = line.split('\t').map((c) => c.trim())
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
  return cells
}

/** A line is a table row when a tab separates at least two non-empty cells. */
const isRow = (line: string) => line.includes('\t') && cellsOf(line).filter(Boolean).length >= 2

/**
 * Tables that arrive as tab-separated rows — a Word 97 table read as text, or rows pasted from Excel
 * into a .txt — become the same task lines as a real table. A run of rows with no recognisable header
 * keeps its cells joined by spaces, so no text is lost.
 */
export function tabRowsToLines(text: string): string {
  const lines = text.split(/\r?\n/)
  const out: string[] = []
  for (let i = 0; i < lines.length;) {
    if (!isRow(lines[i])) {
      out.push(lines[i].replace(/\t+/g, ' '))
      i++
      continue
    }
    const rows: string[][] = []
    while (i < lines.length && (isRow(lines[i]) || (lines[i].includes('\t') && cellsOf(lines[i]).length > 0)))
      rows.push(cellsOf(lines[i++]))
    out.push(...(tableToLines({ name: '', rows }) ?? rows.map((r) => r.filter(Boolean).join(' '))))
  }
  return out.join('\n')
}
