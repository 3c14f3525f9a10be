import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { smallPlan, type SmallPlan } from './dashboard-fixture'
import { exportForm } from '../../electron/core/exporters/forms/write'
import { confirmForm, previewForm } from '../../electron/core/exporters/forms/service'
import type { Ctx } from '../../electron/core/context'

let f: SmallPlan
let scjg: Ctx
let indicatorId: number

beforeAll(async () => {
  f = await smallPlan()
  scjg = await f.ctx('scjg')
  const ind = await f.t.core.db
    .insertInto('indicators')
    .values({
      plan_id: f.planId,
      task_id: f.tasks.a,
      name: '抽检企业数',
      unit: '家',
      comparator: '>=',
      target_value: 20,
      baseline_value: null,
      baseline_year: null,
      target_year: 2021,
      growth_pct: null,
      source_text: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  indicatorId = ind.id
})
afterAll(() => f.t.cleanup())

/** Exports 市场监管处's July form, lets the test fill or damage it, and returns it as sent back. */
async function filled(edit: (tasks: ExcelJS.Worksheet, indicators: ExcelJS.Worksheet, seal: ExcelJS.Worksheet) => void) {
  const file = await exportForm(scjg, { planId: f.planId, period: '2021-07' })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
  edit(wb.getWorksheet('进展报送')!, wb.getWorksheet('指标实际值')!, wb.getWorksheet('校验')!)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

const fillA = (tasks: ExcelJS.Worksheet, percent: unknown = 70, progress = '七月完成第二轮抽检') => {
  tasks.getCell('C4').value = percent as ExcelJS.CellValue
  tasks.getCell('D4').value = progress
  tasks.getCell('F4').value = '九月开展复查'
}
const reportsNow = () => f.t.core.db.selectFrom('reports').selectAll().where('task_id', 'in', Object.values(f.tasks)).execute()

describe('Excel report forms', () => {
  it('exports only the open tasks the unit leads, with a hidden id column and a sealed, very hidden sheet', async () => {
    const file = await exportForm(scjg, { planId: f.planId, period: '2021-07' })
    expect(file.fileName).toBe('市场监管处2021-07进展报送表.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const tasks = wb.getWorksheet('进展报送')!
    expect(tasks.getCell('B4').value).toBe('开展寄递渠道安全专项检查。') // D is closed, B is only co-operated on
    expect(tasks.getCell('G4').value).toBe(f.tasks.a)
    expect(tasks.getCell('B5').value).toBeNull()
    expect(tasks.getColumn(7).hidden).toBe(true)
    expect(wb.getWorksheet('校验')!.state).toBe('veryHidden')
    expect(wb.getWorksheet('指标实际值')!.getCell('B2').value).toBe('抽检企业数')
  })

  it('previews the change per task, then files exactly one submitted report with its indicator value', async () => {
    const before = await reportsNow()
    const form = await filled((tasks, indicators) => {
      fillA(tasks)
      indicators.getCell('E2').value = 15
    })
    const preview = await previewForm(scjg, { fileBase64: form })
    expect(preview).toMatchObject({ period: '2021-07', unchanged: 0 })
    expect(preview.changes).toEqual([
      expect.objectContaining({
        row: 4,
        taskId: f.tasks.a,
        before: null,
        after: expect.objectContaining({ percent: 70, progress: '七月完成第二轮抽检', indicatorValues: [{ indicatorId, value: 15 }] }),
        fields: ['完成进度', '进展情况', '下步打算', '指标：抽检企业数'],
      }),
    ])
    expect(await reportsNow()).toHaveLength(before.length) // a preview writes nothing

    const { submitted } = await confirmForm(scjg, { fileBase64: form })
    const after = await reportsNow()
    expect(after).toHaveLength(before.length + 1)
    const created = after.find((r) => r.id === submitted[0])!
    expect(created).toMatchObject({ task_id: f.tasks.a, period: '2021-07', percent: 70, status: 'submitted', next_steps: '九月开展复查' })
    const values = await f.t.core.db.selectFrom('indicator_values').selectAll().where('report_id', '=', created.id).execute()
    expect(values.map((v) => [v.indicator_id, v.value])).toEqual([[indicatorId, 15]])
    // Sent again unchanged: nothing to do.
    expect(await previewForm(scjg, { fileBase64: form })).toMatchObject({ changes: [], unchanged: 1 })
  })

  it('refuses a form whose hidden task id was changed to another unit’s task, naming the row', async () => {
    const form = await filled((tasks) => {
      fillA(tasks)
      tasks.getCell('G4').value = f.tasks.c
    })
    await expect(previewForm(scjg, { fileBase64: form })).rejects.toMatchObject({
      code: 'invalid_form',
      message: expect.stringContaining(`第4行：任务编号“${f.tasks.c}”不是本单位牵头的任务`),
    })
  })

  it('refuses a form whose sealed period was edited', async () => {
    const form = await filled((tasks, _i, seal) => {
      fillA(tasks)
      seal.getCell('B2').value = '2021-06'
    })
    await expect(previewForm(scjg, { fileBase64: form })).rejects.toMatchObject({ message: expect.stringContaining('校验未通过') })
  })

  it('refuses bad values with the row and reason: percent, missing progress, non-numeric indicator', async () => {
    const form = await filled((tasks, indicators) => {
      fillA(tasks, 120, '')
      indicators.getCell('E2').value = '约十五'
    })
    const err = (await previewForm(scjg, { fileBase64: form }).then(
      () => new Error('accepted'),
      (e: Error) => e,
    )) as Error
    expect(err.message).toContain('第4行：完成进度应为0–100的整数')
    expect(err.message).toContain('第4行：请填写进展情况')
    expect(err.message).toContain('指标表第2行：实际值“约十五”必须是数字')
  })

  it('refuses another unit’s form and a file that is not a form', async () => {
    const form = await filled((tasks) => fillA(tasks))
    await expect(previewForm(await f.ctx('pbfw'), { fileBase64: form })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(previewForm(scjg, { fileBase64: Buffer.from('hello').toString('base64') })).rejects.toMatchObject({ code: 'invalid_form' })
    await expect(exportForm(scjg, { planId: f.planId, period: '2021-07', unitId: 3 })).rejects.toMatchObject({ code: 'forbidden' })
  })
})
