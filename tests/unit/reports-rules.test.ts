import { describe, expect, it } from 'vitest'
import {
  assertEditable,
  assertFinalAllowed,
  assertMayReadReport,
  assertReviewable,
  isReportLate,
  nextVersion,
  periodOf,
  reportDueDate,
  unitRoleOn,
} from '../../electron/core/reports/rules'

describe('the reporting day', () => {
  it('falls on the set day, or on the last day of a shorter month', () => {
    expect(reportDueDate('2021-07', 25)).toBe('2021-07-25')
    expect(reportDueDate('2021-02', 31)).toBe('2021-02-28')
    expect(reportDueDate('2024-02', 30)).toBe('2024-02-29')
    expect(reportDueDate('2021-04', 31)).toBe('2021-04-30')
    expect(reportDueDate('2021-12', 31)).toBe('2021-12-31')
  })

  it('counts a missing report as late only after the reporting day', () => {
    expect(isReportLate('2021-07', 25, '2021-07-25')).toBe(false)
    expect(isReportLate('2021-07', 25, '2021-07-26')).toBe(true)
    expect(isReportLate('2021-02', 31, '2021-02-28')).toBe(false)
    expect(isReportLate('2021-02', 31, '2021-03-01')).toBe(true)
    expect(isReportLate('2021-12', 25, '2022-01-02')).toBe(true)
  })

  it('takes the period from the day', () => {
    expect(periodOf('2021-07-31')).toBe('2021-07')
    expect(periodOf('2022-01-01')).toBe('2022-01')
  })
})

describe('who may do what with a report', () => {
  const task = { leads: [1, 2], coops: [3] }
  it('knows a unit’s part on a task', () => {
    expect([1, 2, 3, 4, null].map((u) => unitRoleOn(task, u))).toEqual(['lead', 'lead', 'coop', null, null])
  })
  it('lets drafts and returned reports be edited, not submitted or approved ones', () => {
    expect(() => assertEditable(undefined)).not.toThrow()
    expect(() => assertEditable('draft')).not.toThrow()
    expect(() => assertEditable('returned')).not.toThrow()
    expect(() => assertEditable('submitted')).toThrow('等待办公室审核')
    expect(() => assertEditable('approved')).toThrow('审核通过')
  })
  it('reviews only a lead unit’s submitted report', () => {
    expect(() => assertReviewable('submitted', 'lead')).not.toThrow()
    expect(() => assertReviewable('submitted', 'coop')).toThrow('配合单位')
    expect(() => assertReviewable('draft', 'lead')).toThrow('不在待审核状态')
  })
  it('numbers a resubmission after a return as a new version', () => {
    expect(nextVersion(undefined, 1)).toBe(1)
    expect(nextVersion('draft', 1)).toBe(1)
    expect(nextVersion('returned', 2)).toBe(3)
  })
  it('allows 申请销号 only to a lead unit at 100%', () => {
    expect(() => assertFinalAllowed(true, 'lead', 100)).not.toThrow()
    expect(() => assertFinalAllowed(true, 'lead', 95)).toThrow('100%')
    expect(() => assertFinalAllowed(true, 'coop', 100)).toThrow('牵头单位')
    expect(() => assertFinalAllowed(false, 'coop', 10)).not.toThrow()
  })
})

describe('who may see a report and its evidence', () => {
  const actor = (role: 'office' | 'leader' | 'unit_head', unitId: number | null) => ({
    id: 1,
    username: 'u',
    displayName: 'u',
    role,
    unitId,
  })
  const draft = { status: 'draft' as const, unit_id: 7 }
  const submitted = { status: 'submitted' as const, unit_id: 7 }
  it('keeps a draft inside the unit that writes it, from the office and leaders too', () => {
    expect(() => assertMayReadReport(actor('unit_head', 7), [7, 8], draft)).not.toThrow()
    for (const a of [actor('unit_head', 8), actor('office', 1), actor('leader', null)]) {
      expect(() => assertMayReadReport(a, [7, 8], draft, '该文件')).toThrow('该文件属于尚未提交的报送草稿')
      expect(() => assertMayReadReport(a, [7, 8], submitted)).not.toThrow()
    }
  })
  it('refuses a unit outside the task whatever the status', () => {
    expect(() => assertMayReadReport(actor('unit_head', 9), [7, 8], submitted)).toThrow('无权查看')
  })
})
