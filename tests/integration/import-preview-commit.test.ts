import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { previewText, previewFile, commitImport } from '../../electron/core/imports/service'
import { listPlans } from '../../electron/core/plans/service'
import { listTasks, getTask } from '../../electron/core/tasks/service'
import { dispatch } from '../../electron/contract/dispatch'
import type { Ctx } from '../../electron/core/context'
import { SUZHOU_TASK_COUNT } from '../support/expected'

const suzhou = readFileSync(resolve(__dirname, '../fixtures/seeds/suzhou-2021-work-points.txt'), 'utf8')
const small = `某某市邮政管理局2022年工作要点
一、加强行业监管
1. 开展寄递渠道安全专项整治。（法规处牵头，协会配合）
2. 推进快递包装绿色治理。（市场监管处牵头）
`

let t: TestCore
let office: Ctx
beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
})
afterAll(() => t.cleanup())

const count = async (table: 'plans' | 'tasks' | 'units' | 'audit_log') =>
  Number(
    (
      await t.core.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('preview before commit', () => {
  it('recognises the Suzhou document as already imported, with nothing changed', async () => {
    const p = await previewText(office, { text: suzhou })
    expect(p.existingPlan?.docNumber).toBe('苏州邮管〔2021〕21号')
    expect(p.diff).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: SUZHOU_TASK_COUNT })
    expect(p.unknownUnits).toEqual([])
    expect(p.aliasMatches).toContainEqual(expect.objectContaining({ name: '协会', unitName: '市快递协会' }))
  })

  it('reads an uploaded file the same way and names the units nobody knows', async () => {
    const p = await previewFile(office, { fileName: '要点.txt', contentBase64: Buffer.from(small).toString('base64') })
    expect(p.existingPlan).toBeNull()
    expect(p.unknownUnits).toEqual(['法规处'])
    expect(p.draft.warnings.filter((w) => w.code === 'unknown_unit')).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('“法规处”不是已登记的单位'),
        at: { list: expect.any(String), number: 1 },
      }),
    ])
    expect(p.draft.lists[0].sections[0].tasks).toHaveLength(2)
    expect(p.text).toContain('寄递渠道安全专项整治')
  })

  it('refuses a unit head', async () => {
    await expect(previewText(await t.ctxAs('scjg'), { text: small })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('refuses an edited draft with an empty task text at the boundary, in Chinese', async () => {
    const token = await login('office')
    const p = await previewText(office, { text: small })
    p.draft.lists[0].sections[0].tasks[0].text = '  '
    const r = await dispatch(
      t.core,
      'imports.commit',
      { draft: p.draft, text: small, sourceName: null, unitMapping: {}, links: [], replacePlanId: null },
      token,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('任务内容不能为空') } })
  })
})

async function login(username: string): Promise<string> {
  const r = await dispatch(t.core, 'auth.login', { username, password: 'Duban2021' }, null)
  if (!r.ok) throw new Error(r.error.message)
  return (r.data as { token: string }).token
}

describe('commit', () => {
  it('writes a new plan with the office’s unit mapping, remembering the mapped name as an alias', async () => {
    const p = await previewText(office, { text: small })
    const units = await t.core.db.selectFrom('units').select(['id', 'name']).execute()
    const market = units.find((u) => u.name === '市场监管处')!
    const result = await commitImport(office, {
      draft: p.draft,
      text: small,
      sourceName: null,
      unitMapping: { 法规处: { unitId: market.id } },
      links: [],
      replacePlanId: null,
    })
    expect(result).toMatchObject({ taskCount: 2, added: 2 })
    const rows = await listTasks(office, { planId: result.planId })
    expect(rows[0].leads.map((u) => u.name)).toEqual(['市场监管处'])
    expect(rows[0].coops.map((u) => u.name)).toEqual(['市快递协会'])
    const again = await previewText(office, { text: small.replace('2022', '2023') })
    expect(again.unknownUnits).toEqual([])
    expect(again.aliasMatches).toContainEqual(expect.objectContaining({ name: '法规处', unitName: '市场监管处' }))
  })

  it('writes nothing when the mapping points at a unit that does not exist', async () => {
    const before = {
      plans: await count('plans'),
      tasks: await count('tasks'),
      units: await count('units'),
      audit: await count('audit_log'),
    }
    const p = await previewText(office, { text: small.replace('2022', '2024') })
    await expect(
      commitImport(office, {
        draft: p.draft,
        text: small,
        sourceName: null,
        unitMapping: { 法规处: { unitId: 9999 } },
        links: [],
        replacePlanId: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid_reference' })
    expect({
      plans: await count('plans'),
      tasks: await count('tasks'),
      units: await count('units'),
      audit: await count('audit_log'),
    }).toEqual(before)
  })

  it('revises an imported plan: unchanged tasks keep their id and reports, changes are audited, removals recorded', async () => {
    const [plan] = (await listPlans(office)).filter((x) => x.docNumber === '苏州邮管〔2021〕21号')
    const rowsBefore = await listTasks(office, { planId: plan.id })
    const wp = (n: number) => rowsBefore.find((r) => r.listName === '工作要点' && r.number === n)!
    const keptId = wp(14).id
    const reportsOfKept = await t.core.db.selectFrom('reports').select('id').where('task_id', '=', keptId).execute()
    expect(reportsOfKept.length).toBeGreaterThan(0)

    const revised = suzhou
      .replace('16. 推动出台中国快递示范城市创建工作方案。', '16. 推动出台中国快递示范城市创建工作方案，6月底前报市政府。')
      .replace(/\n60\. [^\n]*/, '')
    const p = await previewText(office, { text: revised })
    expect(p.diff).toMatchObject({ added: 0, removed: 1, changed: 1 })
    expect(p.diff!.items.find((i) => i.kind === 'changed')).toMatchObject({
      list: '工作要点',
      number: 16,
      changes: ['任务内容', '完成时限'],
    })
    expect(p.diff!.items.find((i) => i.kind === 'removed')).toMatchObject({ list: '工作要点', number: 60, hasReports: true })

    const result = await commitImport(office, {
      draft: p.draft,
      text: revised,
      sourceName: 'v2.txt',
      unitMapping: {},
      links: [],
      replacePlanId: plan.id,
    })
    expect(result).toMatchObject({ planId: plan.id, taskCount: 87, removed: 1, changed: 1, unchanged: 86 })
    const rowsAfter = await listTasks(office, { planId: plan.id })
    expect(rowsAfter).toHaveLength(87)
    expect(rowsAfter.find((r) => r.listName === '工作要点' && r.number === 14)!.id).toBe(keptId)
    expect(await t.core.db.selectFrom('reports').select('id').where('task_id', '=', keptId).execute()).toEqual(reportsOfKept)
    const changed = await getTask(office, { taskId: wp(16).id })
    expect(changed.text).toContain('6月底前报市政府')
    expect(changed.deadline).toBe('2021-06-30')
    expect(changed.history[0]).toMatchObject({ action: 'task.revise' })
    const removal = await t.core.db.selectFrom('audit_log').selectAll().where('action', '=', 'task.remove').executeTakeFirstOrThrow()
    expect(JSON.parse(removal.before_json!)).toMatchObject({ number: 60, list: '工作要点' })
  })
})
