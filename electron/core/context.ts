import type { Db } from './db/connection'
import type { Role } from './db/schema'
import type { EventPublisher } from './events/bus'

/** The signed-in person a use case acts for. */
export interface Actor {
  id: number
  username: string
  displayName: string
  role: Role
  unitId: number | null
}

/** Injected so that tests move time instead of sleeping. */
export interface Clock {
  now(): Date
  /** YYYY-MM-DD in the bureau's zone */
  today(): string
}

export interface Ctx {
  db: Db
  actor: Actor | null
  clock: Clock
  files: { dir: string }
  /** where committed changes are announced (server, desktop window); absent in the CLI and most tests */
  events?: EventPublisher
}

export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

export const systemClock: Clock = { now: () => new Date(), today: () => isoDate(new Date()) }

/** A clock that stands still on a given day (the demo database, tests). */
export function fixedClock(day: string): Clock {
  const at = new Date(`${day}T09:00:00`)
  return { now: () => new Date(at), today: () => day }
}

/** Real time flowing, but starting on a given day: the demo lives in July 2021. */
export function shiftedClock(day: string): Clock {
  const offset = new Date(`${day}T${new Date().toTimeString().slice(0, 8)}`).getTime() - Date.now()
  return { now: () => new Date(Date.now() + offset), today: () => isoDate(new Date(Date.now() + offset)) }
}
