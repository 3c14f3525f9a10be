import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { getTask, listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { bulkAssign } from '../../electron/core/tasks/bulk'
import { applyTemplate, setMilestones } from '../../electron/core/milestones/service'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let unitIds: Record<string, number>

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  planId = (await listPlans(office))[0].id
  const units = await t.core.db.selectFrom('units').select(['id', 'name']).execute()
  unitIds = Object.fromEntries(units.map((u) => [u.name, u.id]))
})
afterAll(() => t.cleanup())

describe('full-text search', () => {
  it('finds 快递进村 through the trigram index and 快递 (two characters) through the fallback', async () => {
    const village = await listTasks(office, { planId, q: '快递进村' })
    expect(village.length).toBeGreaterThanOrEqual(2)
    for (const r of village) expect(r.text).toContain('快递进村')
    const short = await listTasks(office, { planId, q: '快递' })
    // a lead unit's name still matches too (市快递协会), as before
    for (const r of short) expect(r.text.includes('快递') || r.leads.some((u) => u.name.includes('快递'))).toBe(true)
    expect(short.filter((r) => r.text.includes('快递')).length).toBeGreaterThan(village.length)
    expect(await listTasks(office, { planId, q: '不存在的词语' })).toEqual([])
  })

  it('finds a task by the text of its submitted report, within what the actor may see', async () => {
    const task = (await listTasks(scjg, { planId })).find((r) => !r.closedAt && r.leads.some((u) => u.name === '市场监管处'))!
    expect((await listTasks(office, { planId, q: '无人机投递试点' })).map((r) => r.id)).toEqual([])
    await submitReport(scjg, { taskId: task.id, percent: 60, progress: '开展无人机投递试点，覆盖3个乡镇' })
    expect((await listTasks(office, { planId, q: '无人机投递试点' })).map((r) => r.id)).toEqual([task.id])
    expect((await listTasks(await t.ctxAs('pbfw'), { planId, q: '无人机投递试点' })).map((r) => r.id)).not.toContain(task.id)
  })
})

describe('bulk assignment and milestones', () => {
  it('assigns many tasks at once in one audited transaction, and filters by leader and overdue', async () => {
    const rows = await listTasks(office, { planId })
    const ids = rows
      .filter((r) => !r.closedAt)
      .slice(0, 3)
      .map((r) => r.id)
    const juzhang = (await t.ctxAs('juzhang')).actor!.id
    await bulkAssign(office, { taskIds: ids, coopUnitIds: [unitIds['市快递协会']], leaderId: juzhang, deadline: '2021-07-10' })
    for (const id of ids) {
      const d = await getTask(office, { taskId: id })
      expect(d).toMatchObject({ leaderId: juzhang, deadline: '2021-07-10', status: 'overdue' })
      expect(d.coops.map((u) => u.name)).toEqual(['市快递协会'])
      expect(d.history[0].action).toBe('task.bulkAssign')
    }
    const overdue = await listTasks(office, { planId, overdue: true })
    expect(overdue.map((r) => r.id).sort()).toEqual([...ids].sort())
    expect((await listTasks(office, { planId, leaderId: juzhang })).map((r) => r.id)).toEqual(expect.arrayContaining(ids))
    await expect(bulkAssign(scjg, { taskIds: ids, deadline: null })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(bulkAssign(office, { taskIds: ids, leaderId: scjg.actor!.id })).rejects.toMatchObject({
      message: expect.stringContaining('局领导'),
    })
    await expect(bulkAssign(office, { taskIds: [...ids, 999999], deadline: '2021-01-01' })).rejects.toThrow()
    expect((await getTask(office, { taskId: ids[0] })).deadline).toBe('2021-07-10') // rolled back
  })

  it('applies a half-yearly template in bulk and lets one task be edited', async () => {
    const open = (await listTasks(office, { planId })).filter((r) => !r.closedAt && r.status !== 'overdue').slice(0, 2)
    await applyTemplate(office, { taskIds: open.map((r) => r.id), template: 'half_yearly' })
    const d = await getTask(office, { taskId: open[0].id })
    expect(d.milestones).toEqual([
      { dueOn: '2021-06-30', plannedPct: 50, title: '上半年', expectedEvidence: null },
      { dueOn: '2021-12-31', plannedPct: 100, title: '全年', expectedEvidence: null },
    ])
    expect(d.plannedPct).toBe(50)
    await setMilestones(office, { taskId: open[1].id, milestones: [{ dueOn: '2021-09-15', plannedPct: 80, title: '试点' }] })
    expect((await getTask(office, { taskId: open[1].id })).plannedPct).toBe(0)
    await expect(
      setMilestones(office, {
        taskId: open[1].id,
        milestones: [
          { dueOn: '2021-06-30', plannedPct: 60, title: '' },
          { dueOn: '2021-09-30', plannedPct: 40, title: '' },
        ],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('不能低于') })
    await expect(applyTemplate(scjg, { taskIds: [open[0].id], template: 'year_end' })).rejects.toMatchObject({ code: 'forbidden' })
  })
})
