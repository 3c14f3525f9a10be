/**
 * Reads a year's working calendar from a simple file, one day a line:
 *   2021-10-01,holiday,国庆节
 *   2021-10-09,workday,调休
 * Chinese words (节假日/假日/休, 工作日/调休上班/班) are accepted too; blank lines and # comments are skipped.
 */
import type { CalendarDayKind } from '../db/schema'

export interface CalendarLine {
  day: string
  kind: CalendarDayKind
  name: string
}

export interface CalendarParse {
  days: CalendarLine[]
  errors: { line: number; message: string }[]
}

const KINDS: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  节假日: 'holiday',
  假日: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  workday: 'workday',
  工作日: 'workday',
  调休上班: 'workday',
  上班: 'workday',
  班: 'workday',
}

function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const d = new Date(`${day}T12:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

export function parseCalendarText(text: string): CalendarParse {
  const days: CalendarLine[] = []
  const errors: CalendarParse['errors'] = []
  const seen = new Set<string>()
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim()
      if (!line || line.startsWith('#')) return
      const [dayRaw = '', kindRaw = '', ...rest] = line.split(/[,，\t]/).map((c) => c.trim())
      const day = dayRaw
        .replace(/[/.]/g, '-')
        .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
        .replace(/-(\d)$/, '-0$1')
      const kind = KINDS[kindRaw.toLowerCase()] ?? KINDS[kindRaw]
      if (!isRealDay(day)) return errors.push({ line: i + 1, message: `第${i + 1}行：“${dayRaw}”不是有效日期，应写作 2021-10-01` })
      if (!kind)
        return errors.push({ line: i + 1, message: `第${i + 1}行：类型“${kindRaw}”无法识别，应为 holiday（节假日）或 workday（调休上班）` })
      if (seen.has(day)) return errors.push({ line: i + 1, message: `第${i + 1}行：${day}重复出现` })
      seen.add(day)
      days.push({ day, kind, name: rest.join(',') || (kind === 'holiday' ? '节假日' : '调休') })
    })
  if (days.length === 0 && errors.length === 0)
    errors.push({ line: 0, message: '文件中没有日期，请按“2021-10-01,holiday,国庆节”每行一天填写' })
  return { days, errors }
}
