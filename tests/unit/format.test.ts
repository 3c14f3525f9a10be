import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatPercent, formatSection } from '@/utils/format'
import { useDisplayTimeZone } from '@/utils/zone'
import { DEFAULT_TIME_ZONE } from '../../electron/contract/vocabulary'

describe('formatDate', () => {
  it('writes a stored day the way documents do', () => {
    expect(formatDate('2021-04-09')).toBe('2021年4月9日')
    expect(formatDate('2021-12-31')).toBe('2021年12月31日')
  })

  it('shows a dash when there is no date', () => {
    expect(formatDate(null)).toBe('—')
    expect(formatDate(undefined)).toBe('—')
    expect(formatDate('')).toBe('—')
  })

  it('shows an ISO timestamp as its day in the bureau’s zone', () => {
    // 2021-07-19T17:30Z is already 20 July in Suzhou, whatever zone the test process runs in
    expect(formatDate('2021-07-19T17:30:00.000Z')).toBe('2021年7月20日')
  })

  it('leaves text it cannot read as it is', () => {
    expect(formatDate('年底前')).toBe('年底前')
  })
})

describe('formatDateTime', () => {
  it('adds the bureau’s wall-clock time to timestamps', () => {
    expect(formatDateTime('2021-07-20T01:05:00.000Z')).toBe('2021年7月20日 09:05')
    expect(formatDateTime('2021-07-20')).toBe('2021年7月20日')
    expect(formatDateTime(null)).toBe('—')
  })
})

describe('formatSection and formatPercent', () => {
  it('joins a section number and title with the enumeration comma', () => {
    expect(formatSection('一', '坚持党的领导，持续推进全面从严治党')).toBe('一、坚持党的领导，持续推进全面从严治党')
    expect(formatSection('二、', '加强政策赋能')).toBe('二、加强政策赋能')
    expect(formatSection(null, null, '其他')).toBe('其他')
  })

  it('rounds percents', () => {
    expect(formatPercent(55.4)).toBe('55%')
    expect(formatPercent(null)).toBe('—')
  })
})

describe('timestamps follow the bureau’s zone, not the browser’s', () => {
  it('reads the same instant on another bureau’s wall clock once told its zone', () => {
    try {
      useDisplayTimeZone('Asia/Urumqi') // UTC+6
      expect(formatDateTime('2021-07-19T17:30:00.000Z')).toBe('2021年7月19日 23:30')
    } finally {
      useDisplayTimeZone(DEFAULT_TIME_ZONE)
    }
    expect(formatDateTime('2021-07-19T17:30:00.000Z')).toBe('2021年7月20日 01:30')
  })
})
