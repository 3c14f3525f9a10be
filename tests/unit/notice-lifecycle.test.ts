import { describe, expect, it } from 'vitest'
import { awaitsUnit, noticeMove } from '../../electron/core/reminders/lifecycle'
import { fillReminder, recentUrges, unknownPlaceholders, DEFAULT_REMINDER_TEMPLATE } from '../../electron/core/reminders/urgeRules'
import type { NoticeStatus } from '../../electron/core/db/schema'

const unit = { role: 'unit_staff' as const, unitId: 7 }
const otherUnit = { role: 'unit_head' as const, unitId: 8 }
const office = { role: 'office' as const, unitId: 1 }
const leader = { role: 'leader' as const, unitId: null }
const at = (status: NoticeStatus) => ({ status, unitId: 7 })

describe('the 督办单 lifecycle', () => {
  it('runs issued → read → replied → returned → replied → closed', () => {
    expect(noticeMove(at('issued'), 'read', unit)).toEqual({ ok: true, to: 'read' })
    expect(noticeMove(at('read'), 'reply', unit, { body: '已整改' })).toEqual({ ok: true, to: 'replied' })
    expect(noticeMove(at('replied'), 'return', office, { body: '佐证不足' })).toEqual({ ok: true, to: 'returned' })
    expect(noticeMove(at('returned'), 'reply', unit, { body: '补充佐证' })).toEqual({ ok: true, to: 'replied' })
    expect(noticeMove(at('replied'), 'accept', office)).toEqual({ ok: true, to: 'closed' })
  })

  it('lets the unit reply straight away (the reply is its receipt too)', () => {
    expect(noticeMove(at('issued'), 'reply', unit, { body: '已整改' })).toEqual({ ok: true, to: 'replied' })
  })

  it('lets only the addressed unit read and reply, and only the office decide', () => {
    expect(noticeMove(at('issued'), 'read', otherUnit)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('issued'), 'read', office)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('read'), 'reply', otherUnit, { body: 'x' })).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('read'), 'reply', office, { body: 'x' })).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('replied'), 'accept', unit)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('replied'), 'accept', leader)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(noticeMove(at('replied'), 'return', unit, { body: 'x' })).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('refuses steps out of order, a return without a reason, and anything after 办结', () => {
    expect(noticeMove(at('read'), 'accept', office)).toMatchObject({ ok: false, code: 'conflict' })
    expect(noticeMove(at('returned'), 'return', office, { body: 'x' })).toMatchObject({ ok: false, code: 'conflict' })
    expect(noticeMove(at('replied'), 'reply', unit, { body: 'x' })).toMatchObject({ ok: false, code: 'conflict' })
    expect(noticeMove(at('replied'), 'return', office, { body: '  ' })).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(noticeMove(at('read'), 'reply', unit, { body: '' })).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(noticeMove(at('read'), 'read', unit)).toMatchObject({ ok: false, code: 'conflict' })
    for (const action of ['read', 'reply', 'return', 'accept'] as const) {
      expect(noticeMove(at('closed'), action, action === 'read' || action === 'reply' ? unit : office, { body: 'x' })).toMatchObject({
        ok: false,
        message: '该督办单已办结',
      })
    }
  })

  it('waits on the unit while issued, read or returned (these may be escalated)', () => {
    expect((['issued', 'read', 'replied', 'returned', 'closed'] as const).filter(awaitsUnit)).toEqual(['issued', 'read', 'returned'])
  })
})

describe('催办 text and pacing', () => {
  const facts = {
    unitName: '市场监管处',
    taskLabels: ['重点工作第3项', '工作要点第15项'],
    period: '2021-07',
    dueOn: '2021-07-26',
    today: '2021-07-20',
  }

  it('fills the template with the unit, the tasks and dates written as the office writes them', () => {
    expect(fillReminder(DEFAULT_REMINDER_TEMPLATE, facts)).toBe(
      '市场监管处：截至2021年7月20日，你单位牵头的2项任务尚未报送2021年7月进展（重点工作第3项、工作要点第15项），请于2021年7月26日前在督办台报送。',
    )
    expect(fillReminder('{单位}{单位}，{未知}', facts)).toBe('市场监管处市场监管处，{未知}')
    expect(fillReminder('{任务}', { ...facts, taskLabels: Array.from({ length: 12 }, (_, i) => `第${i + 1}项`) })).toBe(
      '第1项、第2项、第3项、第4项、第5项、第6项、第7项、第8项、第9项、第10项等12项',
    )
    expect(fillReminder(DEFAULT_REMINDER_TEMPLATE, facts)).not.toMatch(/\d{4}-\d{2}/)
  })

  it('names placeholders it cannot fill', () => {
    expect(unknownPlaceholders('{单位}：{单位名称}{任务数}{截至}')).toEqual(['{单位名称}', '{截至}'])
    expect(unknownPlaceholders(DEFAULT_REMINDER_TEMPLATE)).toEqual([])
  })

  it('counts the 催办 sent within the window before now', () => {
    const now = new Date('2021-07-21T10:00:00Z')
    const sent = ['2021-07-20T09:00:00Z', '2021-07-20T11:00:00Z', '2021-07-21T08:00:00Z']
    expect(recentUrges(sent, now, 24)).toEqual({ count: 2, last: '2021-07-21T08:00:00Z' })
    expect(recentUrges(sent, now, 1)).toEqual({ count: 0, last: null })
    expect(recentUrges([], now, 24)).toEqual({ count: 0, last: null })
  })
})
