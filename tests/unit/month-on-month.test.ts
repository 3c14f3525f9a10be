import { describe, expect, it } from 'vitest'
import { monthOnMonth, previousPeriod } from '../../electron/core/assessment/monthly'
import { DEFAULT_SCORING_RULES } from '../../electron/core/assessment/rules'
import { firing, history, task, UNIT } from './history.fixture'

describe('what changed since last month', () => {
  const t1 = task({
    taskId: 1,
    duePeriods: [{ period: '2021-07', dueOn: '2021-07-26' }],
    milestones: [{ id: 1, dueOn: '2021-06-30', plannedPct: 50, title: '二季度' }],
  })
  const t2 = task({ taskId: 2, taskNumber: 15, closedOn: '2021-07-12' })
  const t3 = task({ taskId: 3, taskNumber: 16, unitId: 8, unitName: '普遍服务处', deadline: null, closedOn: '2021-06-10' })
  const reds = [
    firing('red', `red|report|t1|u${UNIT.id}|2021-06`, '2021-07-08'),
    firing('red', `red|overdue|t1|u${UNIT.id}|x`, '2021-07-20'),
  ]
  const m = monthOnMonth(history([t1, t2, t3], { firings: reds }), DEFAULT_SCORING_RULES, '2021-07', '2021-07-31')

  it('counts new reds, matters cleared and milestones missed in each month', () => {
    expect(previousPeriod('2021-01')).toBe('2020-12')
    expect(m.current).toEqual({ newReds: 2, cleared: 1, milestonesMissed: 0 })
    expect(m.before).toEqual({ newReds: 0, cleared: 1, milestonesMissed: 1 })
  })

  it('ranks the units at each month end and shows who moved', () => {
    const scjg = m.ranks.find((r) => r.unitId === UNIT.id)!
    expect(scjg).toMatchObject({ rank: 2, previousRank: 1, change: -1 })
    expect(m.redBoard[0].unitName).toBe('普遍服务处')
    expect(m.blackBoard[0].unitName).toBe('市场监管处')
  })

  it('writes the paragraph the 督查通报 takes', () => {
    expect(m.paragraphs[0]).toBe(
      '与上月相比：本月新增红色督办2次（上月0次，增加2）；办结事项1项（上月1项，持平）；未按期完成的进度节点0个（上月1个，减少1）。',
    )
    expect(m.paragraphs[1]).toContain('市场监管处下降1位（第2名）')
  })
})
