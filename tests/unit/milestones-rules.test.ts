import { describe, expect, it } from 'vitest'
import { buildTemplate, validateMilestones } from '../../electron/core/milestones/rules'
import { computeStatus, plannedPercent } from '../../electron/core/tasks/rules'

const points = (t: ReturnType<typeof buildTemplate>) => t.map((m) => ({ dueOn: m.dueOn, plannedPct: m.plannedPct }))

describe('milestone templates', () => {
  it('builds quarterly, half-yearly and year-end milestones for the plan year', () => {
    expect(points(buildTemplate('quarterly', 2021))).toEqual([
      { dueOn: '2021-03-31', plannedPct: 25 },
      { dueOn: '2021-06-30', plannedPct: 50 },
      { dueOn: '2021-09-30', plannedPct: 75 },
      { dueOn: '2021-12-31', plannedPct: 100 },
    ])
    expect(points(buildTemplate('half_yearly', 2022))).toEqual([
      { dueOn: '2022-06-30', plannedPct: 50 },
      { dueOn: '2022-12-31', plannedPct: 100 },
    ])
    expect(points(buildTemplate('year_end', 2021))).toEqual([{ dueOn: '2021-12-31', plannedPct: 100 }])
  })

  it('sorts custom milestones and refuses impossible days, duplicates and falling progress', () => {
    expect(
      buildTemplate('custom', 2021, [
        { dueOn: '2021-10-31', plannedPct: 100, title: ' 完成 ' },
        { dueOn: '2021-05-31', plannedPct: 30, title: '启动' },
      ]).map((m) => m.title),
    ).toEqual(['启动', '完成'])
    expect(() => validateMilestones([{ dueOn: '2021-02-29', plannedPct: 50, title: '' }])).toThrow('不是有效日期')
    expect(() => validateMilestones([])).toThrow('至少')
    expect(() =>
      validateMilestones([
        { dueOn: '2021-06-30', plannedPct: 50, title: '' },
        { dueOn: '2021-06-30', plannedPct: 60, title: '' },
      ]),
    ).toThrow('同一天')
    expect(() => validateMilestones([{ dueOn: '2021-06-30', plannedPct: 101, title: '' }])).toThrow('0到100')
  })
})

describe('planned progress across templates', () => {
  const days = ['2021-03-30', '2021-03-31', '2021-04-01', '2021-06-30', '2021-07-01', '2021-12-31']
  it('steps up on each milestone day, month ends included', () => {
    const q = points(buildTemplate('quarterly', 2021))
    const h = points(buildTemplate('half_yearly', 2021))
    const y = points(buildTemplate('year_end', 2021))
    expect(days.map((d) => plannedPercent(q, d))).toEqual([0, 25, 25, 50, 50, 100])
    expect(days.map((d) => plannedPercent(h, d))).toEqual([0, 0, 0, 50, 50, 100])
    expect(days.map((d) => plannedPercent(y, d))).toEqual([0, 0, 0, 0, 0, 100])
  })

  it('judges the same 40% differently under each template on 1 July', () => {
    const base = { closedAt: null, deadline: '2021-12-31', actualPct: 40, hasReports: true }
    expect(computeStatus({ ...base, milestones: points(buildTemplate('quarterly', 2021)) }, '2021-07-01')).toBe('behind')
    expect(computeStatus({ ...base, milestones: points(buildTemplate('year_end', 2021)) }, '2021-07-01')).toBe('on_track')
    expect(computeStatus({ ...base, milestones: points(buildTemplate('half_yearly', 2021)) }, '2021-06-25')).toBe('due_soon')
  })
})
