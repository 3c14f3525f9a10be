/** How failed logins slow and then stop guessing. Pure: the service feeds it rows and the clock. */

/** After this many failures in a row for one user, the account is locked for LOCK_MINUTES. */
export const USER_LOCK_AFTER = 5
/** One address may serve a whole office behind NAT, so it gets more room before it is locked. */
export const ADDRESS_LOCK_AFTER = 20
export const LOCK_MINUTES = 15
/** Failures older than this are forgotten: a person who mistyped last week starts afresh. */
export const FORGET_AFTER_MINUTES = 15

export interface AttemptRow {
  failures: number
  last_failed_at: string
  locked_until: string | null
}

/** Seconds a caller must wait after n failures before the next try: 0, 1, 2, 4, 8 … capped at 30. */
export function delaySeconds(failures: number): number {
  if (failures <= 1) return 0
  return Math.min(30, 2 ** (failures - 2))
}

export type Verdict = { allowed: true } | { allowed: false; reason: 'locked' | 'wait'; untilIso: string; seconds: number }

/**
 * May a login be tried now, given this subject's record? The growing delay applies to a user name;
 * an address (a whole office behind one NAT) is only locked, never slowed, so colleagues are not punished.
 */
export function judge(row: AttemptRow | undefined, now: Date, withDelay = true): Verdict {
  if (!row) return { allowed: true }
  if (row.locked_until && new Date(row.locked_until) > now) {
    const seconds = Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000)
    return { allowed: false, reason: 'locked', untilIso: row.locked_until, seconds }
  }
  if (!withDelay || isStale(row, now)) return { allowed: true }
  const waitUntil = new Date(new Date(row.last_failed_at).getTime() + delaySeconds(row.failures) * 1000)
  if (waitUntil > now) {
    return {
      allowed: false,
      reason: 'wait',
      untilIso: waitUntil.toISOString(),
      seconds: Math.ceil((waitUntil.getTime() - now.getTime()) / 1000),
    }
  }
  return { allowed: true }
}

/** A record whose lock has passed and whose last failure is old no longer counts. */
export function isStale(row: AttemptRow, now: Date): boolean {
  if (row.locked_until && new Date(row.locked_until) > now) return false
  if (row.locked_until) return true // the lock has run out: the next failures count from zero
  return now.getTime() - new Date(row.last_failed_at).getTime() > FORGET_AFTER_MINUTES * 60_000
}

/** The record after one more failure; locked_until is set when the threshold is reached. */
export function afterFailure(row: AttemptRow | undefined, now: Date, lockAfter: number): AttemptRow {
  const failures = (row && !isStale(row, now) ? row.failures : 0) + 1
  const locked_until = failures >= lockAfter ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
  return { failures, last_failed_at: now.toISOString(), locked_until }
}

/** Usernames are compared as typed after trimming and lower-casing, so "Office" and "office" share a count. */
export const userSubject = (username: string) => username.trim().toLowerCase().slice(0, 64)
