/**
 * Tables written as pipe- or tab-separated rows (序号 | 工作任务 | 责任单位 | …), as copied from a
 * web page or a spreadsheet. A run of such rows whose first row is a task header becomes the
 * numbered lines a spreadsheet would; a row with one cell and no number continues the task above
 * (a merged cell). So does a row whose merged 序号 cell was dropped, its cells moved one column
 * left and an empty cell at the end (新增800张…床位 | 810 | 101% | |): a second goal of the task above.
 * Runs without a task header (an 索引号 | … block) are left as they are.
 */
import { readHeader, tableToLines } from '../readers/table'
import type { SourceLine } from './lines'

const cellsOf = (text: string): string[] | null => {
  const sep = text.includes('|') ? '|' : text.includes('\t') ? '\t' : null
  if (!sep || text.split(sep).length < 3) return null
  const cells = text.split(sep).map((c) => c.trim())
  if (sep === '|' && cells[cells.length - 1] === '') cells.pop()
  return cells
}

/** The header numbers its rows in column 0, the task is column 1, and this row starts with text and ends empty. */
function shiftedUnderMergedNumber(cells: string[], header: string[], columns: Partial<Record<string, number>>): boolean {
  return (
    columns.number === 0 &&
    columns.task === 1 &&
    cells.length === header.length &&
    cells[cells.length - 1] === '' &&
    cells[0] !== '' &&
    !/^\d+[、.．]?$/.test(cells[0])
  )
}

export function rebuildPipeTables(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = cellsOf(lines[i].text)
    if (!header || !readHeader(header)) {
      out.push(lines[i])
      continue
    }
    const rows: string[][] = [header]
    const nos: number[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const cells = cellsOf(lines[j].text)
      if (!cells) break
      const filled = cells.filter(Boolean)
      const previous = rows[rows.length - 1]
      const columns = readHeader(header)!
      if (filled.length === 1 && !/^\d+$/.test(cells[0]) && rows.length > 1) {
        const task = columns.task!
        previous[task] = `${previous[task]}，${filled[0]}`
        continue
      }
      if (shiftedUnderMergedNumber(cells, header, columns) && rows.length > 1) {
        // cell k of the row belongs to column k + 1
        cells.slice(0, -1).forEach((c, k) => {
          if (c) previous[k + 1] = previous[k + 1] ? `${previous[k + 1]}，${c}` : c
        })
        continue
      }
      rows.push(cells)
      nos.push(lines[j].no)
    }
    const rebuilt = tableToLines({ name: '', rows }) ?? []
    rebuilt.forEach((text, k) => out.push({ no: nos[k] ?? lines[i].no, text }))
    i = j - 1
  }
  return out
}
