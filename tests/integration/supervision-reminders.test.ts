import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { issueNotice, listNotices, notReported, setReportingDay } from '../../electron/core/reminders/service'
import { replyNotice } from '../../electron/core/reminders/notices'
import { sendReminder } from '../../electron/core/reminders/urging'
import { escalateDue } from '../../electron/core/reminders/escalation'
import { listInbox, markRead, unreadCounts } from '../../electron/core/inbox/service'
import { listInstructions, replyInstruction, writeInstruction } from '../../electron/core/instructions/service'
import { homeSummary } from '../../electron/core/home/service'
import type { Ctx } from '../../electron/core/context'
import type { TaskRow } from '../../electron/core/tasks/service'

let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let scjg01: Ctx
let pbfw: Ctx
let fujuzhang: Ctx
let rows: TaskRow[]

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  scjg01 = await t.ctxAs('scjg01')
  pbfw = await t.ctxAs('pbfw')
  fujuzhang = await t.ctxAs('fujuzhang')
  planId = (await listPlans(office))[0].id
  rows = await listTasks(office, { planId })
})
afterAll(() => t.cleanup())

const scjgTasks = () => rows.filter((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处')

describe('who has not reported, and 催办', () => {
  it('lists units without a submitted report this period; late only after the reporting day', async () => {
    const before = await notReported(office, { planId })
    expect(before).toMatchObject({ period: '2021-07', dueOn: '2021-07-25', late: false })
    const scjgMissing = before.units.find((u) => u.unitName === '市场监管处')!
    expect(scjgMissing.tasks.length).toBeGreaterThan(0)

    await submitReport(scjg, { taskId: scjgMissing.tasks[0].id, percent: 60, progress: '推进中' })
    const after = await notReported(office, { planId })
    expect(after.units.find((u) => u.unitName === '市场监管处')!.tasks).toHaveLength(scjgMissing.tasks.length - 1)

    t.clock.set('2021-07-26T14:00:00+08:00')
    expect((await notReported(office, { planId })).late).toBe(true)
    await setReportingDay(office, { day: 31 })
    expect(await notReported(office, { planId })).toMatchObject({ dueOn: '2021-07-31', late: false })
    expect((await notReported(scjg, { planId })).units.map((u) => u.unitName)).toEqual(['市场监管处'])
    t.clock.set('2021-07-20T14:00:00+08:00')
  })

  it('sends a 催办 to a unit with one call, which lands unread in the unit’s inbox', async () => {
    const unitId = scjg.actor!.unitId!
    const r = await sendReminder(office, { unitId })
    expect(r.issue).toContain('未报送')
    const counts = await unreadCounts(scjg01)
    expect(counts.byKind.reminder).toBe(1)
    const { items } = await listInbox(scjg01, { unreadOnly: true })
    await markRead(scjg01, { ids: items.filter((i) => i.kind === 'reminder').map((i) => i.id) })
    expect((await unreadCounts(scjg)).byKind.reminder).toBeUndefined() // read by one, read for the unit
    await expect(sendReminder(scjg, { unitId })).rejects.toMatchObject({ code: 'forbidden' })
  })
})

describe('督办单 and escalation', () => {
  it('numbers notices per year, only for late tasks, and escalates an unanswered one to the leader in charge', async () => {
    const behind = scjgTasks().filter((r) => r.status === 'behind' && r.leaderId !== null)
    expect(behind.length).toBeGreaterThan(1)
    const onTrack = rows.find((r) => r.status === 'on_track')!
    await expect(
      issueNotice(office, { taskId: onTrack.id, issue: 'x', requiredReply: 'y', replyDeadline: '2021-07-23' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('逾期或进度滞后'),
    })
    const first = await issueNotice(office, {
      taskId: behind[0].id,
      issue: '二季度节点未完成',
      requiredReply: '说明原因及整改措施',
      replyDeadline: '2021-07-23',
    })
    const second = await issueNotice(office, {
      taskId: behind[1].id,
      issue: '进度滞后',
      requiredReply: '说明原因',
      replyDeadline: '2021-07-23',
    })
    expect([first.number, second.number]).toEqual(['督办〔2021〕1号', '督办〔2021〕2号'])
    expect((await listInbox(scjg, { kind: 'notice' })).items).toHaveLength(2)
    await expect(replyNotice(pbfw, { noticeId: first.id, reply: '越权' })).rejects.toMatchObject({ code: 'forbidden' })

    await replyNotice(scjg, { noticeId: second.id, reply: '已制定整改方案，8月底前赶上进度' })
    t.clock.set('2021-07-23T18:00:00+08:00') // the deadline day itself is not late
    expect((await escalateDue(office)).escalated).toEqual([])

    t.clock.set('2021-07-24T14:00:00+08:00')
    const leaderInbox = await listInbox(fujuzhang, { kind: 'escalation' }) // listing escalates what is due
    expect(leaderInbox.items).toHaveLength(1)
    expect(leaderInbox.items[0]).toMatchObject({ refId: first.id, read: false, title: expect.stringContaining('督办〔2021〕1号') })
    const [raised] = await listNotices(office, { taskId: behind[0].id })
    expect(raised).toMatchObject({ escalationLevel: 1, escalatedTo: expect.stringContaining('刘伟'), overdue: true })
    const [answered] = await listNotices(office, { taskId: behind[1].id })
    expect(answered.escalationLevel).toBe(0)
    expect((await escalateDue(office)).escalated).toEqual([]) // only once
    const leaderHome = await homeSummary(fujuzhang, {})
    expect(leaderHome.escalated!.map((n) => n.id)).toEqual([first.id])
    expect(leaderHome.inCharge!.length).toBeGreaterThan(0)
    expect(leaderHome.inCharge!.every((r) => rows.find((x) => x.id === r.id)!.leaderId === fujuzhang.actor!.id)).toBe(true)
    t.clock.set('2021-07-20T14:00:00+08:00')
  })
})

describe('leader instructions (批示)', () => {
  it('reaches the lead unit’s inbox, is answered there, and the thread stays on the task', async () => {
    const task = scjgTasks()[0]
    await expect(writeInstruction(office, { taskId: task.id, body: 'x' })).rejects.toMatchObject({ code: 'forbidden' })
    const [thread] = await writeInstruction(fujuzhang, { taskId: task.id, body: '请加快推进，8月底前见成效' })
    const unread = await listTasks(scjg, { planId, hasUnreadInstruction: true })
    expect(unread.map((r) => r.id)).toEqual([task.id])
    const { items } = await listInbox(scjg, { kind: 'instruction' })
    expect(items[0]).toMatchObject({ refId: thread.id, taskId: task.id, body: '请加快推进，8月底前见成效' })

    await expect(replyInstruction(pbfw, { instructionId: thread.id, body: '越权' })).rejects.toMatchObject({ code: 'forbidden' })
    const after = await replyInstruction(scjg, { instructionId: thread.id, body: '收到，已部署落实' })
    expect(after[0].replies.map((r) => r.body)).toEqual(['收到，已部署落实'])
    expect((await listInbox(fujuzhang, { kind: 'instruction_reply' })).items).toHaveLength(1)
    expect((await listInstructions(office, { taskId: task.id }))[0].replies).toHaveLength(1)

    await markRead(scjg, { all: true })
    expect(await listTasks(scjg, { planId, hasUnreadInstruction: true })).toEqual([])
  })
})

describe('home summaries per role', () => {
  it('gives the office its queues and a unit its own work', async () => {
    const home = await homeSummary(office, {})
    expect(home.role).toBe('office')
    expect(home.pendingReview!.count).toBeGreaterThan(0)
    expect(home.notReported!.units.length).toBeGreaterThan(0)
    expect(home.noticesAwaitingReply!.every((n) => n.kind === 'notice' && !n.repliedAt)).toBe(true)
    const unit = await homeSummary(scjg, {})
    expect(unit.role).toBe('unit')
    expect(unit.byStatus.reduce((s, x) => s + x.count, 0)).toBe((await listTasks(scjg, { planId })).length)
    expect(unit.toReport!.length).toBeGreaterThan(0)
    expect(unit.returned).toEqual([])
  })
})
