/**
 * The bureau's time zone: a setting, so that "today", "overdue" and every day read from a timestamp
 * follow the office's calendar, not the zone of whichever machine runs the core.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DubanError } from '../errors'
import { DEFAULT_TIME_ZONE } from '../../contract/vocabulary'

export const BUREAU_TIME_ZONE_KEY = 'bureau.timeZone'
export { DEFAULT_TIME_ZONE }

/** An IANA zone name the runtime knows, e.g. Asia/Shanghai or Asia/Urumqi. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export function assertTimeZone(zone: string): string {
  if (!isTimeZone(zone)) throw new DubanError('invalid_input', `时区“${zone.slice(0, 40)}”无效，请填写如 Asia/Shanghai 的时区名称`)
  return zone
}

/** The bureau's zone from settings; the default when never set (or set to something this runtime does not know). */
export async function readBureauTimeZone(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', BUREAU_TIME_ZONE_KEY).executeTakeFirst()
  return row && isTimeZone(row.value) ? row.value : DEFAULT_TIME_ZONE
}
