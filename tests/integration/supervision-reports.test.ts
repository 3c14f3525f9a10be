import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { listTasks, getTask } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { deleteDraft, getReport, listTaskReports, saveDraft, submitReport } from '../../electron/core/reports/service'
import { pendingReviews, reviewReport } from '../../electron/core/reports/review'
import { listInbox } from '../../electron/core/inbox/service'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let scjg01: Ctx
let pbfw: Ctx
let bgs: Ctx

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  scjg01 = await t.ctxAs('scjg01')
  pbfw = await t.ctxAs('pbfw')
  bgs = await t.ctxAs('bgs')
  planId = (await listPlans(office))[0].id
})
afterAll(() => t.cleanup())

/** Open tasks a unit leads alone, in plan order: the n-th one (demo data closes some tasks). */
async function openTaskLedBy(unit: string, n: number) {
  const rows = await listTasks(office, { planId })
  return rows.filter((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === unit && r.coops.length === 0)[n]
}

async function count(table: 'reports' | 'attachments' | 'report_versions' | 'audit_log') {
  const r = await t.core.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('the progress-report loop', () => {
  it('runs draft → submit → return with reason → revise → resubmit → approve, keeping every version', async () => {
    const task = await openTaskLedBy('市场监管处', 0)
    expect(task.closedAt).toBeNull()
    const draft = await saveDraft(scjg01, {
      taskId: task.id,
      percent: 60,
      progress: '已完成春季检查',
      problems: '',
      nextSteps: '开展秋季检查',
    })
    expect(draft).toMatchObject({ status: 'draft', period: '2021-07', unitName: '市场监管处', version: 1 })
    expect(await pendingReviews(office)).not.toContainEqual(expect.objectContaining({ id: draft.id }))

    const sent = await submitReport(scjg, { taskId: task.id, percent: 65, progress: '已完成春季检查，正在整改', nextSteps: '开展秋季检查' })
    expect(sent).toMatchObject({ id: draft.id, status: 'submitted', version: 1, percent: 65 })
    expect((await pendingReviews(office)).map((r) => r.id)).toContain(draft.id)
    await expect(saveDraft(scjg, { taskId: task.id, percent: 70, progress: '改' })).rejects.toMatchObject({ code: 'conflict' })

    await expect(reviewReport(office, { reportId: draft.id, decision: 'return', reason: '  ' })).rejects.toMatchObject({
      message: expect.stringContaining('退回原因'),
    })
    const returned = await reviewReport(office, { reportId: draft.id, decision: 'return', reason: '请补充整改佐证材料' })
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充整改佐证材料' })
    const inbox = await listInbox(scjg, {})
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'returned', refId: draft.id, body: '请补充整改佐证材料' }))

    const resent = await submitReport(scjg, {
      taskId: task.id,
      percent: 70,
      progress: '已完成春季检查并全部整改',
      newFiles: [{ name: '整改照片.png', dataBase64: PNG.toString('base64') }],
    })
    expect(resent).toMatchObject({ status: 'submitted', version: 2, returnReason: null })
    expect(resent.attachments.map((a) => a.fileName)).toEqual(['整改照片.png'])

    const approved = await reviewReport(office, { reportId: draft.id, decision: 'approve' })
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: expect.stringContaining('周敏') })
    const detail = await getReport(office, { reportId: draft.id })
    expect(detail.versions.map((v) => [v.version, v.percent, v.outcome, v.returnReason])).toEqual([
      [1, 65, 'returned', '请补充整改佐证材料'],
      [2, 70, 'approved', null],
    ])
    expect(detail.versions[1].attachmentIds).toHaveLength(1)
    expect((await getTask(office, { taskId: task.id })).actualPct).toBe(70)
  })

  it('completes the task when the office approves the lead unit’s final report (申请销号)', async () => {
    const task = await openTaskLedBy('市场监管处', 1)
    await expect(submitReport(scjg, { taskId: task.id, percent: 90, progress: '基本完成', isFinal: true })).rejects.toMatchObject({
      message: expect.stringContaining('100%'),
    })
    const final = await submitReport(scjg, { taskId: task.id, percent: 100, progress: '全面完成', isFinal: true })
    await reviewReport(office, { reportId: final.id, decision: 'approve' })
    const done = await getTask(office, { taskId: task.id })
    expect(done.status).toBe('done')
    expect(done.closedAt).not.toBeNull()
    expect(done.history.map((h) => h.action)).toContain('task.close')
    await expect(saveDraft(scjg, { taskId: task.id, period: '2021-06', percent: 100, progress: 'x' })).rejects.toMatchObject({
      message: expect.stringContaining('已销号'),
    })
  })

  it('shows a coop unit’s part on the task without queueing it for review', async () => {
    const task = await openTaskLedBy('市场监管处', 2)
    await t.core.db.insertInto('task_units').values({ task_id: task.id, unit_id: pbfw.actor!.unitId!, role: 'coop', position: 0 }).execute()
    const part = await submitReport(pbfw, { taskId: task.id, percent: 40, progress: '配合完成农村网点摸底' })
    expect(part).toMatchObject({ status: 'submitted', unitRole: 'coop' })
    expect((await pendingReviews(office)).map((r) => r.id)).not.toContain(part.id)
    await expect(reviewReport(office, { reportId: part.id, decision: 'approve' })).rejects.toMatchObject({
      message: expect.stringContaining('配合单位'),
    })
    expect((await listTaskReports(scjg, { taskId: task.id })).map((r) => r.unitName)).toContain('普遍服务处')
    await expect(submitReport(pbfw, { taskId: task.id, percent: 100, progress: 'x', isFinal: true })).rejects.toMatchObject({
      message: expect.stringContaining('牵头单位'),
    })
  })

  it('refuses a unit on another unit’s task, and anyone but the office reviewing', async () => {
    const other = await openTaskLedBy('办公室', 0)
    await expect(saveDraft(scjg, { taskId: other.id, percent: 10, progress: '越权' })).rejects.toMatchObject({ code: 'forbidden' })
    const own = await submitReport(bgs, { taskId: other.id, percent: 30, progress: '推进中' })
    for (const who of [bgs, scjg, await t.ctxAs('juzhang')]) {
      await expect(reviewReport(who, { reportId: own.id, decision: 'approve' })).rejects.toMatchObject({ code: 'forbidden' })
    }
    await expect(getReport(scjg, { reportId: own.id })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(saveDraft(office, { taskId: other.id, percent: 10, progress: 'x' })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('leaves no half-written report, version, audit entry or file when a submission fails mid-way', async () => {
    const task = await openTaskLedBy('市场监管处', 3)
    const before = { reports: await count('reports'), files: await count('attachments'), audit: await count('audit_log') }
    const blobsBefore = readdirSync(t.core.files.dir, { recursive: true }).length
    const bad = {
      taskId: task.id,
      percent: 50,
      progress: '推进中',
      newFiles: [{ name: '新照片.png', dataBase64: Buffer.concat([PNG, Buffer.from('other')]).toString('base64') }],
    }
    await expect(submitReport(scjg, { ...bad, indicatorValues: [{ indicatorId: 999999, value: 1 }] })).rejects.toMatchObject({
      message: expect.stringContaining('指标'),
    })
    await expect(submitReport(scjg, { ...bad, attachmentIds: [999999] })).rejects.toMatchObject({
      message: expect.stringContaining('佐证材料'),
    })
    expect({ reports: await count('reports'), files: await count('attachments'), audit: await count('audit_log') }).toEqual(before)
    expect(readdirSync(t.core.files.dir, { recursive: true }).length).toBe(blobsBefore)
    expect(existsSync(join(t.core.files.dir, 'tmp')) ? readdirSync(join(t.core.files.dir, 'tmp')) : []).toEqual([])
  })

  it('keeps the files’ records when a draft is deleted', async () => {
    const task = await openTaskLedBy('市场监管处', 4)
    const draft = await saveDraft(scjg, {
      taskId: task.id,
      percent: 10,
      progress: '起草',
      newFiles: [{ name: '方案.txt', dataBase64: Buffer.from('工作方案').toString('base64') }],
    })
    const fileId = draft.attachments[0].id
    await deleteDraft(scjg, { reportId: draft.id })
    const row = await t.core.db.selectFrom('attachments').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ report_id: null, file_name: '方案.txt' })
  })
})
