/** Reads a filled report form back and checks it row by row; every refusal names the row and the reason. */
import ExcelJS from 'exceljs'
import type { Db } from '../../db/connection'
import { DubanError } from '../../errors'
import { assertSafeZip } from '../../importers/readers/zipGuard'
import { formSecret, sealMatches } from './sign'
import { col, FIRST_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, SEAL_SHEET, TASK_COLUMNS, TASK_SHEET } from './layout'

export interface FilledRow {
  row: number
  taskId: number
  percent: number
  progress: string
  problems: string
  nextSteps: string
  indicatorValues: { indicatorId: number; value: number; row: number }[]
}

export interface FilledForm {
  unitId: number
  period: string
  planId: number
  rows: FilledRow[]
}

const NOT_OURS = '这不是督办台导出的报送表，或表格结构已被改动，请重新导出后填写'

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return text(v.result as ExcelJS.CellValue)
    if ('text' in v && typeof v.text === 'string') return v.text
    return ''
  }
  return String(v).trim()
}

const UNREADABLE = '无法读取该文件，请上传督办台导出的 Excel 报送表（.xlsx）'

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  try {
    await assertSafeZip(bytes, 'Excel')
  } catch (err) {
    // A zip bomb is named as such; anything else that is not a readable zip is simply not our form.
    if (err instanceof DubanError && err.code === 'unsafe_archive') throw err
    throw new DubanError('invalid_form', UNREADABLE)
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new DubanError('invalid_form', UNREADABLE)
  }
  return wb
}

export async function readForm(
  db: Db,
  fileBase64: string,
  leadTasks: (unitId: number, planId: number, period: string) => Promise<Set<number>>,
): Promise<FilledForm> {
  const wb = await load(Buffer.from(fileBase64, 'base64'))
  const tasks = wb.getWorksheet(TASK_SHEET)
  const indicators = wb.getWorksheet(INDICATOR_SHEET)
  const seal = wb.getWorksheet(SEAL_SHEET)
  if (!tasks || !indicators || !seal) throw new DubanError('invalid_form', NOT_OURS)
  const sealValue = (row: number) => text(seal.getCell(row, 2).value)
  const unitId = Number(sealValue(1))
  const period = sealValue(2)
  const planId = Number(sealValue(3))
  const signature = sealValue(4)

  const errors: string[] = []
  const own = await leadTasks(unitId, planId, period)
  const rows: FilledRow[] = []
  const taskIds: number[] = []
  for (let r = FIRST_ROW; r <= tasks.rowCount; r++) {
    const cell = (key: string) => text(tasks.getCell(r, col(TASK_COLUMNS, key)).value)
    const rawId = cell('taskId')
    if (!rawId && !cell('text')) continue
    const taskId = Number(rawId)
    taskIds.push(taskId)
    if (!Number.isInteger(taskId) || !own.has(taskId)) {
      errors.push(`第${r}行：任务编号“${rawId}”不是本单位牵头的任务，表格可能被改动`)
      continue
    }
    const [percentText, progress, problems, nextSteps] = ['percent', 'progress', 'problems', 'nextSteps'].map(cell)
    if (!percentText && !progress && !problems && !nextSteps) continue // not filled in: no report for this task
    const percent = Number(percentText.replace(/%$/, ''))
    if (!percentText || !Number.isInteger(percent) || percent < 0 || percent > 100) errors.push(`第${r}行：完成进度应为0–100的整数`)
    if (!progress) errors.push(`第${r}行：请填写进展情况`)
    rows.push({ row: r, taskId, percent, progress, problems, nextSteps, indicatorValues: [] })
  }

  const indicatorIds: number[] = []
  const owners = new Map<number, number>()
  const planIndicators = await db.selectFrom('indicators').select(['id', 'task_id']).where('plan_id', '=', planId).execute()
  for (const i of planIndicators) if (i.task_id !== null) owners.set(i.id, i.task_id)
  for (let r = 2; r <= indicators.rowCount; r++) {
    const idText = text(indicators.getCell(r, col(INDICATOR_COLUMNS, 'indicatorId')).value)
    if (!idText) continue
    const indicatorId = Number(idText)
    indicatorIds.push(indicatorId)
    const raw = text(indicators.getCell(r, col(INDICATOR_COLUMNS, 'value')).value)
    if (!raw) continue
    const value = Number(raw)
    if (!Number.isFinite(value)) {
      errors.push(`指标表第${r}行：实际值“${raw}”必须是数字`)
      continue
    }
    const row = rows.find((x) => x.taskId === owners.get(indicatorId))
    if (!row) errors.push(`指标表第${r}行：所属任务未填写本期进展，指标实际值不能单独导入`)
    else row.indicatorValues.push({ indicatorId, value, row: r })
  }

  if (errors.length === 0 && !sealMatches(await formSecret(db), { unitId, period, taskIds, indicatorIds }, signature))
    errors.push('校验未通过：表格中的任务、指标或隐藏信息被改动，或不是本系统为该单位导出的表，请重新导出后填写')
  if (errors.length) throw new DubanError('invalid_form', `报送表有误，未导入：\n${errors.slice(0, 20).join('\n')}`)
  return { unitId, period, planId, rows }
}
