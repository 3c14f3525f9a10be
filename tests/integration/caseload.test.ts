import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import type { Ctx } from '../../electron/core/context'
import { contract, type Method, type Input, type Output } from '../../electron/contract'
import { handlers, type CallMeta } from '../../electron/contract/handlers'
import { listInbox } from '../../electron/core/inbox/service'
import { updateTask } from '../../electron/core/tasks/service'
import { submitReport } from '../../electron/core/reports/service'
import { reviewReport } from '../../electron/core/reports/review'
import { notReported } from '../../electron/core/reminders/service'
import { exportLedger } from '../../electron/core/exporters/ledger'
import ExcelJS from 'exceljs'

let t: TestCore
let office: Ctx
let scjg: Ctx
let pbfw: Ctx
let juzhang: Ctx
let fujuzhang: Ctx
let unit: Record<string, number>
let juzhangId: number

const meta: CallMeta = { token: null, remoteAddress: 'test', local: true }
/** Through the contract's own schema and handler, as a transport would call it. */
async function call<M extends Method>(ctx: Ctx, method: M, input: Input<M>): Promise<Output<M>> {
  const parsed = contract[method].input.parse(input)
  return (handlers[method] as (c: Ctx, i: unknown, m: CallMeta) => Promise<Output<M>>)(ctx, parsed, meta)
}

async function matter(ctx: Ctx, patch: Partial<Input<'matters.create'>> = {}, lead = '市场监管处') {
  return call(ctx, 'matters.create', {
    sourceKind: 'instruction',
    sourceTitle: '关于寄递渠道安全检查的批示',
    instructedBy: juzhangId,
    items: [
      { text: '落实局长批示，开展寄递渠道安全专项检查。', leadUnitIds: [unit[lead]], coopUnitIds: [unit['普遍服务处']], urgency: 'normal' },
    ],
    ...patch,
  })
}

beforeAll(async () => {
  t = await demoCore() // 2021年7月20日（周二）
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  pbfw = await t.ctxAs('pbfw')
  juzhang = await t.ctxAs('juzhang')
  fujuzhang = await t.ctxAs('fujuzhang')
  unit = Object.fromEntries((await t.core.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]))
  juzhangId = juzhang.actor!.id
})
afterAll(() => t.cleanup())

describe('matters.create (立项)', () => {
  it('numbers matters per series and year and sets the due date in working days', async () => {
    const a = await matter(office)
    const b = await matter(office)
    const c = await matter(office, { sourceKind: 'meeting', instructedBy: null, sourceTitle: '局长办公会议纪要' })
    expect(a.matters[0]).toMatchObject({ matterNo: '批〔2021〕1号', deadline: '2021-08-10' }) // 15 working days after 7月20日
    expect(b.matters[0].matterNo).toBe('批〔2021〕2号')
    expect(c.matters[0].matterNo).toBe('督〔2021〕1号')
    const urgent = await call(office, 'matters.create', {
      sourceKind: 'superior',
      items: [{ text: '上级交办：排查隐患', leadUnitIds: [unit['市场监管处']], urgency: 'urgent', timeLimitDays: 3 }],
    })
    expect(urgent.matters[0].deadline).toBe('2021-07-23')
    const detail = await call(office, 'matters.detail', { taskId: a.matters[0].taskId })
    expect(detail).toMatchObject({ sourceKind: 'instruction', sourceLabel: '领导批示件', needsSignature: true, acknowledgedAt: null })
    expect(detail.instructedBy?.id).toBe(juzhangId)
    // the matters live in the year's container plan, one list (ledger sheet, dashboard list) per source
    const plan = await t.core.db.selectFrom('plans').select(['kind', 'title']).where('id', '=', a.planId).executeTakeFirstOrThrow()
    expect(plan).toEqual({ kind: 'matters', title: '2021年督查督办事项' })
    const lists = await t.core.db.selectFrom('lists').select(['name', 'kind']).where('plan_id', '=', a.planId).orderBy('sort').execute()
    expect(lists.map((l) => l.name)).toEqual(['会议议定事项', '领导批示件', '上级交办'])
    const inbox = await listInbox(scjg, { kind: 'assignment' })
    expect(inbox.items.some((i) => i.taskId === a.matters[0].taskId && i.title.includes('批〔2021〕1号'))).toBe(true)
    const audit = await t.core.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.matters[0].taskId).execute()
    expect(audit.map((x) => x.action)).toContain('matter.create')
  })

  it('refuses units and leaders, and a 急件 beyond 5 working days', async () => {
    await expect(matter(scjg)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(matter(juzhang)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      call(office, 'matters.create', {
        sourceKind: 'other',
        items: [{ text: '急', leadUnitIds: [unit['市场监管处']], urgency: 'urgent', timeLimitDays: 8 }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('急件') })
  })

  it('previews the number and due date, and reads several matters from minutes', async () => {
    const p = await call(office, 'matters.preview', {
      sourceKind: 'meeting',
      urgency: 'complex',
      text: '局长办公会议纪要\n一、开展快递末端网点备案清理。（市场监管处牵头，普遍服务处配合）\n二、推进农村寄递物流体系建设。（普遍服务处牵头）\n',
    })
    expect(p.nextNumber).toBe('督〔2021〕3号') // 督 is shared by meetings and superiors' matters
    expect(p.timeLimitDays).toBe(30)
    expect(p.items.length).toBe(2)
    expect(p.items[0].leadUnitIds).toEqual([unit['市场监管处']])
    expect(p.items[1].leadUnitIds).toEqual([unit['普遍服务处']])
  })

  it('spawns a follow-up matter from a 批示 on a plan task, linked both ways', async () => {
    const planTask = await t.core.db
      .selectFrom('tasks')
      .select('id')
      .where('source_kind', '=', 'plan')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const [ins] = await call(juzhang, 'instructions.write', { taskId: planTask.id, body: '请市场监管处专题研究并限期落实。' })
    const f = await call(office, 'matters.create', {
      sourceKind: 'instruction',
      parentTaskId: planTask.id,
      parentInstructionId: ins.id,
      items: [{ text: '专题研究并限期落实', leadUnitIds: [unit['市场监管处']], urgency: 'normal' }],
    })
    const detail = await call(office, 'matters.detail', { taskId: f.matters[0].taskId })
    expect(detail.parent?.taskId).toBe(planTask.id)
    expect(detail.instructedBy?.id).toBe(juzhangId) // the 批示's author
    const parent = await call(office, 'matters.detail', { taskId: planTask.id })
    expect(parent.followups.map((x) => x.taskId)).toContain(f.matters[0].taskId)
  })
})

describe('签收 and 退回', () => {
  it('lets only the lead unit sign for its own assignment, once', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await expect(call(pbfw, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('牵头单位'),
    })
    await expect(call(office, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({ code: 'forbidden' })
    const anquan = await t.ctxAs('anquan')
    await expect(call(anquan, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('不属于'),
    })
    await call(scjg, 'tasks.acknowledge', { taskId })
    await expect(call(scjg, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({ code: 'conflict', message: '该事项已签收' })
    const d = await call(scjg, 'matters.detail', { taskId })
    expect(d.acknowledgedAt).not.toBeNull()
    expect(d.acknowledgedBy).toContain('张强')
    await expect(call(scjg, 'tasks.returnAssignment', { taskId, reason: '不是我处职责' })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('returns an assignment to the office with a reason; reassigning resolves it and asks the new lead to sign', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await expect(call(pbfw, 'tasks.returnAssignment', { taskId, reason: '不是我处' })).rejects.toMatchObject({ code: 'forbidden' })
    await call(scjg, 'tasks.returnAssignment', { taskId, reason: '该事项属普遍服务处职责' })
    await expect(call(scjg, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({ code: 'conflict' })
    const officeInbox = await listInbox(office, { kind: 'assignment_returned' })
    expect(officeInbox.items.find((i) => i.taskId === taskId)?.body).toBe('该事项属普遍服务处职责')
    const task = await t.core.db.selectFrom('tasks').select('version').where('id', '=', taskId).executeTakeFirstOrThrow()
    await updateTask(office, { taskId, version: task.version, leadUnitIds: [unit['普遍服务处']], coopUnitIds: [] })
    const d = await call(office, 'matters.detail', { taskId })
    expect(d.returns).toHaveLength(1)
    expect(d.returns[0]).toMatchObject({ unitName: '市场监管处', reassignedTo: '普遍服务处' })
    expect(d.returns[0].resolvedAt).not.toBeNull()
    expect((await listInbox(pbfw, { kind: 'assignment' })).items.some((i) => i.taskId === taskId)).toBe(true)
    await call(pbfw, 'tasks.acknowledge', { taskId })
  })
})

describe('改派 (tasks.bulkAssign) restarts 签收', () => {
  it('asks the new lead to sign within the set working days and keeps the old lead’s 签收 in the history', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await call(scjg, 'tasks.acknowledge', { taskId })
    const signed = await call(office, 'matters.detail', { taskId })
    expect(signed.signDueOn).toBe('2021-07-22')
    t.clock.set('2021-07-22T10:00:00+08:00') // 周四
    try {
      const { version } = await t.core.db.selectFrom('tasks').select('version').where('id', '=', taskId).executeTakeFirstOrThrow()
      await call(office, 'tasks.bulkAssign', { taskIds: [taskId], versions: [{ taskId, version }], leadUnitIds: [unit['普遍服务处']] })
      const d = await call(office, 'matters.detail', { taskId })
      expect(d).toMatchObject({ needsSignature: true, acknowledgedAt: null, acknowledgedBy: null, signDueOn: '2021-07-26' }) // 2 working days from 7月22日
      expect(d.earlierSignatures).toHaveLength(1)
      expect(d.earlierSignatures[0]).toMatchObject({ leads: ['市场监管处'], acknowledgedAt: signed.acknowledgedAt })
      expect(d.earlierSignatures[0].acknowledgedBy).toContain('张强')
      expect((await call(pbfw, 'matters.unsigned', {})).some((r) => r.taskId === taskId)).toBe(true)
      expect((await listInbox(pbfw, { kind: 'assignment' })).items.some((i) => i.taskId === taskId)).toBe(true)
      await expect(call(scjg, 'tasks.acknowledge', { taskId })).rejects.toMatchObject({ code: 'forbidden' })
      await call(pbfw, 'tasks.acknowledge', { taskId })
      expect((await call(office, 'matters.detail', { taskId })).acknowledgedAt).not.toBeNull()
      // moving only the coops, or naming the same lead again, asks for no new 签收
      const again = await t.core.db.selectFrom('tasks').select('version').where('id', '=', taskId).executeTakeFirstOrThrow()
      await call(office, 'tasks.bulkAssign', {
        taskIds: [taskId],
        versions: [{ taskId, version: again.version }],
        leadUnitIds: [unit['普遍服务处']],
        coopUnitIds: [unit['市场监管处']],
      })
      expect((await call(office, 'matters.detail', { taskId })).acknowledgedAt).not.toBeNull()
    } finally {
      t.clock.set('2021-07-20T10:00:00+08:00')
    }
  })
})

describe('延期', () => {
  it('takes a request from the lead unit before the due date; the instructing leader approves and the due date moves', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await call(scjg, 'tasks.acknowledge', { taskId })
    const ask = { taskId, reason: '需等待省局统一部署', proposedDue: '2021-09-30' }
    await expect(call(pbfw, 'extensions.request', ask)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('牵头单位'),
    })
    await expect(call(scjg, 'extensions.request', { ...ask, proposedDue: '2021-08-01' })).rejects.toMatchObject({
      message: expect.stringContaining('晚于'),
    })
    const [req] = await call(scjg, 'extensions.request', ask)
    expect(req).toMatchObject({ status: 'pending', previousDue: '2021-08-10', proposedDue: '2021-09-30' })
    await expect(call(scjg, 'extensions.request', ask)).rejects.toMatchObject({ code: 'conflict' })
    expect((await listInbox(juzhang, { kind: 'extension_request' })).items.some((i) => i.refId === req.id)).toBe(true)
    await expect(call(scjg, 'extensions.decide', { extensionId: req.id, decision: 'approve' })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(call(fujuzhang, 'extensions.decide', { extensionId: req.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await call(juzhang, 'extensions.decide', { extensionId: req.id, decision: 'approve', reason: '同意' })
    await expect(call(office, 'extensions.decide', { extensionId: req.id, decision: 'refuse', reason: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    })
    const task = await call(scjg, 'tasks.get', { taskId })
    expect(task.dueOn).toBe('2021-09-30')
    expect(task.history.map((h) => h.action)).toEqual(expect.arrayContaining(['extension.request', 'extension.approve']))
    const d = await call(scjg, 'matters.detail', { taskId })
    expect(d.extensions).toHaveLength(1)
    expect(d.extensions[0]).toMatchObject({ status: 'approved', decidedBy: expect.stringContaining(''), previousDue: '2021-08-10' })
    expect((await listInbox(scjg, { kind: 'extension_decision' })).items[0].title).toContain('已同意')
  })

  it('refusal keeps the due date and needs a reason; the office may decide any matter', async () => {
    const { matters } = await matter(office, { sourceKind: 'meeting', instructedBy: null })
    const taskId = matters[0].taskId
    const [req] = await call(scjg, 'extensions.request', { taskId, reason: '人手不足', proposedDue: '2021-08-20' })
    await expect(call(juzhang, 'extensions.decide', { extensionId: req.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(call(office, 'extensions.decide', { extensionId: req.id, decision: 'refuse' })).rejects.toMatchObject({
      message: expect.stringContaining('理由'),
    })
    const after = await call(office, 'extensions.decide', { extensionId: req.id, decision: 'refuse', reason: '时限不能再延' })
    expect(after[0].status).toBe('refused')
    expect((await call(office, 'tasks.get', { taskId })).dueOn).toBe('2021-08-10')
    expect((await call(office, 'extensions.list', { status: 'refused' })).some((e) => e.id === req.id)).toBe(true)
  })

  it('refuses a request after the due date', async () => {
    const { matters } = await call(office, 'matters.create', {
      sourceKind: 'other',
      items: [{ text: '急办事项', leadUnitIds: [unit['市场监管处']], urgency: 'urgent', timeLimitDays: 1 }],
    })
    const taskId = matters[0].taskId
    t.clock.set('2021-07-23T10:00:00+08:00') // due 7月21日
    try {
      await expect(call(scjg, 'extensions.request', { taskId, reason: '来不及', proposedDue: '2021-08-30' })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('到期前'),
      })
      expect((await call(scjg, 'matters.detail', { taskId })).canRequestExtension).toBe(false)
    } finally {
      t.clock.set('2021-07-20T10:00:00+08:00')
    }
  })
})

describe('unsigned assignments past the window', () => {
  it('show on 督查督办 and reach the unit’s inbox once', async () => {
    const { matters } = await matter(office, {}, '市快递协会')
    const taskId = matters[0].taskId
    const xiehui = await t.ctxAs('xiehui')
    expect((await call(office, 'matters.unsigned', { overdueOnly: true })).some((r) => r.taskId === taskId)).toBe(false)
    t.clock.set('2021-07-23T10:00:00+08:00') // two working days allowed: 7月22日 was the last
    try {
      const rows = await call(office, 'matters.unsigned', { overdueOnly: true })
      expect(rows.find((r) => r.taskId === taskId)).toMatchObject({ signDueOn: '2021-07-22', overdue: true })
      expect((await call(scjg, 'matters.unsigned', {})).some((r) => r.taskId === taskId)).toBe(false) // not scjg's
      await listInbox(xiehui, {})
      const inbox = await listInbox(xiehui, { kind: 'assignment_overdue' })
      expect(inbox.items.filter((i) => i.taskId === taskId)).toHaveLength(1)
    } finally {
      t.clock.set('2021-07-20T10:00:00+08:00')
    }
  })
})

describe('a division’s home page after the 签收 window', () => {
  it('counts the 签收超期 item it has just delivered, once, however often the page is opened', async () => {
    const { matters } = await matter(office, {}, '普遍服务处')
    const taskId = matters[0].taskId
    const before = (await call(pbfw, 'home.summary', {})).unread.byKind.assignment_overdue ?? 0
    t.clock.set('2021-07-23T10:00:00+08:00')
    try {
      const first = await call(pbfw, 'home.summary', {})
      expect(first.unread.byKind.assignment_overdue).toBe(before + 1)
      const again = await call(pbfw, 'home.summary', {})
      expect(again.unread.byKind.assignment_overdue).toBe(before + 1)
      const inbox = await listInbox(pbfw, { kind: 'assignment_overdue' })
      expect(inbox.items.filter((i) => i.taskId === taskId)).toHaveLength(1)
    } finally {
      t.clock.set('2021-07-20T10:00:00+08:00')
    }
  })
})

describe('回访 and cadence', () => {
  it('sends the closed matter back to the instructing leader; silence counts as closed after the set days', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await call(scjg, 'tasks.acknowledge', { taskId })
    const r = await submitReport(scjg, { taskId, percent: 100, progress: '专项检查已完成，整改到位。', isFinal: true, revision: null })
    await reviewReport(office, { reportId: r.id, decision: 'approve' })
    const inbox = await listInbox(juzhang, { kind: 'followup' })
    expect(inbox.items.find((i) => i.taskId === taskId)?.body).toBe('专项检查已完成，整改到位。')
    expect((await call(juzhang, 'matters.detail', { taskId })).followup).toBe('awaiting')
    t.clock.set('2021-07-29T10:00:00+08:00') // 5 working days after 7月20日 have passed
    try {
      expect((await call(juzhang, 'matters.detail', { taskId })).followup).toBe('closed')
    } finally {
      t.clock.set('2021-07-20T10:00:00+08:00')
    }
  })

  it('a quarterly task is not missing in July, and is in September', async () => {
    const { matters, planId } = await matter(office)
    const taskId = matters[0].taskId
    await expect(call(scjg, 'tasks.setCadence', { taskId, reportCadence: 'quarterly', reportDay: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    })
    const d = await call(office, 'tasks.setCadence', { taskId, reportCadence: 'quarterly', reportDay: 10 })
    expect(d.nextReport).toEqual({ period: '2021-09', dueOn: '2021-09-10' })
    const july = await notReported(office, { planId, period: '2021-07' })
    expect(july.units.flatMap((u) => u.tasks).some((x) => x.id === taskId)).toBe(false)
    const sept = await notReported(office, { planId, period: '2021-09' })
    expect(sept.units.flatMap((u) => u.tasks).some((x) => x.id === taskId)).toBe(true)
  })

  it('accepts 本期无新进展 with a reason instead of new text, and refuses it without one', async () => {
    const { matters } = await matter(office)
    const taskId = matters[0].taskId
    await expect(
      call(scjg, 'reports.submit', { taskId, percent: 30, progress: '', noChange: true, noChangeReason: '', revision: null }),
    ).rejects.toThrow('请说明原因')
    const r = await call(scjg, 'reports.submit', {
      taskId,
      percent: 30,
      progress: '',
      noChange: true,
      noChangeReason: '等待省局批复',
      revision: null,
    })
    expect(r).toMatchObject({ noChange: true, noChangeReason: '等待省局批复', status: 'submitted' })
    const detail = await call(office, 'reports.get', { reportId: r.id })
    expect(detail.versions[0]).toMatchObject({ noChange: true, noChangeReason: '等待省局批复' })
  })
})

describe('settings and grouping by source', () => {
  it('lets the office change the time limits; units may not', async () => {
    const before = await call(office, 'matters.settings', {})
    expect(before).toMatchObject({ timeLimits: { urgent: 5, normal: 15, complex: 30 }, signDays: 2, followupDays: 5 })
    await expect(call(scjg, 'matters.setSettings', before)).rejects.toMatchObject({ code: 'forbidden' })
    await call(office, 'matters.setSettings', {
      ...before,
      timeLimits: { ...before.timeLimits, normal: 10 },
      series: { ...before.series, meeting: '会' },
    })
    try {
      const m = await matter(office, { sourceKind: 'meeting', instructedBy: null })
      expect(m.matters[0]).toMatchObject({ matterNo: '会〔2021〕1号', deadline: '2021-08-03' })
    } finally {
      await call(office, 'matters.setSettings', before)
    }
  })

  it('exports the year’s matters as a ledger with one sheet per source', async () => {
    const { planId } = await matter(office)
    const file = await exportLedger(office, { planId })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const names = wb.worksheets.map((w) => w.name)
    expect(names).toEqual(expect.arrayContaining(['会议议定事项', '领导批示件', '上级交办']))
  })
})
