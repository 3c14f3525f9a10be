/** One Excel report form per unit and period: its open lead tasks, its indicators, and a hidden seal. */
import ExcelJS from 'exceljs'
import type { Ctx } from '../../context'
import { DubanError, denied, notFound } from '../../errors'
import { requireActor } from '../../users/rules'
import { PERIOD } from '../../reports/rules'
import { latestPlanId } from '../../reminders/service'
import { cnMonth, sheetName, toExported, type ExportedFile } from '../common'
import { applyPrintLayout, fitRowHeights } from '../sheetLayout'
import { formSecret, signSeal } from './sign'
import { FIRST_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, SEAL_SHEET, SHEET_PASSWORD, TASK_COLUMNS, TASK_SHEET } from './layout'
import { formTasks, type FormTask } from './tasks'

export interface FormExportInput {
  period: string
  /** office and admin choose the unit; unit people always get their own */
  unitId?: number
  planId?: number
}

export async function formUnit(ctx: Ctx, unitId: number | undefined): Promise<number> {
  const actor = requireActor(ctx.actor)
  if (actor.role === 'unit_head' || actor.role === 'unit_staff') {
    if (actor.unitId === null) throw denied('您的账号未关联处室')
    if (unitId !== undefined && unitId !== actor.unitId) throw denied('只能导出本处室的报送表')
    return actor.unitId
  }
  if (actor.role !== 'admin' && actor.role !== 'office') throw denied()
  if (unitId === undefined) throw new DubanError('invalid_input', '请选择要导出报送表的单位')
  return unitId
}

const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(
  (['top', 'left', 'bottom', 'right'] as const).map((k) => [k, { style: 'thin' as const }]),
)

function header(ws: ExcelJS.Worksheet, row: number, titles: readonly string[]) {
  const r = ws.getRow(row)
  r.values = [...titles]
  r.eachCell((c) => {
    c.font = { name: '黑体', size: 11 }
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
    c.border = BORDER
  })
}

function taskSheet(wb: ExcelJS.Workbook, unitName: string, period: string, tasks: FormTask[]) {
  const ws = wb.addWorksheet(TASK_SHEET)
  applyPrintLayout(ws, { headerRows: FIRST_ROW - 1, orientation: 'landscape' })
  ws.columns = TASK_COLUMNS.map((c) => ({ width: c.width }))
  ws.mergeCells(1, 1, 1, TASK_COLUMNS.length - 1)
  ws.getCell(1, 1).value = `${sheetName(unitName)} ${cnMonth(period)}工作任务进展报送表`
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 16, bold: true }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.getCell(2, 1).value = `报送单位：${unitName}    报送期次：${period}    （只填写白色单元格；请勿增删行或修改任务编号）`
  header(
    ws,
    3,
    TASK_COLUMNS.map((c) => c.header),
  )
  for (const t of tasks) {
    const row = ws.addRow([
      t.code,
      t.text,
      t.current?.percent ?? null,
      t.current?.progress ?? '',
      t.current?.problems ?? '',
      t.current?.nextSteps ?? '',
      t.taskId,
    ])
    row.eachCell({ includeEmpty: true }, (c, n) => {
      c.border = BORDER
      c.alignment = { vertical: 'middle', horizontal: n === 1 || n === 3 ? 'center' : undefined, wrapText: true }
      if (n >= 3 && n <= 6) c.protection = { locked: false }
    })
    row.getCell(3).dataValidation = {
      type: 'whole',
      operator: 'between',
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      error: '完成进度应为0–100的整数',
    }
  }
  ws.getColumn(TASK_COLUMNS.length).hidden = true
  fitRowHeights(ws, 1)
  return ws
}

function indicatorSheet(wb: ExcelJS.Workbook, tasks: FormTask[]) {
  const ws = wb.addWorksheet(INDICATOR_SHEET)
  applyPrintLayout(ws, { headerRows: 1, orientation: 'landscape' })
  ws.columns = INDICATOR_COLUMNS.map((c) => ({ width: c.width }))
  header(
    ws,
    1,
    INDICATOR_COLUMNS.map((c) => c.header),
  )
  for (const t of tasks)
    for (const i of t.indicators) {
      const row = ws.addRow([t.code, i.name, i.unit, i.target, i.current, i.indicatorId])
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = BORDER
        c.alignment = { vertical: 'middle', wrapText: true }
      })
      row.getCell(5).protection = { locked: false }
    }
  ws.getColumn(INDICATOR_COLUMNS.length).hidden = true
  fitRowHeights(ws, 1)
  return ws
}

export async function exportForm(ctx: Ctx, input: FormExportInput): Promise<ExportedFile> {
  const unitId = await formUnit(ctx, input.unitId)
  if (!PERIOD.test(input.period)) throw new DubanError('invalid_input', '报送期次格式应为 YYYY-MM')
  const unit = await ctx.db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst()
  if (!unit) throw notFound('该单位')
  const planId = input.planId ?? (await latestPlanId(ctx))
  if (planId === null) throw new DubanError('not_found', '还没有导入任何工作要点文件')
  const tasks = await formTasks(ctx.db, planId, unitId, input.period)
  if (tasks.length === 0) throw new DubanError('not_found', `${unit.name}在该文件中没有需要报送的牵头任务`)

  const wb = new ExcelJS.Workbook()
  wb.creator = '督办台'
  const sheets = [taskSheet(wb, unit.name, input.period, tasks), indicatorSheet(wb, tasks)]
  const seal = {
    unitId,
    period: input.period,
    taskIds: tasks.map((t) => t.taskId),
    indicatorIds: tasks.flatMap((t) => t.indicators.map((i) => i.indicatorId)),
  }
  const sealSheet = wb.addWorksheet(SEAL_SHEET, { state: 'veryHidden' })
  sealSheet.addRow(['unitId', seal.unitId])
  sealSheet.addRow(['period', seal.period])
  sealSheet.addRow(['planId', planId])
  sealSheet.addRow(['signature', signSeal(await formSecret(ctx.db), seal)])
  for (const ws of [...sheets, sealSheet])
    await ws.protect(SHEET_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true })
  return toExported(`${unit.name}${input.period}进展报送表.xlsx`, new Uint8Array(await wb.xlsx.writeBuffer()))
}
