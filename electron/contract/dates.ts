/**
 * Days and months as every call takes them. The pattern alone let 2021-02-31, 2021-13-45 and the
 * period 1900-01 through: a day must exist in the calendar, and a year must be one a work plan can have.
 */
import { z } from 'zod'

/** Work plans in the bureau's archive go back to the 1990s; nothing is planned past 2100. */
export const DAY_YEARS = { min: 1990, max: 2100 } as const
/** Reporting began long after 2000; a period outside these years is a typing error. */
export const PERIOD_YEARS = { min: 2000, max: 2100 } as const

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/

/** True when the string names a real day: it survives a round trip through the calendar. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

const yearIn = (value: string, range: { min: number; max: number }) => {
  const year = Number(value.slice(0, 4))
  return year >= range.min && year <= range.max
}

/** YYYY-MM-DD naming a real day between 1990 and 2100; `label` names the field in the message. */
export function calendarDay(label = '日期') {
  return z
    .string({ error: `${label}应为 YYYY-MM-DD 格式的文字` })
    .regex(DAY, `${label}格式应为 YYYY-MM-DD，如 2021-07-20`)
    .refine(isCalendarDay, { message: `${label}不存在（如2月31日、13月），请检查` })
    .refine((v) => yearIn(v, DAY_YEARS), { message: `${label}的年份应在${DAY_YEARS.min}年至${DAY_YEARS.max}年之间` })
}

/** YYYY-MM with a month 01–12 in a year between 2000 and 2100. */
export function calendarMonth(label = '报送期次') {
  return z
    .string({ error: `${label}应为 YYYY-MM 格式的文字` })
    .regex(MONTH, `${label}格式应为 YYYY-MM，如 2021-07`)
    .refine((v) => Number(v.slice(5, 7)) >= 1 && Number(v.slice(5, 7)) <= 12, { message: `${label}的月份应在01至12之间` })
    .refine((v) => yearIn(v, PERIOD_YEARS), { message: `${label}的年份应在${PERIOD_YEARS.min}年至${PERIOD_YEARS.max}年之间` })
}

export const isoDay = calendarDay()
export const period = calendarMonth()
