import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listPlans, getPlan } from '../../electron/core/plans/service'
import { getTask, listTasks } from '../../electron/core/tasks/service'
import { listUnits } from '../../electron/core/units/service'
import { checkDatabase } from '../../electron/cli/check'
import { SUZHOU_TASK_COUNT } from '../support/expected'

let t: TestCore
beforeAll(async () => {
  t = await demoCore()
})
afterAll(() => t.cleanup())

describe('the demo database, built from the Suzhou 2021 document by the real importer', () => {
  it('holds one plan with its doc number, date and three lists of 9, 60 and 19 tasks', async () => {
    const ctx = await t.ctxAs('office')
    const [plan] = await listPlans(ctx)
    expect(plan.docNumber).toBe('苏州邮管〔2021〕21号')
    expect(plan.issuedOn).toBe('2021-04-09')
    expect(plan.taskCount).toBe(SUZHOU_TASK_COUNT)
    const detail = await getPlan(ctx, { planId: plan.id })
    expect(detail.lists.map((l) => [l.name, l.taskCount])).toEqual([
      ['重点工作', 9],
      ['工作要点', 60],
      ['更贴近民生七件实事', 19],
    ])
    expect(detail.lists[1].sections).toHaveLength(6)
    expect(detail.indicators.map((i) => i.name)).toContain('快递业务量')
  })

  it('maps the short name 协会 to the unit 市快递协会 through its alias', async () => {
    const ctx = await t.ctxAs('office')
    const [plan] = await listPlans(ctx)
    const units = await listUnits(ctx)
    const association = units.find((u) => u.name === '市快递协会')!
    expect(association.aliases).toContain('协会')
    expect(units.some((u) => u.name === '协会')).toBe(false)
    const led = await listTasks(ctx, { planId: plan.id, unitId: association.id, unitRole: 'lead' })
    expect(led.filter((r) => r.listName === '工作要点').map((r) => r.number)).toEqual([26, 41, 54])
  })

  it('keeps the lead order of the document: the first is the primary lead', async () => {
    const ctx = await t.ctxAs('office')
    const [plan] = await listPlans(ctx)
    const rows = await listTasks(ctx, { planId: plan.id })
    const item24 = rows.find((r) => r.listName === '工作要点' && r.number === 24)!
    expect(item24.leads.map((u) => u.name)).toEqual(['普遍服务处', '市场监管处'])
  })

  it('gives tasks a mix of statuses on the demo day', async () => {
    const ctx = await t.ctxAs('office')
    const [plan] = await listPlans(ctx)
    const statuses = new Set((await listTasks(ctx, { planId: plan.id })).map((r) => r.status))
    expect(statuses.has('done')).toBe(true)
    expect(statuses.has('behind')).toBe(true)
    expect(statuses.has('on_track')).toBe(true)
  })

  it('gives each task its quantitative targets as indicators to report against', async () => {
    const ctx = await t.ctxAs('office')
    const [plan] = await listPlans(ctx)
    const item45 = (await listTasks(ctx, { planId: plan.id })).find((r) => r.listName === '工作要点' && r.number === 45)!
    const detail = await getTask(ctx, { taskId: item45.id })
    expect(detail.indicators.map((i) => [i.targetValue, i.unit, i.comparator])).toEqual([
      [95, '%', '>='],
      [10, '万个', '='],
      [50, '%', '>='],
      [30, '个', '>='],
    ])
    // the demo's invented reports carry an actual for each target of a task they report on
    expect(detail.indicators.every((i) => (i.latestValue !== null) === detail.actualPct > 0)).toBe(true)
  })

  it('passes the integrity and consistency check', async () => {
    expect(await checkDatabase(t.core)).toEqual([])
  })
})
