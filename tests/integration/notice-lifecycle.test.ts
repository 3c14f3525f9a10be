import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch } from '../../electron/contract/dispatch'
import { listTasks, type TaskRow } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { issueNotice, listNotices } from '../../electron/core/reminders/service'
import { decideNotice, readNotice, replyNotice } from '../../electron/core/reminders/notices'
import { draftReminder, listUrges, sendReminder, setReminderSettings } from '../../electron/core/reminders/urging'
import { submitReport } from '../../electron/core/reports/service'
import { uploadFile } from '../../electron/core/files/service'
import { escalateDue } from '../../electron/core/reminders/escalation'
import { listInbox } from '../../electron/core/inbox/service'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let office: Ctx
let scjg: Ctx
let scjg01: Ctx
let pbfw: Ctx
let rows: TaskRow[]
let planId: number

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  scjg01 = await t.ctxAs('scjg01')
  pbfw = await t.ctxAs('pbfw')
  planId = (await listPlans(office))[0]!.id
  rows = await listTasks(office, { planId })
})
afterAll(() => t.cleanup())

const behindOf = (unit: string) => rows.filter((r) => r.status === 'behind' && r.leads[0]?.name === unit)
const audit = (action: string) => t.core.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()

describe('a 督办单 carried to 办结', () => {
  it('goes issued → read → replied with evidence → returned with a reason → replied → 办结, visible to both sides', async () => {
    const task = behindOf('市场监管处')[0]!
    const issued = await issueNotice(office, {
      taskId: task.id,
      issue: '二季度节点未完成',
      requiredReply: '说明原因及整改措施',
      replyDeadline: '2021-07-30',
      signer: '刘伟',
    })
    expect(issued).toMatchObject({ status: 'issued', statusLabel: '待签收', signer: '刘伟', revision: 1 })
    const unitInbox = await listInbox(scjg, { kind: 'notice' })
    expect(unitInbox.items[0]!.title).toContain('请于2021年7月30日前回复')

    await expect(readNotice(pbfw, { noticeId: issued.id })).rejects.toMatchObject({ code: 'forbidden' })
    const read = await readNotice(scjg01, { noticeId: issued.id })
    expect(read).toMatchObject({ status: 'read', statusLabel: '待答复', readAt: expect.any(String) })
    expect((await readNotice(scjg, { noticeId: issued.id })).revision).toBe(read.revision) // a second opening changes nothing

    const photo = await uploadFile(scjg01, { name: '整改说明.txt', dataBase64: Buffer.from('整改说明').toString('base64') })
    const foreign = await uploadFile(pbfw, { name: '别处.txt', dataBase64: Buffer.from('别处').toString('base64') })
    await expect(
      replyNotice(scjg01, { noticeId: issued.id, reply: '已整改', revision: read.revision, attachmentIds: [foreign.id] }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(replyNotice(pbfw, { noticeId: issued.id, reply: '越权' })).rejects.toMatchObject({ code: 'forbidden' })
    const replied = await replyNotice(scjg01, {
      noticeId: issued.id,
      reply: '已制定整改方案',
      revision: read.revision,
      attachmentIds: [photo.id],
    })
    expect(replied).toMatchObject({ status: 'replied', statusLabel: '待办结' })
    expect(replied.steps.map((s) => s.action)).toEqual(['read', 'reply'])
    expect(replied.steps[1]!.attachments).toEqual([{ id: photo.id, fileName: '整改说明.txt' }])
    expect((await listInbox(office, { kind: 'notice_reply' })).items[0]!.title).toBe(`${issued.number} 已回复，待办结`)
    expect((await listNotices(office, { awaitingReply: true })).map((n) => n.id)).not.toContain(issued.id)

    await expect(decideNotice(scjg, { noticeId: issued.id, revision: replied.revision, accept: true })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(decideNotice(office, { noticeId: issued.id, revision: replied.revision, accept: false })).rejects.toMatchObject({
      code: 'invalid_input',
    })
    await expect(decideNotice(office, { noticeId: issued.id, revision: read.revision, accept: true })).rejects.toMatchObject({
      code: 'stale',
    })
    const returned = await decideNotice(office, { noticeId: issued.id, revision: replied.revision, accept: false, reason: '缺少完成时限' })
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '已退回' })
    const back = (await listInbox(scjg, { kind: 'notice' })).items[0]!
    expect(back).toMatchObject({ title: `${issued.number} 回复被退回，请重新回复`, body: '退回理由：缺少完成时限' })

    const again = await replyNotice(scjg, { noticeId: issued.id, reply: '8月31日前完成', revision: returned.revision })
    expect((await listInbox(office, { kind: 'notice_reply' })).items[0]!.title).toContain('第2次')
    const closed = await decideNotice(office, { noticeId: issued.id, revision: again.revision, accept: true })
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结', closedAt: expect.any(String) })
    expect(closed.steps.map((s) => s.action)).toEqual(['read', 'reply', 'return', 'reply', 'accept'])
    expect((await listInbox(scjg01, { kind: 'notice' })).items[0]!.title).toBe(`${issued.number} 已办结`)
    await expect(replyNotice(scjg, { noticeId: issued.id, reply: '再答' })).rejects.toMatchObject({ message: '该督办单已办结' })
    // every step is audited
    for (const action of ['notice.read', 'notice.reply', 'notice.return', 'notice.accept'])
      expect((await audit(action)).length).toBeGreaterThan(0)
    // the task's view of its notices says where each one stands
    expect((await listNotices(scjg, { taskId: task.id }))[0]).toMatchObject({ status: 'closed' })
  })

  it('raises a returned notice unanswered past its deadline to the leader in charge, but never a closed or replied one', async () => {
    const [a, b] = behindOf('市场监管处').slice(1, 3)
    const n1 = await issueNotice(office, { taskId: a!.id, issue: '滞后', requiredReply: '说明', replyDeadline: '2021-07-22' })
    const n2 = await issueNotice(office, { taskId: b!.id, issue: '滞后', requiredReply: '说明', replyDeadline: '2021-07-22' })
    const r1 = await replyNotice(scjg, { noticeId: n1.id, reply: '已说明' })
    await decideNotice(office, { noticeId: n1.id, revision: r1.revision, accept: false, reason: '不具体' })
    await replyNotice(scjg, { noticeId: n2.id, reply: '已说明' })
    t.clock.set('2021-07-23T09:00:00+08:00')
    expect((await escalateDue(office)).escalated).toContain(n1.id)
    expect((await escalateDue(office)).escalated).toEqual([])
    const [raised] = await listNotices(office, { ids: [n1.id] })
    const [waiting] = await listNotices(office, { ids: [n2.id] })
    expect(raised).toMatchObject({ status: 'returned', escalationLevel: 1, overdue: true })
    expect(waiting).toMatchObject({ status: 'replied', escalationLevel: 0, overdue: false })
    t.clock.set('2021-07-20T10:00:00+08:00')
  })

  it('over the contract: roles are checked and decisions carry the revision', async () => {
    const task = behindOf('普遍服务处')[0] ?? behindOf('市场监管处')[3]!
    const login = async (username: string) =>
      ((await dispatch(t.core, 'auth.login', { username, password: 'Duban2021' }, null)) as { ok: true; data: { token: string } }).data
        .token
    const officeToken = await login('office')
    const n = await dispatch(
      t.core,
      'reminders.issueNotice',
      { taskId: task.id, issue: '滞后', requiredReply: '说明', replyDeadline: '2021-07-30' },
      officeToken,
    )
    expect(n.ok).toBe(true)
    const id = (n as { data: { id: number } }).data.id
    const unitToken = await login(task.leads[0]!.name === '普遍服务处' ? 'pbfw' : 'scjg')
    expect(await dispatch(t.core, 'reminders.decideNotice', { noticeId: id, revision: 1, accept: true }, unitToken)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await dispatch(t.core, 'reminders.decideNotice', { noticeId: id, accept: true }, officeToken)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch(t.core, 'reminders.readNotice', { noticeId: id }, unitToken)).toMatchObject({
      ok: true,
      data: { status: 'read' },
    })
  })
})

describe('催办 on record', () => {
  it('drafts the text from the template, records the tasks, and warns before a second 催办 within the window', async () => {
    const unitId = pbfw.actor!.unitId!
    const draft = await draftReminder(office, { unitId, planId })
    expect(draft.tasks.length).toBeGreaterThan(0)
    expect(draft.text).toContain('普遍服务处')
    expect(draft.text).toContain('2021年7月25日')
    expect(draft.text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(draft.text).toContain(draft.tasks[0]!.label)
    expect(draft.recent).toBeNull()

    const first = await sendReminder(office, { unitId, planId, message: draft.text })
    const [urge] = await listUrges(office, { ids: [first.id] })
    expect(urge).toMatchObject({ unitName: '普遍服务处', byName: office.actor!.displayName, issue: draft.text })
    expect(urge!.tasks.map((x) => x.id)).toEqual(draft.tasks.map((x) => x.id))

    t.clock.advanceMinutes(60)
    const second = await draftReminder(office, { unitId, planId })
    expect(second.recent).toMatchObject({ count: 1, lastByName: office.actor!.displayName })
    await expect(sendReminder(office, { unitId, planId })).rejects.toMatchObject({
      code: 'recently_urged',
      message: expect.stringContaining('24小时内已催办普遍服务处1次'),
    })
    await sendReminder(office, { unitId, planId, override: true })
    expect((await listUrges(office, { unitId })).length).toBe(2)
    expect((await listUrges(office, { taskId: draft.tasks[0]!.id })).length).toBe(2)
    expect(await listUrges(scjg, { unitId })).toEqual([]) // another unit sees none of it

    // a report sent since shows on the record, task by task
    await submitReport(pbfw, { taskId: draft.tasks[0]!.id, percent: 50, progress: '推进中' })
    const [latest] = await listUrges(pbfw, {})
    expect(latest!.tasks.find((x) => x.id === draft.tasks[0]!.id)!.reported).toBe(true)

    // the window is the office's setting; past it, no warning
    await setReminderSettings(office, { template: '{单位}：请于{截止日期}前报送{任务}。', windowHours: 1 })
    t.clock.advanceMinutes(90)
    const third = await draftReminder(office, { unitId, planId })
    expect(third.recent).toBeNull()
    expect(third.text).toMatch(/^普遍服务处：请于2021年7月25日前报送/)
    await expect(setReminderSettings(office, { template: '{单位名称}', windowHours: 1 })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(setReminderSettings(scjg, { template: '{单位}', windowHours: 1 })).rejects.toMatchObject({ code: 'forbidden' })
    t.clock.set('2021-07-20T10:00:00+08:00')
  })
})
