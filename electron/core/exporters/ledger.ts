/** 台账: the Excel register of a plan as of a day, one sheet per list, laid out for A4 landscape printing. */
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import { instantAt } from '../calendar/dates'
import { STATUS_LABELS, STATUS_LIGHT } from '../tasks/rules'
import { dashboardSnapshot } from '../dashboards/leader'
import type { PlanSnapshot, SnapshotTask } from '../dashboards/snapshot'
import { bureauName } from '../settings/bureau'
import { bureauOf, cnDate, requireExporter, sheetName, toExported, type ExportedFile } from './common'
import { applyPrintLayout, fitRowHeights } from './sheetLayout'

export const LEDGER_COLUMNS = [
  { header: '编号', width: 9 },
  { header: '工作任务', width: 46 },
  { header: '牵头单位', width: 14 },
  { header: '配合单位', width: 14 },
  { header: '分管领导', width: 12 },
  { header: '完成时限', width: 12 },
  { header: '进展情况', width: 46 },
  { header: '完成进度', width: 10 },
  { header: '状态', width: 10 },
] as const

const FONT = '宋体'
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })
const LIGHT_FILL = { green: 'FFE2F0D9', yellow: 'FFFFF2CC', red: 'FFF8CBAD', grey: 'FFEDEDED' } as const

export function ledgerTitle(s: PlanSnapshot, listName: string): string {
  const year = s.plan.year ?? Number(s.asOf.slice(0, 4))
  return `${bureauOf(s.plan.issuer)}${year}年${listName}落实情况台账（截至${cnDate(s.asOf)}）`
}

function taskRow(t: SnapshotTask): (string | number)[] {
  return [
    t.code,
    t.text,
    t.leads.map((u) => u.name).join('、'),
    t.coops.map((u) => u.name).join('、'),
    t.leaderName ?? '',
    t.deadlineText ?? (t.dueOn ? cnDate(t.dueOn) : ''),
    t.latest?.progress ?? '',
    t.actualPct / 100,
    STATUS_LABELS[t.status],
  ]
}

function addListSheet(wb: ExcelJS.Workbook, s: PlanSnapshot, list: PlanSnapshot['lists'][number]) {
  const ws = wb.addWorksheet(sheetName(list.name))
  applyPrintLayout(ws, { headerRows: 2, orientation: 'landscape' })
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }))
  const last = LEDGER_COLUMNS.length

  ws.mergeCells(1, 1, 1, last)
  const title = ws.getCell(1, 1)
  title.value = ledgerTitle(s, list.name)
  title.font = { name: '方正小标宋简体', size: 18, bold: true }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 40

  const header = ws.getRow(2)
  header.values = LEDGER_COLUMNS.map((c) => c.header)
  header.height = 24
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true }
    cell.fill = fill('FFD9E1F2')
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
  })

  const tasks = s.tasks.filter((t) => t.listId === list.id)
  let section: number | null = null
  for (const t of tasks) {
    // A list printed without headings (重点工作) has one untitled section: it gets no heading row.
    if (t.sectionHeading !== null && t.sectionId !== section) {
      section = t.sectionId
      const row = ws.addRow([t.sectionHeading])
      ws.mergeCells(row.number, 1, row.number, last)
      const cell = row.getCell(1)
      cell.font = { name: '黑体', size: 11, bold: true }
      cell.fill = fill('FFF2F2F2')
      cell.alignment = { vertical: 'middle' }
      for (let c = 1; c <= last; c++) row.getCell(c).border = BORDER
    }
    const row = ws.addRow(taskRow(t))
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: FONT, size: 10.5 }
      cell.border = BORDER
      const centred = col === 1 || (col >= 5 && col !== 7)
      cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true }
    })
    row.getCell(8).numFmt = '0%'
    row.getCell(9).fill = fill(LIGHT_FILL[STATUS_LIGHT[t.status]])
  }
  fitRowHeights(ws, 3)
}

export async function buildLedger(s: PlanSnapshot, zone: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '督办台'
  wb.created = instantAt(s.asOf, '00:00', zone)
  for (const list of s.lists) addListSheet(wb, s, list)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export async function exportLedger(ctx: Ctx, input: { planId?: number; asOf?: string }): Promise<ExportedFile> {
  requireExporter(ctx)
  const snapshot = await dashboardSnapshot(ctx, input)
  // Titled with the bureau's own name (本局信息); the plan's issuer only until it is set.
  const s = { ...snapshot, plan: { ...snapshot.plan, issuer: await bureauName(ctx, snapshot.plan.issuer) } }
  const year = s.plan.year ?? s.asOf.slice(0, 4)
  return toExported(`${bureauOf(s.plan.issuer)}${year}年工作落实情况台账（截至${s.asOf}）.xlsx`, await buildLedger(s, ctx.clock.timeZone))
}
