import { detectListHeading } from '../parser/lists'
import { numberToChinese, parseMarker } from '../parser/numbering'
import { readerErrors } from './errors'

/** One table as read from a sheet, a CSV file or a Word table: rows of cell texts. */
export interface SheetTable {
  name: string
  rows: string[][]
}

type Column = 'number' | 'task' | 'lead' | 'coop' | 'deadline' | 'category'

// Order matters: 牵头单位 must not be taken for a task column, 项目类别 not for a task.
const COLUMN_PATTERNS: [Column, RegExp][] = [
  ['number', /^(序号|编号|序|项次|No\.?|NO\.?)$/],
  ['lead', /牵头|责任(单位|处室|部门)|主办|主责|负责(单位|处室|部门)/],
  ['coop', /配合|协办|参与|协同/],
  ['deadline', /时限|完成时间|时间节点|完成期限|进度安排|时间安排|完成时间节点/],
  ['category', /类别|板块|领域|分类|方面/],
  ['task', /任务|工作内容|工作事项|工作措施|重点工作|实事|项目|内容|事项|目标/],
]

const clean = (s: string) => s.replace(/\s*\n\s*/g, '').trim()

/** Which column holds what, or null when the row is not a task header. */
export function readHeader(row: string[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {}
  row.forEach((raw, i) => {
    const cell = raw.replace(/\s/g, '')
    if (!cell || cell.length > 12) return
    const hit = COLUMN_PATTERNS.find(([, re]) => re.test(cell))
    if (hit && found[hit[0]] === undefined) found[hit[0]] = i
  })
  if (found.task === undefined) return null
  return found.lead !== undefined || found.number !== undefined ? found : null
}

const isIndicatorHeader = (row: string[]) => row.some((c) => /指标/.test(c)) && row.filter((c) => /\d{4}\s*年/.test(c)).length >= 1
const distinct = (row: string[]) => [...new Set(row.map(clean).filter(Boolean))]

function numberOf(cell: string): number | null {
  const c = cell.trim().replace(/[、.．]$/, '')
  const m = parseMarker(`${c}、x`)
  if (m && m.rest === 'x') return m.value
  return /^\d{1,4}$/.test(c) ? Number(c) : null
}

function taskLine(n: number, text: string, lead: string, coop: string, deadline: string): string {
  const marker = parseMarker(text)
  const body = marker && marker.kind === 'arabic' ? marker.rest : text
  const roles = [lead && `牵头单位：${lead}`, coop && `配合单位：${coop}`].filter(Boolean).join('；')
  return `${n}. ${body}${roles ? `（${roles}）` : ''}${deadline ? `（完成时限：${deadline}）` : ''}`
}

/** Task rows below a header → numbered lines the text parser reads. */
function taskLines(rows: string[][], header: Partial<Record<Column, number>>): string[] {
  const cell = (row: string[], c: Column) => (header[c] === undefined ? '' : clean(row[header[c]!] ?? ''))
  const lines: string[] = []
  let counter = 0
  let sectionCount = 0
  let lastTask = ''
  let lastCategory = ''
  for (const row of rows) {
    const values = distinct(row)
    if (values.length === 0) continue
    const task = cell(row, 'task')
    const number = numberOf(cell(row, 'number'))
    const merged = values.length === 1 && row.filter((c) => clean(c)).length > 1
    const lone = values.length === 1 && number === null && values[0].length <= 40
    // A row merged across the columns, or one short lone cell without a number, is a section heading.
    if ((merged || lone || (number === null && !task)) && values[0] !== lastTask) {
      const title = values[0]
      lines.push(parseMarker(title) ? title : `${numberToChinese(++sectionCount)}、${title}`)
      continue
    }
    if (!task || task === lastTask) continue
    const category = cell(row, 'category')
    if (category && category !== lastCategory) {
      lines.push(parseMarker(category) ? category : `${numberToChinese(++sectionCount)}、${category}`)
      lastCategory = category
    }
    counter = number ?? counter + 1
    lastTask = task
    lines.push(taskLine(counter, task, cell(row, 'lead'), cell(row, 'coop'), cell(row, 'deadline')))
  }
  return lines
}

/**
 * One table → lines: the title rows above the header, then sections and numbered tasks.
 * Indicator tables (指标 | 2020年 | 2025年目标值 …) keep their rows as space-separated lines.
 * Returns null when the table has neither kind of header.
 */
export function tableToLines(table: SheetTable): string[] | null {
  const rows = table.rows.map((r) => r.map((c) => (c ?? '').toString()))
  const limit = Math.min(rows.length, 30)
  for (let i = 0; i < limit; i++) {
    const above = rows
      .slice(0, i)
      .map((r) => distinct(r).join(' '))
      .filter(Boolean)
    if (isIndicatorHeader(rows[i]))
      return [
        ...above,
        ...rows
          .slice(i)
          .map((r) => r.map(clean).filter(Boolean).join(' '))
          .filter(Boolean),
      ]
    const header = readHeader(rows[i])
    if (!header) continue
    const named = above.some((t) => detectListHeading(t)) || !detectListHeading(table.name) ? [] : [table.name]
    return [...above, ...named, ...taskLines(rows.slice(i + 1), header)]
  }
  return null
}

/** Every table of a workbook or CSV file → one text; refused when none has a recognisable header. */
export function tablesToText(tables: SheetTable[]): string {
  const parts = tables.map(tableToLines).filter((l): l is string[] => l !== null)
  if (parts.length === 0) throw readerErrors.noTable()
  return parts.map((p) => p.join('\n')).join('\n\n')
}
