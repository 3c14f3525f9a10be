/**
 * Calendar days and wall-clock times in a named zone. Every day the core derives from an instant
 * goes through here, so the answer never depends on the zone the process happens to run in.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(zone, f)
  }
  return f
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** What a wall clock in the zone shows at the instant. */
export function wallClock(at: Date, zone: string): WallClock {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** YYYY-MM-DD: the calendar day in the zone at the instant. */
export function dayIn(at: Date, zone: string): string {
  const w = wallClock(at, zone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

/** HH:MM:SS: the wall-clock time in the zone at the instant. */
export function timeIn(at: Date, zone: string): string {
  const w = wallClock(at, zone)
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(at: number, zone: string): number {
  const w = wallClock(new Date(at), zone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(at / 1000) * 1000
}

/** The instant when the zone's wall clock shows the day (YYYY-MM-DD) and time (HH:MM[:SS]). */
export function instantAt(day: string, time: string, zone: string): Date {
  const d = DAY.exec(day)
  const t = TIME.exec(time)
  if (!d || !t) throw new RangeError(`not a day and time: ${day} ${time}`)
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0))
  // The offset at the guess can differ from the offset at the answer across a daylight-saving change: look twice.
  const first = wall - offsetAt(wall, zone)
  const second = wall - offsetAt(first, zone)
  return new Date(second)
}

/** 2021年7月20日 14:32: an instant as the office reads it, on the bureau's wall clock. */
export function cnDateTimeIn(at: Date, zone: string): string {
  const w = wallClock(at, zone)
  return `${w.year}年${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)}`
}
