import { describe, expect, it } from 'vitest'
import { calendarOf, EMPTY_CALENDAR } from '../../electron/core/calendar/workdays'
import {
  assertExtensionRequest,
  assertReportContent,
  cadenceDueDate,
  DEFAULT_TIME_LIMITS,
  followupState,
  isUnsignedOverdue,
  matterDueDate,
  matterNumber,
  nextReportDue,
  reportingPeriods,
  reportsInPeriod,
  signDueDate,
  timeLimitDays,
} from '../../electron/core/matters/rules'

// 2021: 国庆 10月1日–7日 off, 9月26日（周日）and 10月9日（周六）worked; 中秋 9月20日–21日 off, 9月18日（周六）worked
const cal2021 = calendarOf([
  ...['2021-09-20', '2021-09-21', '2021-10-01', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'].map((day) => ({
    day,
    kind: 'holiday' as const,
  })),
  ...['2021-09-18', '2021-09-26', '2021-10-09'].map((day) => ({ day, kind: 'workday' as const })),
])

describe('due dates in working days', () => {
  it.each([
    ['一般件 15 working days from a Tuesday', '2021-07-20', 15, EMPTY_CALENDAR, '2021-08-10'],
    ['急件 1 day from a Friday skips the weekend', '2021-07-23', 1, EMPTY_CALENDAR, '2021-07-26'],
    ['over 国庆: holidays do not count, the 调休 Saturday does', '2021-09-29', 3, cal2021, '2021-10-09'],
    ['over 中秋 with its 调休 Saturday', '2021-09-16', 3, cal2021, '2021-09-22'],
    ['registered on a holiday: counting starts from the next working day', '2021-10-03', 1, cal2021, '2021-10-09'],
  ])('%s', (_what, day, n, cal, expected) => {
    expect(matterDueDate(cal, day, n)).toBe(expected)
  })

  it('takes the type’s limit unless the office sets one; 急件 stays within 1–5', () => {
    expect(timeLimitDays('normal', DEFAULT_TIME_LIMITS)).toBe(15)
    expect(timeLimitDays('complex', DEFAULT_TIME_LIMITS)).toBe(30)
    expect(timeLimitDays('urgent', DEFAULT_TIME_LIMITS, 2)).toBe(2)
    expect(() => timeLimitDays('urgent', DEFAULT_TIME_LIMITS, 6)).toThrow('急件的办理时限为1至5个工作日')
    expect(() => timeLimitDays('normal', DEFAULT_TIME_LIMITS, 0)).toThrow()
  })

  it('numbers as 督〔2021〕12号', () => {
    expect(matterNumber('督', 2021, 12)).toBe('督〔2021〕12号')
    expect(matterNumber('批', 2021, 5)).toBe('批〔2021〕5号')
  })
})

describe('签收 window', () => {
  it('counts working days from the assignment; a signed or closed matter is never overdue', () => {
    expect(signDueDate(cal2021, '2021-09-30', 2)).toBe('2021-10-09')
    const open = { assignedAt: '2021-09-30T01:00:00Z', acknowledgedAt: null, closedAt: null }
    expect(isUnsignedOverdue(open, '2021-09-30', cal2021, 2, '2021-10-09')).toBe(false)
    expect(isUnsignedOverdue(open, '2021-09-30', cal2021, 2, '2021-10-10')).toBe(true)
    expect(isUnsignedOverdue({ ...open, acknowledgedAt: '2021-10-08T01:00:00Z' }, '2021-09-30', cal2021, 2, '2021-10-12')).toBe(false)
    expect(isUnsignedOverdue({ ...open, assignedAt: null }, null, cal2021, 2, '2021-12-31')).toBe(false)
  })
})

describe('reporting cadence', () => {
  it('reports monthly, in the quarter’s last month, or in June and December', () => {
    expect(reportingPeriods('quarterly', 2021)).toEqual(['2021-03', '2021-06', '2021-09', '2021-12'])
    expect(reportingPeriods('half_yearly', 2021)).toEqual(['2021-06', '2021-12'])
    expect(reportsInPeriod('monthly', '2021-07')).toBe(true)
    expect(reportsInPeriod('quarterly', '2021-07')).toBe(false)
    expect(reportsInPeriod('quarterly', '2021-09')).toBe(true)
    expect(reportsInPeriod('half_yearly', '2021-09')).toBe(false)
  })

  it('moves a fixed day that falls on a holiday to the next working day, and clamps it to the month', () => {
    expect(cadenceDueDate(cal2021, '2021-10', 1)).toBe('2021-10-08')
    expect(cadenceDueDate(cal2021, '2021-09', 20)).toBe('2021-09-22')
    expect(cadenceDueDate(cal2021, '2021-02', 31)).toBe('2021-02-28')
    expect(cadenceDueDate(cal2021, '2021-07', 25)).toBe('2021-07-25') // an ordinary Sunday keeps the bureau's date
  })

  it('finds the next reporting deadline', () => {
    expect(nextReportDue(cal2021, 'quarterly', 25, '2021-07-20')).toEqual({ period: '2021-09', dueOn: '2021-09-25' })
    expect(nextReportDue(cal2021, 'monthly', 10, '2021-07-20')).toEqual({ period: '2021-08', dueOn: '2021-08-10' })
    expect(nextReportDue(cal2021, 'half_yearly', 1, '2021-12-02')).toEqual({ period: '2022-06', dueOn: '2022-06-01' })
  })

  it('accepts 本期无新进展 only with a reason', () => {
    expect(() => assertReportContent({ noChange: true, noChangeReason: ' ', progress: '' })).toThrow('请说明原因')
    expect(() => assertReportContent({ noChange: true, noChangeReason: '等待批复', progress: '' })).not.toThrow()
    expect(() => assertReportContent({ progress: '' })).toThrow('请填写进展情况')
  })
})

describe('延期 and 回访', () => {
  it('takes a request up to the due date, for a later date, one at a time', () => {
    expect(() => assertExtensionRequest('2021-08-10', '2021-09-30', '2021-08-10', false)).not.toThrow()
    expect(() => assertExtensionRequest('2021-08-10', '2021-09-30', '2021-08-11', false)).toThrow('到期前')
    expect(() => assertExtensionRequest('2021-08-10', '2021-08-09', '2021-08-01', false)).toThrow('晚于')
    expect(() => assertExtensionRequest('2021-08-10', '2021-09-30', '2021-08-01', true)).toThrow('正在审批')
    expect(() => assertExtensionRequest(null, '2021-09-30', '2021-08-01', false)).toThrow('没有完成时限')
  })

  it('counts a matter closed when the leader stays silent past the set working days', () => {
    expect(followupState(cal2021, null, false, 5, '2021-10-20')).toBe('none')
    expect(followupState(cal2021, '2021-09-29', false, 5, '2021-10-11')).toBe('awaiting') // 9/30, 10/8, 10/9, 10/11 …
    expect(followupState(cal2021, '2021-09-29', false, 5, '2021-10-13')).toBe('closed')
    expect(followupState(cal2021, '2021-09-29', true, 5, '2021-10-13')).toBe('reinstructed')
  })
})
