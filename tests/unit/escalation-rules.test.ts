import { describe, expect, it } from 'vitest'
import { calendarOf } from '../../electron/core/calendar/workdays'
import {
  DEFAULT_ESCALATION_RULES,
  graceEnds,
  planEscalation,
  rulesProblem,
  type EscalationRules,
} from '../../electron/core/escalation/rules'
import { firing, history, report, task, UNIT } from './history.fixture'

const rules: EscalationRules = { ...DEFAULT_ESCALATION_RULES, enabled: true, startOn: '2021-07-01' }
// July 2021 report due Monday 26 July; nothing reported.
const julyMissing = task({ duePeriods: [{ period: '2021-07', dueOn: '2021-07-26' }] })
const levelsOn = (day: string, t = julyMissing, more: Parameters<typeof history>[1] = {}, r = rules) =>
  planEscalation(r, history([t], more), day).map((a) => `${a.level}:${a.triggerKind}`)

describe('the escalation ladder: a missing report', () => {
  it.each([
    ['2021-07-26', []], // due today: not missing yet
    ['2021-07-27', ['blue:report']], // first working day after: 蓝色提醒 (grace 0)
    ['2021-07-29', ['blue:report']],
    ['2021-07-30', ['yellow:report']], // 3 working days later: 黄色督办单
    ['2021-08-09', ['yellow:report']],
    ['2021-08-10', ['red:report']], // 10 working days later: 红色督办单
  ])('on %s the rules take %j', (day, expected) => {
    expect(levelsOn(day)).toEqual(expected)
  })

  it('stops once the report is in', () => {
    const sent = task({ ...julyMissing, reports: [report(5, '2021-07', '2021-07-28')] })
    expect(levelsOn('2021-07-30', sent)).toEqual([])
  })

  it('counts working days by the bureau calendar: a holiday pushes the yellow back', () => {
    const calendar = calendarOf([{ day: '2021-07-28', kind: 'holiday' }])
    expect(levelsOn('2021-07-30', julyMissing, { calendar })).toEqual(['blue:report'])
    expect(levelsOn('2021-08-02', julyMissing, { calendar })).toEqual(['yellow:report'])
    expect(graceEnds(calendar, '2021-07-26', 3, [])).toBe('2021-08-02')
  })
})

describe('no double firing', () => {
  it('does not act again on an event a level already acted on', () => {
    const blue = firing('blue', `blue|report|t1|u${UNIT.id}|2021-07`, '2021-07-27')
    expect(levelsOn('2021-07-28', julyMissing, { firings: [blue] })).toEqual([])
    expect(levelsOn('2021-07-30', julyMissing, { firings: [blue] })).toEqual(['yellow:report'])
  })

  it('never goes back down: after a red, a yellow due on the same event is not taken', () => {
    const red = firing('red', `red|report|t1|u${UNIT.id}|2021-07`, '2021-08-10')
    expect(levelsOn('2021-08-11', julyMissing, { firings: [red] })).toEqual([])
  })

  it('takes only the highest level due when the rules first see an old event', () => {
    expect(levelsOn('2021-08-20')).toEqual(['red:report'])
  })
})

describe('other triggers', () => {
  it('a milestone passed without the planned progress', () => {
    const t = task({
      milestones: [{ id: 3, dueOn: '2021-07-02', plannedPct: 50, title: '二季度' }],
      reports: [report(5, '2021-06', '2021-06-25', { percent: 30 })],
    })
    expect(levelsOn('2021-07-05', t)).toEqual(['blue:milestone'])
    expect(levelsOn('2021-07-09', t)).toEqual(['blue:milestone'])
    expect(levelsOn('2021-07-12', t)).toEqual(['yellow:milestone']) // 5 working days of grace
    const reached = { ...t, reports: [report(5, '2021-06', '2021-06-25', { percent: 50 })] }
    expect(levelsOn('2021-07-12', reached)).toEqual([])
  })

  it('the due date coming near, in working days', () => {
    const t = task({ deadline: '2021-07-30' }) // Friday
    expect(levelsOn('2021-07-26', t)).toEqual([]) // 4 working days left
    expect(levelsOn('2021-07-27', t)).toEqual(['yellow:due_soon']) // 3 left
  })

  it('the due date passed: red at once', () => {
    expect(levelsOn('2021-07-21', task({ deadline: '2021-07-20' }))).toEqual(['red:overdue'])
    expect(levelsOn('2021-07-21', task({ deadline: '2021-07-20', closedOn: '2021-07-20' }))).toEqual([])
  })

  it('an assignment not signed for (签收) by its due day', () => {
    const t = task({ assignment: { id: 1, assignedOn: '2021-07-19', signDueOn: '2021-07-21', acknowledgedOn: null } })
    expect(levelsOn('2021-07-22', t)).toEqual(['blue:unsigned'])
    expect(levelsOn('2021-07-22', { ...t, assignment: { ...t.assignment!, acknowledgedOn: '2021-07-20' } })).toEqual([])
  })

  it('ignores events from before the rules were switched on, and does nothing while they are off', () => {
    expect(levelsOn('2021-07-27', julyMissing, {}, { ...rules, startOn: '2021-07-27' })).toEqual([])
    expect(levelsOn('2021-07-27', julyMissing, {}, { ...rules, enabled: false })).toEqual([])
  })
})

describe('延期 pauses the clock', () => {
  const extended = task({
    deadline: '2021-08-31',
    pauses: [{ id: 1, from: '2021-07-20', to: '2021-08-31', previousDue: '2021-07-20' }],
    duePeriods: [{ period: '2021-07', dueOn: '2021-07-26' }],
  })
  it('nothing fires while the approved extension runs, though the old date has passed', () => {
    expect(levelsOn('2021-07-21', extended)).toEqual([])
    expect(levelsOn('2021-08-30', extended)).toEqual([])
  })
  it('paused days do not count towards a grace period', () => {
    expect(graceEnds(calendarOf([]), '2021-07-26', 3, extended.pauses)).toBe('2021-09-06') // 1 September is the first working day after the pause, then 3 more
  })
  it('after the new date, the new date counts', () => {
    const actions = planEscalation(rules, history([extended]), '2021-09-01')
    expect(actions.map((a) => a.level)).toContain('red')
    expect(actions.find((a) => a.triggerKind === 'overdue')!.subject).toBe('2021-08-31')
  })
})

describe('counting rules', () => {
  it('two yellows to a unit in a year bring one red', () => {
    const y1 = firing('yellow', `yellow|report|t1|u${UNIT.id}|2021-05`, '2021-06-01')
    const actions = planEscalation(rules, history([julyMissing], { firings: [y1] }), '2021-07-30')
    expect(actions.map((a) => `${a.level}:${a.triggerKind}`)).toEqual(['yellow:report', 'red:tally'])
    expect(actions[1].reason).toContain('累计2次黄色督办单')
  })

  it('three consecutive reds bring a 约谈 listed for the leader', () => {
    const reds = ['2021-05', '2021-06'].map((p, i) => firing('red', `red|report|t1|u${UNIT.id}|${p}`, `2021-0${6 + i}-15`))
    const actions = planEscalation(rules, history([julyMissing], { firings: reds }), '2021-08-10')
    expect(actions.map((a) => a.level)).toEqual(['red', 'interview'])
    expect(actions[1].actions).toEqual(['interview'])
    expect(actions[1].linkedTaskIds).toEqual([1]) // the tasks of the run of reds, linked on the 约谈 list
  })

  it('a 催办 waits for the minimum gap after the last one to the unit', () => {
    const reminders = [{ id: 1, kind: 'reminder' as const, number: null, unitId: UNIT.id, taskId: null, on: '2021-07-26', repliedOn: null }]
    const [a] = planEscalation(rules, history([julyMissing], { reminders }), '2021-07-27')
    expect(a.deferred).toContain('不足3个工作日')
    const [b] = planEscalation(rules, history([julyMissing], { reminders }), '2021-07-29')
    expect(b.deferred).toBeNull()
  })
})

describe('rule sets', () => {
  it('refuses a counting rule that steps down, or duplicate levels', () => {
    expect(rulesProblem(DEFAULT_ESCALATION_RULES)).toBeNull()
    expect(rulesProblem({ ...DEFAULT_ESCALATION_RULES, tallies: [{ from: 'red', count: 2, to: 'blue' }] })).toContain('更高')
    expect(
      rulesProblem({ ...DEFAULT_ESCALATION_RULES, levels: [...DEFAULT_ESCALATION_RULES.levels, DEFAULT_ESCALATION_RULES.levels[0]] }),
    ).toContain('重复')
  })
})

describe('the task an action is about is named by its code', () => {
  it('names the task by its code, and by its list and number when it has none, never by a bare number', () => {
    const coded = task({ ...julyMissing, taskCode: '要点14' })
    expect(planEscalation(rules, history([coded]), '2021-07-27').map((a) => a.taskName)).toEqual(['要点14'])
    expect(planEscalation(rules, history([julyMissing]), '2021-07-27').map((a) => a.taskName)).toEqual(['工作要点第14项'])
  })
})
