import { describe, expect, it } from 'vitest'
import { dayIn, instantAt, timeIn } from '../../electron/core/calendar/dates'
import { assertTimeZone, DEFAULT_TIME_ZONE, isTimeZone } from '../../electron/core/calendar/zone'
import { clockFrom, fixedClock, shiftedClock, withTimeZone } from '../../electron/core/context'

// These hold whatever zone the test process runs in: .ci/run runs them under TZ=UTC and TZ=Asia/Shanghai.
const lateEvening = new Date('2021-07-20T17:30:00Z') // 01:30 on 21 July in Suzhou, 23:30 on 20 July in Urumqi

describe('days and times in a named zone', () => {
  it('reads the calendar day on the zone’s wall clock, not the process’s', () => {
    expect(dayIn(lateEvening, 'Asia/Shanghai')).toBe('2021-07-21')
    expect(dayIn(lateEvening, 'Asia/Urumqi')).toBe('2021-07-20')
    expect(dayIn(lateEvening, 'UTC')).toBe('2021-07-20')
    expect(timeIn(lateEvening, 'Asia/Shanghai')).toBe('01:30:00')
  })

  it('finds the instant a wall clock shows a day and time', () => {
    expect(instantAt('2021-07-20', '09:00', 'Asia/Shanghai').toISOString()).toBe('2021-07-20T01:00:00.000Z')
    expect(instantAt('2021-07-20', '00:00:00', 'UTC').toISOString()).toBe('2021-07-20T00:00:00.000Z')
    // across daylight saving (New York is UTC-5 in January, UTC-4 in July)
    expect(instantAt('2021-01-15', '09:00', 'America/New_York').toISOString()).toBe('2021-01-15T14:00:00.000Z')
    expect(instantAt('2021-07-15', '09:00', 'America/New_York').toISOString()).toBe('2021-07-15T13:00:00.000Z')
  })

  it('refuses what is not a day and time', () => {
    expect(() => instantAt('2021-7-20', '09:00', 'Asia/Shanghai')).toThrow(RangeError)
  })
})

describe('the bureau’s zone', () => {
  it('is Asia/Shanghai until set, and only a zone the runtime knows is accepted', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai')
    expect(isTimeZone('Asia/Urumqi')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/时区“Mars\/Olympus”无效/)
  })
})

describe('the clock honours the bureau’s zone', () => {
  it('gives today in the zone it was given', () => {
    expect(clockFrom(() => lateEvening).today()).toBe('2021-07-21')
    expect(clockFrom(() => lateEvening, 'Asia/Urumqi').today()).toBe('2021-07-20')
    expect(
      withTimeZone(
        clockFrom(() => lateEvening),
        'Asia/Urumqi',
      ).today(),
    ).toBe('2021-07-20')
  })

  it('stands still at nine in the morning of the given day, on the bureau’s wall clock', () => {
    const clock = fixedClock('2021-07-20')
    expect(clock.today()).toBe('2021-07-20')
    expect(clock.now().toISOString()).toBe('2021-07-20T01:00:00.000Z')
    expect(fixedClock('2021-07-20', 'UTC').now().toISOString()).toBe('2021-07-20T09:00:00.000Z')
  })

  it('shifted to a past day keeps the bureau’s time of day', () => {
    const clock = shiftedClock('2021-07-20', 'Asia/Shanghai')
    expect(clock.today()).toBe('2021-07-20')
    expect(timeIn(clock.now(), 'Asia/Shanghai').slice(0, 5)).toBe(timeIn(new Date(), 'Asia/Shanghai').slice(0, 5))
  })
})
