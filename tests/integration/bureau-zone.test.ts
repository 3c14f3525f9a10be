import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/contract/dispatch'
import { BUREAU_TIME_ZONE_KEY, readBureauTimeZone } from '../../electron/core/calendar/zone'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { demoCore, type TestCore } from './helpers'

// 17:30 UTC on 20 July: already 21 July in Suzhou, still 20 July in Urumqi (UTC+6).
let t: TestCore
let token = ''
beforeAll(async () => {
  t = await demoCore('2021-07-20T17:30:00Z')
  const login = await dispatch(t.core, 'auth.login', { username: 'office', password: DEMO_PASSWORD }, null)
  if (!login.ok) throw new Error(login.error.message)
  token = (login.data as { token: string }).token
}, 120_000)
afterAll(() => t.cleanup())

const setZone = (zone: string) =>
  t.core.db
    .insertInto('settings')
    .values({ key: BUREAU_TIME_ZONE_KEY, value: zone })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: zone }))
    .execute()

const todayOfCore = async () => {
  const r = await dispatch(t.core, 'dashboards.overview', { planId: 1 }, token)
  if (!r.ok) throw new Error(r.error.message)
  return (r.data as { asOf: string }).asOf.slice(0, 10)
}

describe('the bureau’s time zone is a setting the clock honours', () => {
  it('defaults to Asia/Shanghai, whatever zone the process runs in', async () => {
    expect(await readBureauTimeZone(t.core.db)).toBe('Asia/Shanghai')
    expect(await todayOfCore()).toBe('2021-07-21')
  })

  it('follows a changed setting from the next call on', async () => {
    await setZone('Asia/Urumqi')
    expect(await readBureauTimeZone(t.core.db)).toBe('Asia/Urumqi')
    expect(await todayOfCore()).toBe('2021-07-20')
  })

  it('falls back to the default when the stored zone is unknown to this runtime', async () => {
    await setZone('Mars/Olympus')
    expect(await readBureauTimeZone(t.core.db)).toBe('Asia/Shanghai')
    expect(await todayOfCore()).toBe('2021-07-21')
  })
})
