import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks, type TaskRow } from '../../electron/core/tasks/service'
import { setTaskLink } from '../../electron/core/tasks/drawer'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { reviewReport } from '../../electron/core/reports/review'
import { leaderDashboard } from '../../electron/core/dashboards/leader'
import type { Ctx } from '../../electron/core/context'

// Issue 16, item 5: an accepted 关联任务 lets one report count for both, in the dashboard's as-of figures too.
let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let rows: TaskRow[]

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  planId = (await listPlans(office))[0].id
  rows = await listTasks(office, { planId })
})
afterAll(() => t.cleanup())

const task = (list: string, number: number) => rows.find((r) => r.listName.includes(list) && r.number === number)!

/** the dashboard's figures for these tasks, as of a day */
async function asOf(day: string, ids: number[]) {
  const d = await leaderDashboard(office, { planId, asOf: day })
  return ids.map((id) => {
    const p = d.livelihood.tasks.find((x) => x.taskId === id)
    return p ? { actualPct: p.actualPct, status: p.status } : null
  })
}

describe('the twin rule on the dashboard’s as-of snapshot', () => {
  it('counts an accepted twin’s approved report for both tasks, as the live views do for the same day', async () => {
    const points = task('工作要点', 45)
    const livelihood = task('民生', 12)
    expect(livelihood.actualPct).toBeLessThan(100)
    const before = await asOf('2021-07-20', [livelihood.id])
    expect(before[0]!.actualPct).toBe(livelihood.actualPct)

    await setTaskLink(office, { taskId: livelihood.id, twinId: points.id, accept: true })
    const live = (await listTasks(office, { planId })).find((r) => r.id === livelihood.id)!
    expect(live.actualPct).toBe(100)
    const [snap] = await asOf('2021-07-20', [livelihood.id])
    expect(snap).toEqual({ actualPct: live.actualPct, status: live.status })

    // the whole livelihood panel agrees with the live list, task by task
    const d = await leaderDashboard(office, { planId, asOf: '2021-07-20' })
    const liveRows = await listTasks(office, { planId })
    for (const p of d.livelihood.tasks) {
      const r = liveRows.find((x) => x.id === p.taskId)!
      expect({ id: p.taskId, pct: p.actualPct, status: p.status }).toEqual({ id: r.id, pct: r.actualPct, status: r.status })
    }
  })

  it('counts the twin’s report only from the day it was approved', async () => {
    const points = task('工作要点', 23)
    const livelihood = task('民生', 2)
    await setTaskLink(office, { taskId: points.id, twinId: livelihood.id, accept: true })
    const linked = (await listTasks(office, { planId })).find((r) => r.id === livelihood.id)!
    expect(linked.actualPct).toBeGreaterThan(livelihood.actualPct) // the twin's earlier approved report already counts
    const sent = await submitReport(scjg, { taskId: points.id, percent: 93, progress: '已基本完成', revision: null })
    await reviewReport(office, { reportId: sent.id, decision: 'approve' })
    t.clock.set('2021-07-22T10:00:00+08:00')

    const live = (await listTasks(office, { planId })).find((r) => r.id === livelihood.id)!
    expect(live.actualPct).toBe(93)
    const [[dayBefore], [dayOf], [today]] = await Promise.all([
      asOf('2021-07-19', [livelihood.id]),
      asOf('2021-07-20', [livelihood.id]),
      asOf('2021-07-22', [livelihood.id]),
    ])
    expect(dayBefore!.actualPct).toBe(linked.actualPct)
    expect(dayOf!.actualPct).toBe(93)
    expect(today).toEqual({ actualPct: live.actualPct, status: live.status })
    // the task list replayed to a past day uses the same snapshot
    const replayed = (await listTasks(office, { planId, asOf: '2021-07-19' })).find((r) => r.id === livelihood.id)!
    expect(replayed.actualPct).toBe(linked.actualPct)
  })
})
