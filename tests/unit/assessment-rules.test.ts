import { describe, expect, it } from 'vitest'
import { assess, DEFAULT_SCORING_RULES } from '../../electron/core/assessment/rules'
import { firing, history, report, task, UNIT } from './history.fixture'

// Hand-computed: 市场监管处 in 2021, as of 31 December.
const a = task({
  taskId: 1,
  taskNumber: 14,
  deadline: '2021-09-30',
  duePeriods: [
    { period: '2021-05', dueOn: '2021-05-25' }, // nothing sent: 未报送 −10
    { period: '2021-06', dueOn: '2021-06-25' }, // sent 28 June: 迟报 −2
    { period: '2021-07', dueOn: '2021-07-26' }, // sent on time, returned once (−2), resubmitted with nothing said: 空报 −5
  ],
  reports: [
    report(21, '2021-06', '2021-06-28'),
    {
      id: 22,
      period: '2021-07',
      status: 'approved',
      percent: 60,
      versions: [
        {
          id: 221,
          version: 1,
          outcome: 'returned',
          submittedOn: '2021-07-23',
          reviewedOn: '2021-07-24',
          progress: '推进中',
          returnReason: '未写明进展',
        },
        {
          id: 222,
          version: 2,
          outcome: 'approved',
          submittedOn: '2021-07-26',
          reviewedOn: '2021-07-27',
          progress: '无',
          returnReason: null,
        },
      ],
    },
  ],
  // 延期 approved 1 September (−1), yet not done by 30 September either: 逾期 −5
  pauses: [{ id: 9, from: '2021-09-01', to: '2021-09-30', previousDue: '2021-08-31' }],
})
const b = task({ taskId: 2, taskNumber: 15, deadline: '2021-12-31', closedOn: '2021-11-15' }) // 提前办结 +2
const c = task({ taskId: 3, taskNumber: 16, unitId: 8, unitName: '普遍服务处', deadline: '2021-12-31' })
const red = firing('red', `red|report|t1|u${UNIT.id}|2021-08`, '2021-08-20', { noticeId: 31 }) // 红色督办单 −5

const run = (over: Partial<Parameters<typeof assess>[0]> = {}) =>
  assess({
    rules: DEFAULT_SCORING_RULES,
    history: history([a, b, c], { firings: [red] }),
    year: 2021,
    asOf: '2021-12-31',
    ratings: new Map(),
    waived: new Map(),
    ...over,
  })

describe('the year-end assessment against a hand-computed fixture', () => {
  it('explains every point: each item names its event, and the items add up to the score', () => {
    const [first, second] = run()
    expect(first).toMatchObject({ unitName: '普遍服务处', score: 100, rank: 1, items: [] })
    expect(second.unitName).toBe('市场监管处')
    expect(second.items.map((i) => [i.key, i.points, i.day, i.link.kind, i.link.id])).toEqual([
      ['missing:t1:u7:2021-05', -10, '2021-05-25', 'task', 1],
      ['late:r21', -2, '2021-06-28', 'report', 21],
      ['returned:v221', -2, '2021-07-24', 'report', 22],
      ['empty:r22', -5, '2021-07-26', 'report', 22],
      ['red:f' + red.id, -5, '2021-08-20', 'notice', 31],
      ['extension:e9', -1, '2021-09-01', 'extension', 9],
      ['overdue:t1:u7', -5, '2021-10-01', 'task', 1],
      ['early:t2:u7', 2, '2021-11-15', 'task', 2],
    ])
    expect(second).toMatchObject({ deductions: 30, bonuses: 2, supervisionScore: 72, score: 72, rank: 2 })
    expect(100 + second.items.reduce((s, i) => s + i.points, 0)).toBe(second.score)
    // named by the one rule: the fixture's tasks carry no code, so their list and number, never a bare 第n项
    expect(second.items.every((i) => /^工作要点第1\d项：/.test(i.label))).toBe(true)
  })

  it('counts only what had happened by the day asked', () => {
    const [, u] = run({ asOf: '2021-06-30' })
    expect(u.items.map((i) => i.key)).toEqual(['missing:t1:u7:2021-05', 'late:r21'])
    expect(u.score).toBe(88)
  })

  it('weighs in the leaders’ rating, and takes out an item whose appeal was upheld', () => {
    const rated = run({ ratings: new Map([[UNIT.id, 90]]) }).find((u) => u.unitId === UNIT.id)!
    expect(rated.score).toBe(75.6) // 72 × 0.8 + 90 × 0.2
    const waived = run({ waived: new Map([['late:r21', '系统故障导致迟报，已核实']]) }).find((u) => u.unitId === UNIT.id)!
    expect(waived.items.find((i) => i.key === 'late:r21')!.waived!.reason).toContain('系统故障')
    expect(waived.score).toBe(74)
  })

  it('follows the rules it is given', () => {
    const [, u] = run({ rules: { ...DEFAULT_SCORING_RULES, missingReport: 20, approvedExtension: 0 } })
    expect(u.score).toBe(63)
    expect(u.items.some((i) => i.category === 'extension')).toBe(false)
  })

  it('stops a category at its cap, keeping the items beyond it listed at what they still count', () => {
    const [, u] = run({ rules: { ...DEFAULT_SCORING_RULES, categoryCap: 6 } })
    expect(u.items.find((i) => i.key === 'missing:t1:u7:2021-05')).toMatchObject({ points: -6, capped: { rulePoints: -10 } })
    expect(u.score).toBe(76)
  })

  it('an unsigned assignment counts once its signing day has passed', () => {
    const t = task({
      taskId: 4,
      deadline: null,
      assignment: { id: 4, assignedOn: '2021-03-01', signDueOn: '2021-03-03', acknowledgedOn: null },
    })
    const [u] = assess({
      rules: DEFAULT_SCORING_RULES,
      history: history([t]),
      year: 2021,
      asOf: '2021-03-04',
      ratings: new Map(),
      waived: new Map(),
    })
    expect(u.items.map((i) => [i.key, i.points])).toEqual([['unsigned:a4', -2]])
  })
})
