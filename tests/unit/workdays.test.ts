import { describe, expect, it } from 'vitest'
import { addWorkdays, calendarOf, EMPTY_CALENDAR, isWorkday, moveOffHoliday, nextWorkday } from '../../electron/core/calendar/workdays'
import { parseCalendarText } from '../../electron/core/calendar/parse'

// 2021年国庆: 10月1日至7日放假，9月26日（日）和10月9日（六）上班
const national = calendarOf([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2021-10-${d}`, kind: 'holiday' as const })),
  { day: '2021-09-26', kind: 'workday' },
  { day: '2021-10-09', kind: 'workday' },
])

describe('working days', () => {
  it('counts Monday to Friday as working days when no calendar is loaded', () => {
    expect(isWorkday(EMPTY_CALENDAR, '2021-07-23')).toBe(true) // Friday
    expect(isWorkday(EMPTY_CALENDAR, '2021-07-24')).toBe(false) // Saturday
    expect(nextWorkday(EMPTY_CALENDAR, '2021-07-24')).toBe('2021-07-26')
  })

  it('follows 法定节假日 and 调休', () => {
    expect(isWorkday(national, '2021-10-04')).toBe(false) // a Monday off
    expect(isWorkday(national, '2021-10-09')).toBe(true) // a Saturday at work
    expect(isWorkday(national, '2021-09-26')).toBe(true)
    expect(nextWorkday(national, '2021-10-01')).toBe('2021-10-08')
  })

  it('adds working days across a holiday and a working weekend', () => {
    expect(addWorkdays(national, '2021-09-30', 0)).toBe('2021-09-30')
    expect(addWorkdays(national, '2021-09-30', 1)).toBe('2021-10-08')
    expect(addWorkdays(national, '2021-09-30', 2)).toBe('2021-10-09')
    expect(addWorkdays(national, '2021-09-30', 3)).toBe('2021-10-11')
    expect(addWorkdays(EMPTY_CALENDAR, '2021-12-30', 2)).toBe('2022-01-03')
  })

  it('moves a deadline off a holiday to the next working day, and leaves an ordinary weekend alone', () => {
    expect(moveOffHoliday(national, '2021-10-05')).toBe('2021-10-08')
    expect(moveOffHoliday(national, '2021-07-25')).toBe('2021-07-25')
    expect(moveOffHoliday(national, '2021-10-08')).toBe('2021-10-08')
  })
})

describe('calendar file', () => {
  it('reads lines of day, kind and name, in English or Chinese words', () => {
    const parsed = parseCalendarText('\uFEFF# 2021年\n2021-10-01,holiday,国庆节\n2021/10/9，调休上班\n\n2021-1-1,节假日,元旦')
    expect(parsed.errors).toEqual([])
    expect(parsed.days).toEqual([
      { day: '2021-10-01', kind: 'holiday', name: '国庆节' },
      { day: '2021-10-09', kind: 'workday', name: '调休' },
      { day: '2021-01-01', kind: 'holiday', name: '元旦' },
    ])
  })

  it('names the line of each mistake in Chinese', () => {
    const { errors } = parseCalendarText('2021-02-30,holiday,春节\n2021-10-01,休假\n2021-10-02,holiday\n2021-10-02,holiday')
    expect(errors.map((e) => e.line)).toEqual([1, 2, 4])
    expect(errors[0].message).toContain('不是有效日期')
    expect(errors[1].message).toContain('无法识别')
    expect(errors[2].message).toContain('重复')
    expect(parseCalendarText('\n\n').errors[0].message).toContain('没有日期')
  })
})
