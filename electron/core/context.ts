import type { Db } from './db/connection'
import type { Role } from './db/schema'
import { dayIn, instantAt, timeIn } from './calendar/dates'
import { DEFAULT_TIME_ZONE } from './calendar/zone'
import type { EventPublisher } from './events/bus'

/** The signed-in person a use case acts for. */
export interface Actor {
  id: number
  username: string
  displayName: string
  role: Role
  unitId: number | null
  /** signed in with a one-time password not yet changed (the transports refuse other calls) */
  mustChangePassword?: boolean
}

/** Injected so that tests move time instead of sleeping. */
export interface Clock {
  now(): Date
  /** YYYY-MM-DD in the bureau's zone */
  today(): string
  /** the bureau's IANA zone, which decides the day of every instant (see calendar/zone.ts) */
  readonly timeZone: string
}

export interface Ctx {
  db: Db
  actor: Actor | null
  clock: Clock
  files: { dir: string }
  /** where committed changes are announced (server, desktop window); absent in the CLI and most tests */
  events?: EventPublisher
}

/** A clock reading instants from `now` and days in the zone. */
export function clockFrom(now: () => Date, timeZone: string = DEFAULT_TIME_ZONE): Clock {
  return { now, today: () => dayIn(now(), timeZone), timeZone }
}

export function systemClock(timeZone: string = DEFAULT_TIME_ZONE): Clock {
  return clockFrom(() => new Date(), timeZone)
}

/** The same instants, days read in another zone (the bureau's setting, read per call). */
export function withTimeZone(clock: Clock, timeZone: string): Clock {
  return clock.timeZone === timeZone ? clock : clockFrom(() => clock.now(), timeZone)
}

/** A clock that stands still at 09:00 of a given day in the bureau's zone (the demo database, tests). */
export function fixedClock(day: string, timeZone: string = DEFAULT_TIME_ZONE): Clock {
  const at = instantAt(day, '09:00:00', timeZone)
  return clockFrom(() => new Date(at), timeZone)
}

/** Real time flowing, but starting on a given day at the bureau's current wall-clock time: the demo lives in July 2021. */
export function shiftedClock(day: string, timeZone: string = DEFAULT_TIME_ZONE): Clock {
  const offset = instantAt(day, timeIn(new Date(), timeZone), timeZone).getTime() - Date.now()
  return clockFrom(() => new Date(Date.now() + offset), timeZone)
}
