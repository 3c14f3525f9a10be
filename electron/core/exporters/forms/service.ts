/** Excel report forms: preview what a filled form would change, then file it as normal progress reports. */
import { inTransaction } from '../../audit/service'
import type { Ctx } from '../../context'
import { DubanError, denied } from '../../errors'
import { requireRole } from '../../users/rules'
import { submitReport } from '../../reports/service'
import { REPORT_STATUS_LABELS } from '../../reports/rules'
import { readForm, type FilledForm, type FilledRow } from './read'
import { formTasks, type FormTask } from './tasks'

export interface FormChange {
  row: number
  taskId: number
  number: number
  /** 重点3, 要点15, 民生5-2: how the preview names the task */
  code: string
  text: string
  before: { percent: number; progress: string; problems: string; nextSteps: string; status: string } | null
  after: {
    percent: number
    progress: string
    problems: string
    nextSteps: string
    indicatorValues: { indicatorId: number; value: number }[]
  }
  /** which fields differ, in the office's words */
  fields: string[]
}

export interface FormPreview {
  unitId: number
  period: string
  changes: FormChange[]
  unchanged: number
}

async function checked(ctx: Ctx, fileBase64: string): Promise<{ form: FilledForm; tasks: FormTask[] }> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  let tasks: FormTask[] = []
  const form = await readForm(ctx.db, fileBase64, async (unitId, planId, period) => {
    if (unitId !== actor.unitId) throw denied('该报送表属于其他单位，只能导入本处室的报送表')
    tasks = await formTasks(ctx.db, planId, unitId, period)
    return new Set(tasks.map((t) => t.taskId))
  })
  return { form, tasks }
}

function diff(r: FilledRow, t: FormTask): string[] {
  const before = t.current
  const fields: string[] = []
  if (!before || before.percent !== r.percent) fields.push('完成进度')
  if (!before || before.progress !== r.progress) fields.push('进展情况')
  if ((before?.problems ?? '') !== r.problems) fields.push('存在问题')
  if ((before?.nextSteps ?? '') !== r.nextSteps) fields.push('下步打算')
  for (const v of r.indicatorValues) {
    const i = t.indicators.find((x) => x.indicatorId === v.indicatorId)
    if (i && i.current !== v.value) fields.push(`指标：${i.name}`)
  }
  return fields
}

export async function previewForm(ctx: Ctx, input: { fileBase64: string }): Promise<FormPreview> {
  const { form, tasks } = await checked(ctx, input.fileBase64)
  const changes: FormChange[] = []
  const blocked: string[] = []
  let unchanged = 0
  for (const r of form.rows) {
    const t = tasks.find((x) => x.taskId === r.taskId)
    if (!t) {
      blocked.push(`第${r.row}行：该任务已销号，无需再报送`)
      continue
    }
    const fields = diff(r, t)
    if (fields.length === 0) {
      unchanged++
      continue
    }
    if (t.current && (t.current.status === 'submitted' || t.current.status === 'approved'))
      blocked.push(`第${r.row}行：该任务本期报送${REPORT_STATUS_LABELS[t.current.status as 'submitted']}，不能再用报送表覆盖`)
    changes.push({
      row: r.row,
      taskId: t.taskId,
      number: t.number,
      code: t.code,
      text: t.text,
      before: t.current && { ...t.current },
      after: {
        percent: r.percent,
        progress: r.progress,
        problems: r.problems,
        nextSteps: r.nextSteps,
        indicatorValues: r.indicatorValues.map(({ indicatorId, value }) => ({ indicatorId, value })),
      },
      fields,
    })
  }
  if (blocked.length) throw new DubanError('invalid_form', `报送表有误，未导入：\n${blocked.join('\n')}`)
  return { unitId: form.unitId, period: form.period, changes, unchanged }
}

/** Each changed row becomes a submitted report through the reports service, as if typed in the app. */
export async function confirmForm(ctx: Ctx, input: { fileBase64: string }): Promise<{ submitted: number[] }> {
  const preview = await previewForm(ctx, input)
  // One transaction for the whole form: a row that fails leaves none of the others submitted.
  return inTransaction(ctx, async (trx) => {
    const inForm: Ctx = { ...ctx, db: trx }
    const submitted: number[] = []
    for (const c of preview.changes) {
      const r = await submitReport(inForm, {
        taskId: c.taskId,
        period: preview.period,
        percent: c.after.percent,
        progress: c.after.progress,
        problems: c.after.problems,
        nextSteps: c.after.nextSteps,
        indicatorValues: c.after.indicatorValues.length ? c.after.indicatorValues : undefined,
      })
      submitted.push(r.id)
    }
    return { submitted }
  })
}
