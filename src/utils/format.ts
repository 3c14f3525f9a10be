import { displayTimeZone } from './zone'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Year, month, day, hour and minute of an instant on the bureau's wall clock. */
function wallClock(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> {
  const zone = displayTimeZone()
  let formatter = formatters.get(zone)
  if (!formatter) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' } as const
    formatters.set(zone, (formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...fields })))
  }
  const parts = formatter.formatToParts(d)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') }
}

/** '2021-04-09' → '2021年4月9日'; ISO timestamps are shown as their day in the bureau's zone; null → '—'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  const m = DAY.exec(value)
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const w = wallClock(d)
  return `${w.year}年${w.month}月${w.day}日`
}

/** An ISO timestamp with the bureau's wall-clock time: '2021年7月20日 09:05'. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  if (DAY.test(value)) return formatDate(value)
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const w = wallClock(d)
  return `${w.year}年${w.month}月${w.day}日 ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)}%`
}

/** A section heading as the document prints it: '一' + '坚持党的领导…' → '一、坚持党的领导…'. */
export function formatSection(number: string | null, title: string | null, fallback = ''): string {
  if (!number && !title) return fallback
  if (!number) return title ?? ''
  const sep = /[、.．)）]$/.test(number) ? '' : '、'
  return `${number}${sep}${title ?? ''}`
}
