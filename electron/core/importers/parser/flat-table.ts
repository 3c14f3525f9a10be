/**
 * A table flattened to one cell per line, as pasted from a web page or saved from Word:
 *   序号 / 民生实事 / 责任单位 / 完成时限 / 1 / 启动建设… / 县水务局 / 县住建局 / 12月底前 / 2 / …
 * The header is a run of short lines starting with 序号; each row starts with the next number.
 * Rows become the same numbered lines a spreadsheet's rows become, so one parser reads both.
 */
import { readHeader, tableToLines } from '../readers/table'
import type { SourceLine } from './lines'

const NUMBER_HEADER = /^(序号|编号|序)$/
const CELL_BREAK = /[。；;！？]$|^(分享到|打印|关闭|来源|【|扫一扫)/
const UNIT_LIKE = /(局|委|办|中心|政府|院|会|部|处|室|队|所|站|公司|指挥部|馆|街道|镇|乡|管委会|单位|部门|联|行|厅|公安|集团)$/
const DATE_LIKE = /(\d{1,2}\s*月|\d{4}\s*年|季度|年底|年内|长期|持续|前$|底$)/

const isHeaderCell = (t: string) => t.length <= 16 && !/[。，,；;：:]/.test(t) && !/^\d+$/.test(t)
const isUnit = (t: string) => t.length <= 24 && !/[。，,；;：:]/.test(t) && UNIT_LIKE.test(t)
const isDate = (t: string) => t.length <= 24 && !/[。；;]./.test(t) && DATE_LIKE.test(t)

type Role = 'number' | 'task' | 'units' | 'deadline' | 'other'

function rolesOf(header: string[]): Role[] {
  const found = readHeader(header)!
  return header.map((_, i) => {
    if (i === found.number) return 'number'
    if (i === found.task) return 'task'
    if (i === found.lead || i === found.coop) return 'units'
    if (i === found.deadline) return 'deadline'
    return 'other'
  })
}

/** Spreads a row's cells over the columns when it has more or fewer cells than the header. */
function fitRow(number: string, cells: string[], roles: Role[]): string[] {
  const row = roles.map(() => '')
  row[0] = number
  if (cells.length === roles.length - 1) return [number, ...cells]
  let j = 0
  roles.forEach((role, c) => {
    if (c === 0 || j >= cells.length) return
    if (role === 'task') row[c] = cells[j++]
    else if (role === 'units') {
      const units: string[] = []
      while (j < cells.length && isUnit(cells[j])) units.push(cells[j++])
      row[c] = units.join('、')
    } else if (role === 'deadline') {
      if (isDate(cells[j])) row[c] = cells[j++]
    } else if (cells.length - j > roles.length - 1 - c) row[c] = cells[j++]
  })
  // Cells left over are a merged row's second line (开工建设老年大学。 / 12月底前): part of the task.
  const rest = cells.slice(j).filter((t) => !isDate(t) && !isUnit(t))
  const task = roles.indexOf('task')
  if (task > 0 && rest.length > 0) row[task] += rest.join('')
  return row
}

function headerAt(lines: SourceLine[], at: number): string[] | null {
  if (!NUMBER_HEADER.test(lines[at].text)) return null
  const header = [lines[at].text]
  for (let i = at + 1; i < lines.length && header.length < 10; i++) {
    if (!isHeaderCell(lines[i].text)) break
    header.push(lines[i].text)
  }
  return header.length >= 3 && readHeader(header) ? header : null
}

/** Reads the rows after a header; returns them and the index after the table. */
function rowsAfter(lines: SourceLine[], from: number, width: number): { rows: string[][]; end: number; first: number[] } {
  const rows: string[][] = []
  const first: number[] = []
  let i = from
  let expected = 1
  while (i < lines.length && lines[i].text === String(expected)) {
    const start = i
    i++
    // A row runs to the next number; the last row ends where the page goes on (分享到:, a long paragraph).
    let next = i
    while (next < lines.length && next - i <= width * 3 && lines[next].text !== String(expected + 1)) next++
    const last = next >= lines.length || lines[next].text !== String(expected + 1)
    const cells: string[] = []
    while (i < lines.length && (last || i < next)) {
      const t = lines[i].text
      if (/^(分享到|打印|关闭|扫一扫)/.test(t)) break
      if (last && cells.length >= width - 1 && (CELL_BREAK.test(t) || t.length > 60)) break
      cells.push(t)
      i++
    }
    rows.push([String(expected), ...cells])
    first.push(lines[start].no)
    expected++
  }
  return { rows, end: i, first }
}

export function rebuildFlatTables(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i)
    if (!header) {
      out.push(lines[i])
      continue
    }
    const { rows, end, first } = rowsAfter(lines, i + header.length, header.length)
    if (rows.length === 0) {
      out.push(lines[i])
      continue
    }
    const roles = rolesOf(header)
    const fitted = rows.map((r) => fitRow(r[0], r.slice(1), roles))
    const rebuilt = tableToLines({ name: '', rows: [header, ...fitted] }) ?? []
    rebuilt.forEach((text, k) => out.push({ no: first[Math.min(k, first.length - 1)] ?? lines[i].no, text }))
    i = end - 1
  }
  return out
}
