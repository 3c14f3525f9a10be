import { describe, expect, it } from 'vitest'
import { computeStatus, plannedPercent, finalDeadline, type StatusInput } from '../../electron/core/tasks/rules'

const quarterly = [
  { dueOn: '2021-03-31', plannedPct: 25 },
  { dueOn: '2021-06-30', plannedPct: 50 },
  { dueOn: '2021-09-30', plannedPct: 75 },
  { dueOn: '2021-12-31', plannedPct: 100 },
]
const task = (over: Partial<StatusInput> = {}): StatusInput => ({
  closedAt: null,
  deadline: null,
  milestones: quarterly,
  actualPct: 0,
  hasReports: false,
  ...over,
})

describe('planned progress follows the milestones as steps', () => {
  it.each([
    ['2021-01-15', 0],
    ['2021-03-30', 0],
    ['2021-03-31', 25],
    ['2021-04-01', 25],
    ['2021-06-30', 50],
    ['2021-12-31', 100],
  ])('on %s the plan expects %i%%', (day, pct) => {
    expect(plannedPercent(quarterly, day)).toBe(pct)
  })

  it('falls back to the last milestone when a task has no deadline of its own', () => {
    expect(finalDeadline({ deadline: null, milestones: quarterly })).toBe('2021-12-31')
    expect(finalDeadline({ deadline: '2021-06-30', milestones: quarterly })).toBe('2021-06-30')
    expect(finalDeadline({ deadline: null, milestones: [] })).toBeNull()
  })
})

describe('status from the clock, milestones and approved progress', () => {
  it('is 已完成 once the office closed the task, even after the deadline', () => {
    expect(computeStatus(task({ closedAt: '2021-06-28T10:00:00Z' }), '2022-01-10')).toBe('done')
  })

  it('is 未开始 before the first milestone with nothing reported', () => {
    expect(computeStatus(task(), '2021-02-01')).toBe('not_started')
  })

  it('does not count a milestone due today as missed', () => {
    expect(computeStatus(task({ actualPct: 0, hasReports: true }), '2021-03-31')).toBe('due_soon')
  })

  it('is 进度滞后 when approved progress is below what a passed milestone expected', () => {
    expect(computeStatus(task({ actualPct: 40, hasReports: true }), '2021-07-20')).toBe('behind')
    expect(computeStatus(task(), '2021-04-01')).toBe('behind')
  })

  it('is 正常推进 when progress meets the plan', () => {
    expect(computeStatus(task({ actualPct: 50, hasReports: true }), '2021-07-20')).toBe('on_track')
  })

  it('is 临期 when an unmet milestone falls within 7 days, and not 8 days ahead', () => {
    expect(computeStatus(task({ actualPct: 50, hasReports: true }), '2021-09-23')).toBe('due_soon')
    expect(computeStatus(task({ actualPct: 50, hasReports: true }), '2021-09-22')).toBe('on_track')
    expect(computeStatus(task({ actualPct: 75, hasReports: true }), '2021-09-25')).toBe('on_track')
  })

  it('is 逾期 the day after the deadline, across a year end', () => {
    expect(computeStatus(task({ actualPct: 90, hasReports: true }), '2021-12-31')).toBe('due_soon')
    expect(computeStatus(task({ actualPct: 90, hasReports: true }), '2022-01-01')).toBe('overdue')
    expect(computeStatus(task({ deadline: '2021-03-31', milestones: [] }), '2021-04-01')).toBe('overdue')
  })

  it('handles month ends without a 31st', () => {
    const feb = [
      { dueOn: '2021-02-28', plannedPct: 30 },
      { dueOn: '2021-12-31', plannedPct: 100 },
    ]
    expect(computeStatus(task({ milestones: feb, actualPct: 20, hasReports: true }), '2021-02-20')).toBe('on_track')
    expect(computeStatus(task({ milestones: feb, actualPct: 20, hasReports: true }), '2021-02-21')).toBe('due_soon')
    expect(computeStatus(task({ milestones: feb, actualPct: 20, hasReports: true }), '2021-03-01')).toBe('behind')
  })
})

describe('section labels', () => {
  it('are written as in the document', async () => {
    const { sectionLabel } = await import('../../electron/core/plans/rules')
    expect(sectionLabel('一', '坚持党的领导')).toBe('一、坚持党的领导')
    expect(sectionLabel('（一）', '政府推动')).toBe('（一）政府推动')
    expect(sectionLabel(null, '重点工作')).toBe('重点工作')
    expect(sectionLabel(null, null)).toBe('（未分板块）')
  })
})
