import { describe, expect, it } from 'vitest'
import { dueEscalationLevel, missingReports, noticeNumber } from '../../electron/core/reminders/rules'

describe('督办单 numbers and escalation', () => {
  it('numbers notices like the bureau does', () => {
    expect(noticeNumber(2021, 3)).toBe('督办〔2021〕3号')
  })

  it('raises an unanswered notice the day after its deadline, across a month end', () => {
    const n = { replyDeadline: '2021-07-31', repliedAt: null }
    expect(dueEscalationLevel(n, '2021-07-30')).toBe(0)
    expect(dueEscalationLevel(n, '2021-07-31')).toBe(0)
    expect(dueEscalationLevel(n, '2021-08-01')).toBe(1)
    expect(dueEscalationLevel({ ...n, repliedAt: '2021-08-02T09:00:00Z' }, '2021-08-05')).toBe(0)
    expect(dueEscalationLevel({ replyDeadline: null, repliedAt: null }, '2030-01-01')).toBe(0)
  })
})

describe('who has not reported', () => {
  const lead = (id: number) => ({ id, name: `单位${id}` })
  const tasks = [
    { id: 1, number: 1, code: '要点1', text: 'a', closedAt: null, leads: [lead(10)] },
    { id: 2, number: 2, code: '要点2', text: 'b', closedAt: null, leads: [lead(10), lead(20)] },
    { id: 3, number: 3, code: '要点3', text: 'c', closedAt: '2021-06-25', leads: [lead(20)] },
    { id: 4, number: 4, code: '要点4', text: 'd', closedAt: null, leads: [lead(20)] },
  ]
  it('lists, per lead unit, open tasks without a submitted or approved report for the period', () => {
    const out = missingReports(
      tasks,
      [
        { taskId: 1, unitId: 10, period: '2021-07', status: 'submitted' },
        { taskId: 2, unitId: 10, period: '2021-07', status: 'draft' },
        { taskId: 4, unitId: 20, period: '2021-06', status: 'approved' },
        { taskId: 2, unitId: 20, period: '2021-07', status: 'approved' },
      ],
      '2021-07',
    )
    expect(out.map((u) => [u.unitId, u.tasks.map((t) => t.id)])).toEqual([
      [10, [2]],
      [20, [4]],
    ])
  })
  it('treats a returned report as not reported', () => {
    const out = missingReports(tasks.slice(0, 1), [{ taskId: 1, unitId: 10, period: '2021-07', status: 'returned' }], '2021-07')
    expect(out[0].tasks).toHaveLength(1)
  })
})
