import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallPlan, type SmallPlan } from './dashboard-fixture'
import { dashboardAnalysis, leaderDashboard } from '../../electron/core/dashboards/leader'
import type { Ctx } from '../../electron/core/context'

let f: SmallPlan
let leader: Ctx
const count = (byStatus: { status: string; count: number }[], s: string) => byStatus.find((x) => x.status === s)!.count

beforeAll(async () => {
  f = await smallPlan()
  leader = await f.ctx('juzhang')
  // A Xinyang-style indicator: 2020 baseline 100, 2025 target, 10% a year; 112 recorded in June 2021.
  const ind = await f.t.core.db
    .insertInto('indicators')
    .values({
      plan_id: f.planId,
      task_id: null,
      name: '快递业务量',
      unit: '亿件',
      comparator: '>=',
      target_value: 161.05,
      baseline_value: 100,
      baseline_year: 2020,
      target_year: 2025,
      growth_pct: 10,
      source_text: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.t.core.db
    .insertInto('indicator_values')
    .values({ indicator_id: ind.id, report_id: null, period: '2021-06', value: 112, recorded_at: '2021-06-29T02:00:00.000Z' })
    .execute()
})
afterAll(() => f.t.cleanup())

describe('leader dashboard on the small plan', () => {
  it('on 2021-06-30 counts 1 done, 1 on track, 2 behind, with averages from approved reports only', async () => {
    const d = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-06-30' })
    expect(d.overall).toMatchObject({ total: 4, done: 1, doneRate: 25, avgActualPct: 47.5, avgPlannedPct: 50 })
    expect(count(d.overall.byStatus, 'on_track')).toBe(1)
    expect(count(d.overall.byStatus, 'behind')).toBe(2)
    const [points, livelihood] = d.lists
    expect(points).toMatchObject({ name: '工作要点', total: 3, done: 0 })
    expect(livelihood).toMatchObject({ kind: 'livelihood', total: 1, done: 1, doneRate: 100 })
    expect(d.livelihood.tasks).toEqual([expect.objectContaining({ taskId: f.tasks.d, status: 'done', actualPct: 100 })])
    expect(d.livelihood.tasks[0].latestProgress).toContain('100%')
  })

  it('per unit: tasks led, completion, behind and reporting punctuality (reports sent by the 25th)', async () => {
    const d = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-06-30' })
    const scjg = d.units.find((u) => u.unitName === '市场监管处')!
    const pbfw = d.units.find((u) => u.unitName === '普遍服务处')!
    // Jan–Jun are due, two tasks each: 12 reports. 市场监管处 sent A in March and June and D in June by the 25th: 3/12.
    // 普遍服务处 sent B in March on time; C in April (04-26) and B in June (07-05) came late: 1/12.
    expect(scjg).toMatchObject({
      led: 2,
      done: 1,
      completionRate: 50,
      behind: 0,
      punctuality: { periodsDue: 6, due: 12, onTime: 3, rate: 25 },
    })
    expect(pbfw).toMatchObject({
      led: 2,
      done: 0,
      completionRate: 0,
      behind: 2,
      punctuality: { periodsDue: 6, due: 12, onTime: 1, rate: 8.3 },
    })
    // every status counted per unit, so a chart never derives one status from the others
    expect(pbfw.byStatus).toEqual({ done: 0, on_track: 0, not_started: 0, due_soon: 0, behind: 2, overdue: 0 })
    expect(Object.values(scjg.byStatus).reduce((a, b) => a + b, 0)).toBe(scjg.led)
  })

  it('per section: average actual against planned, with drill-down keys', async () => {
    const d = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-06-30' })
    const first = d.sections.find((s) => s.label.includes('强化行业监管'))!
    const second = d.sections.find((s) => s.label.includes('优化公共服务'))!
    expect(first).toMatchObject({ total: 2, avgActualPct: 40, avgPlannedPct: 50, gap: -10, behind: 1 })
    expect(second).toMatchObject({ total: 1, avgActualPct: 10, avgPlannedPct: 50, gap: -40 })
    expect(typeof first.sectionId).toBe('number')
    expect(first.listId).toBe(d.lists[0].listId)
  })

  it('replays the month-end trend from the history and leaves later months empty', async () => {
    const d = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-06-30' })
    const at = (p: string) => d.trend.find((x) => x.period === p)!
    expect(d.trend).toHaveLength(12)
    expect(at('2021-02')).toMatchObject({ plannedPct: 0, actualPct: 0 })
    expect(at('2021-03')).toMatchObject({ plannedPct: 25, actualPct: 12.5, done: 0 })
    expect(at('2021-04')).toMatchObject({ plannedPct: 25, actualPct: 15 })
    expect(at('2021-06')).toMatchObject({ plannedPct: 50, actualPct: 47.5, done: 1 })
    expect(at('2021-07')).toMatchObject({ plannedPct: 50, actualPct: null, done: null })
  })

  it('moves the as-of date back: a task closed later is still open, a report approved later does not count', async () => {
    const april = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-04-15' })
    expect(april.overall).toMatchObject({ done: 0, avgActualPct: 12.5 })
    expect(count(april.overall.byStatus, 'behind')).toBe(3)
    expect(count(april.overall.byStatus, 'on_track')).toBe(1)
    const march = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-03-25' })
    expect(count(march.overall.byStatus, 'due_soon')).toBe(3)
    expect(count(march.overall.byStatus, 'on_track')).toBe(1)
    // On 2021-07-20 B's late June report (40%) has been approved: it is no longer behind.
    const now = await leaderDashboard(leader, { planId: f.planId })
    expect(now.asOf).toBe('2021-07-20')
    expect(now.overall.avgActualPct).toBe(52.5)
  })

  it('shows indicators against target and the multi-year trajectory baseline × (1+g)^k', async () => {
    const d = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-06-30' })
    const ind = d.indicators.find((i) => i.name === '快递业务量')!
    expect(ind.latest).toEqual({ value: 112, period: '2021-06' })
    expect(ind.attainment).toBe(69.5)
    expect(ind.trajectory!.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025])
    expect(ind.trajectory![1]).toEqual({ year: 2021, planned: 110, actual: 112 })
    expect(ind.trajectory![5].planned).toBe(161.05)
    const before = await leaderDashboard(leader, { planId: f.planId, asOf: '2021-04-15' })
    expect(before.indicators.find((i) => i.name === '快递业务量')!.latest).toBeNull()
  })

  it('gives unit people their own unit only, and refuses a future as-of date', async () => {
    const scjg = await leaderDashboard(await f.ctx('scjg'), { planId: f.planId, asOf: '2021-06-30' })
    expect(scjg.scopeUnitId).not.toBeNull()
    expect(scjg.overall.total).toBe(3) // A, D led and B co-operated on
    expect(scjg.units.map((u) => u.unitName)).toEqual(['市场监管处'])
    await expect(leaderDashboard(leader, { planId: f.planId, asOf: '2021-08-01' })).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

describe('analysis', () => {
  it('gives shares by section, unit and status, and the closure-time distribution', async () => {
    const a = await dashboardAnalysis(leader, { planId: f.planId, asOf: '2021-06-30' })
    expect(a.total).toBe(4)
    expect(a.byStatus.find((s) => s.key === 'behind')).toMatchObject({ count: 2, share: 50 })
    expect(a.byUnit.map((u) => [u.label, u.count, u.share])).toEqual([
      ['市场监管处', 2, 50],
      ['普遍服务处', 2, 50],
    ])
    expect(a.bySection.find((s) => s.label.includes('强化行业监管'))).toMatchObject({ count: 2, share: 50 })
    // D: issued 2021-01-05, closed 2021-06-28 → 174 days
    expect(a.closure).toMatchObject({ closed: 1, medianDays: 174 })
    expect(a.closure.buckets.find((b) => b.key === 'le180')).toMatchObject({ count: 1, taskIds: [f.tasks.d] })
  })
})
