/**
 * Working days of the bureau: Monday to Friday, except 法定节假日, plus weekend days made working days (调休).
 * Pure: the calendar is passed in. Days are ISO strings (YYYY-MM-DD) in the bureau's zone.
 */
import type { CalendarDayKind } from '../db/schema'

export interface WorkCalendar {
  /** only the days that differ from the Monday-to-Friday rule */
  exceptions: ReadonlyMap<string, CalendarDayKind>
}

export const EMPTY_CALENDAR: WorkCalendar = { exceptions: new Map() }

export function calendarOf(days: readonly { day: string; kind: CalendarDayKind }[]): WorkCalendar {
  return { exceptions: new Map(days.map((d) => [d.day, d.kind])) }
}

// Noon UTC keeps date arithmetic clear of any daylight-saving edge.
const toDate = (day: string) => new Date(`${day}T12:00:00Z`)
const toDay = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(day: string, n: number): string {
  const d = toDate(day)
  d.setUTCDate(d.getUTCDate() + n)
  return toDay(d)
}

export function isWorkday(cal: WorkCalendar, day: string): boolean {
  const exception = cal.exceptions.get(day)
  if (exception) return exception === 'workday'
  const weekday = toDate(day).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The day itself when it is a working day, otherwise the first working day after it. */
export function nextWorkday(cal: WorkCalendar, day: string): string {
  let d = day
  // A year never has more than a few weeks of consecutive days off; the bound guards a malformed calendar.
  for (let i = 0; i < 366; i++) {
    if (isWorkday(cal, d)) return d
    d = addDays(d, 1)
  }
  throw new Error(`工作日历有误：${day}之后一年内没有工作日`)
}

/** n working days after a day (n = 0: the day itself or the next working day). */
export function addWorkdays(cal: WorkCalendar, day: string, n: number): string {
  let d = nextWorkday(cal, day)
  for (let left = n; left > 0; left--) d = nextWorkday(cal, addDays(d, 1))
  return d
}

/**
 * Where the app sets a deadline: one that falls on a listed holiday (法定节假日) moves to the next working day.
 * An ordinary weekend keeps its date, as the bureau has always counted monthly deadlines (每月25日).
 */
export function moveOffHoliday(cal: WorkCalendar, day: string): string {
  return cal.exceptions.get(day) === 'holiday' ? nextWorkday(cal, day) : day
}
