/** 督办台账: every 督办单 of a year in one workbook, laid out to print like the other registers (A4 landscape). */
import ExcelJS from 'exceljs'
import type { Ctx } from '../../context'
import { dayIn, instantAt } from '../../calendar/dates'
import { listNotices, type NoticeView } from '../../reminders/service'
import { bureauName } from '../../settings/bureau'
import { cnDate, requireExporter, toExported, type ExportedFile } from '../common'
import { applyPrintLayout, fitRowHeights } from '../sheetLayout'

export const NOTICE_LEDGER_COLUMNS = [
  { header: '督办编号', width: 15 },
  { header: '任务', width: 13 },
  { header: '工作内容', width: 28 },
  { header: '督办单位', width: 12 },
  { header: '督办事项', width: 24 },
  { header: '签发人', width: 11 },
  { header: '下发日期', width: 13 },
  { header: '限期答复', width: 13 },
  { header: '签收', width: 13 },
  { header: '办理情况', width: 30 },
  { header: '状态', width: 9 },
  { header: '升级督办', width: 13 },
] as const

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })
const STATE_FILL: Record<NoticeView['status'], string> = {
  issued: 'FFFFF2CC',
  read: 'FFFFF2CC',
  replied: 'FFDDEBF7',
  returned: 'FFF8CBAD',
  closed: 'FFE2F0D9',
}

/** What the unit answered, and what the office decided, in order. */
function handling(n: NoticeView, zone: string): string {
  const day = (iso: string) => cnDate(dayIn(new Date(iso), zone))
  const lines = n.steps
    .filter((s) => s.action !== 'read')
    .map((s) => {
      const files = s.attachments.length ? `（佐证：${s.attachments.map((a) => a.fileName).join('、')}）` : ''
      if (s.action === 'reply') return `${day(s.at)} 回复：${s.body}${files}`
      if (s.action === 'return') return `${day(s.at)} 退回：${s.body}`
      return `${day(s.at)} 办结${s.body ? `：${s.body}` : ''}`
    })
  return lines.join('\n') || (n.reply ? `回复：${n.reply}` : '')
}

function noticeRow(n: NoticeView, zone: string): string[] {
  const day = (iso: string | null) => (iso ? cnDate(dayIn(new Date(iso), zone)) : '')
  return [
    n.number ?? '',
    n.taskLabel ?? '',
    n.taskText ?? '',
    n.unitName,
    n.issue,
    n.signer ?? '',
    day(n.createdAt),
    n.replyDeadline ? cnDate(n.replyDeadline) : '',
    n.readAt ? day(n.readAt) : '未签收',
    handling(n, zone),
    n.statusLabel,
    n.escalatedTo ? `${n.escalatedTo}（${day(n.escalatedAt)}）` : '',
  ]
}

export async function buildNoticeLedger(title: string, notices: readonly NoticeView[], asOf: string, zone: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '督办台'
  wb.created = instantAt(asOf, '00:00', zone)
  const ws = wb.addWorksheet('督办台账')
  applyPrintLayout(ws, { headerRows: 2, orientation: 'landscape' })
  ws.columns = NOTICE_LEDGER_COLUMNS.map((c) => ({ width: c.width }))
  const last = NOTICE_LEDGER_COLUMNS.length
  ws.mergeCells(1, 1, 1, last)
  const head = ws.getCell(1, 1)
  head.value = title
  head.font = { name: '方正小标宋简体', size: 18, bold: true }
  head.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 40
  const header = ws.getRow(2)
  header.values = NOTICE_LEDGER_COLUMNS.map((c) => c.header)
  header.height = 24
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true }
    cell.fill = fill('FFD9E1F2')
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
  })
  for (const n of notices) {
    const row = ws.addRow(noticeRow(n, zone))
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: '宋体', size: 10.5 }
      cell.border = BORDER
      const left = col === 3 || col === 5 || col === 10
      cell.alignment = { vertical: 'middle', horizontal: left ? 'left' : 'center', wrapText: true }
    })
    row.getCell(11).fill = fill(STATE_FILL[n.status])
  }
  if (notices.length === 0) {
    const row = ws.addRow(['本年度尚未下发督办单'])
    ws.mergeCells(row.number, 1, row.number, last)
    row.getCell(1).alignment = { horizontal: 'center' }
  }
  fitRowHeights(ws, 3)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** The year's 督办台账 (.xlsx), as of today: the office and leaders. */
export async function exportNoticeLedger(ctx: Ctx, input: { year?: number }): Promise<ExportedFile> {
  requireExporter(ctx)
  const today = ctx.clock.today()
  const year = input.year ?? Number(today.slice(0, 4))
  const notices = (await listNotices(ctx, { kind: 'notice', year })).reverse() // by number, first to last
  const title = `${await bureauName(ctx)}${year}年督办台账（截至${cnDate(today)}）`
  return toExported(`${year}年督办台账.xlsx`, await buildNoticeLedger(title, notices, today, ctx.clock.timeZone))
}
