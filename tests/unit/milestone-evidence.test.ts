import { describe, expect, it } from 'vitest'
import { milestoneForPeriod } from '../../electron/contract/milestones'
import { matterMilestones } from '../../electron/core/matters/rules'

const ms = [
  { dueOn: '2021-06-30', expectedEvidence: '方案' },
  { dueOn: '2021-09-30', expectedEvidence: '会议纪要' },
  { dueOn: '2021-12-31', expectedEvidence: '照片' },
]

describe('the milestone a report answers to', () => {
  it.each([
    ['2021-03', '2021-06-30'],
    ['2021-06', '2021-06-30'],
    ['2021-07', '2021-09-30'],
    ['2021-09', '2021-09-30'],
    ['2021-12', '2021-12-31'],
    ['2022-01', '2021-12-31'], // after the last: still the last
  ])('for %s is the one due %s', (period, due) => {
    expect(milestoneForPeriod(ms, period)?.dueOn).toBe(due)
  })
  it('is none without milestones', () => expect(milestoneForPeriod([], '2021-07')).toBeNull())
})

describe('a matter’s milestones at 立项', () => {
  it('spreads planned progress evenly and ends at the due date with the evidence of completion', () => {
    expect(matterMilestones('2021-08-10', [{ dueOn: '2021-07-30', expectedEvidence: ' 纪要 ' }, { dueOn: '2021-07-25' }], '报告')).toEqual([
      { dueOn: '2021-07-25', plannedPct: 33, title: '阶段节点1', expectedEvidence: null },
      { dueOn: '2021-07-30', plannedPct: 67, title: '阶段节点2', expectedEvidence: '纪要' },
      { dueOn: '2021-08-10', plannedPct: 100, title: '办结并报送办理结果', expectedEvidence: '报告' },
    ])
  })
  it('takes a point on the due date as the last milestone', () => {
    expect(matterMilestones('2021-08-10', [{ dueOn: '2021-08-10', expectedEvidence: '照片' }])).toEqual([
      { dueOn: '2021-08-10', plannedPct: 100, title: '办结并报送办理结果', expectedEvidence: '照片' },
    ])
  })
  it('refuses a point after the due date, or two on one day', () => {
    expect(() => matterMilestones('2021-08-10', [{ dueOn: '2021-08-11' }])).toThrow('晚于完成时限')
    expect(() => matterMilestones('2021-08-10', [{ dueOn: '2021-07-30' }, { dueOn: '2021-07-30' }])).toThrow('同一天')
  })
})
