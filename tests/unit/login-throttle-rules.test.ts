import { describe, expect, it } from 'vitest'
import { afterFailure, delaySeconds, judge, LOCK_MINUTES, USER_LOCK_AFTER, userSubject } from '../../electron/core/security/rules'

const at = (iso: string) => new Date(iso)

describe('login throttling rules', () => {
  it('waits longer after each failure, capped at 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(delaySeconds)).toEqual([0, 1, 2, 4, 8, 16, 30])
  })

  it('asks a user name to wait after repeated failures, but never slows an address', () => {
    const row = { failures: 3, last_failed_at: '2021-07-20T02:00:00.000Z', locked_until: null }
    expect(judge(row, at('2021-07-20T02:00:01.000Z'))).toMatchObject({ allowed: false, reason: 'wait', seconds: 1 })
    expect(judge(row, at('2021-07-20T02:00:02.000Z'))).toEqual({ allowed: true })
    expect(judge(row, at('2021-07-20T02:00:01.000Z'), false)).toEqual({ allowed: true })
  })

  it('locks at the threshold for 15 minutes, then starts the count afresh', () => {
    let row = undefined as ReturnType<typeof afterFailure> | undefined
    const now = at('2021-07-20T02:00:00.000Z')
    for (let i = 0; i < USER_LOCK_AFTER; i++) row = afterFailure(row, now, USER_LOCK_AFTER)
    expect(row).toMatchObject({ failures: 5, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() })
    expect(judge(row, at('2021-07-20T02:14:59.000Z'))).toMatchObject({ allowed: false, reason: 'locked', seconds: 1 })
    const later = at('2021-07-20T02:15:01.000Z')
    expect(judge(row, later)).toEqual({ allowed: true })
    expect(afterFailure(row, later, USER_LOCK_AFTER)).toMatchObject({ failures: 1, locked_until: null })
  })

  it('forgets failures older than 15 minutes', () => {
    const row = { failures: 4, last_failed_at: '2021-07-20T02:00:00.000Z', locked_until: null }
    expect(afterFailure(row, at('2021-07-20T02:16:00.000Z'), USER_LOCK_AFTER).failures).toBe(1)
    expect(afterFailure(row, at('2021-07-20T02:10:00.000Z'), USER_LOCK_AFTER).failures).toBe(5)
  })

  it('counts "Office" and " office" as the same user name', () => {
    expect(userSubject(' Office ')).toBe(userSubject('office'))
  })
})
