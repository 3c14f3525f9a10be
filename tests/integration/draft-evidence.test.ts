import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks, updateTask } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { getReport, saveDraft, submitReport } from '../../electron/core/reports/service'
import { readFile } from '../../electron/core/files/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { createIpcInvoker } from '../../electron/main/ipc-sessions'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let office: Ctx
let scjg: Ctx
let scjg01: Ctx
let pbfw: Ctx
let leader: Ctx
let draftFileId: number
let draftReportId: number

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  scjg01 = await t.ctxAs('scjg01')
  pbfw = await t.ctxAs('pbfw')
  leader = await t.ctxAs('juzhang')
  const rows = await listTasks(office, { planId: (await listPlans(office))[0].id })
  // 市场监管处 leads, 普遍服务处 co-operates: the co-op unit may read the task, but not the lead's draft.
  const task = rows.find((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处')!
  const coop = await t.core.db.selectFrom('units').select('id').where('name', '=', '普遍服务处').executeTakeFirstOrThrow()
  await updateTask(office, { taskId: task.id, coopUnitIds: [coop.id] })
  const draft = await saveDraft(scjg01, {
    taskId: task.id,
    percent: 40,
    progress: '草稿：尚未核实的检查记录',
    newFiles: [{ name: '未核实的检查记录.pdf', dataBase64: PDF.toString('base64') }],
  })
  expect(draft.status).toBe('draft')
  draftReportId = draft.id
  draftFileId = draft.attachments[0].id
})
afterAll(() => t.cleanup())

describe('evidence on a draft report follows reports.get’s rule', () => {
  it('refuses the co-op unit, the leader and the office, as reports.get does', async () => {
    for (const ctx of [pbfw, leader, office]) {
      await expect(getReport(ctx, { reportId: draftReportId })).rejects.toMatchObject({ code: 'forbidden' })
      await expect(readFile(ctx, { attachmentId: draftFileId })).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('草稿'),
      })
    }
  })

  it('lets the writing unit read its own draft’s file', async () => {
    expect((await readFile(scjg, { attachmentId: draftFileId })).fileName).toBe('未核实的检查记录.pdf')
    expect((await readFile(scjg01, { attachmentId: draftFileId })).size).toBe(PDF.length)
  })

  it('refuses files.read and files.openWithSystem over the contract, without opening anything', async () => {
    const env = { db: t.core.db, clock: t.clock, files: t.core.files }
    const opened: string[] = []
    const invoker = createIpcInvoker(env, {
      openPath: (path) => (opened.push(path), Promise.resolve('')),
      htmlToPdf: () => Promise.resolve(new Uint8Array()),
    })
    for (const username of ['pbfw', 'juzhang', 'office']) {
      expect(await invoker.invoke(1, 'auth.login', { username, password: DEMO_PASSWORD })).toMatchObject({ ok: true })
      const read = await invoker.invoke(1, 'files.read', { attachmentId: draftFileId })
      expect(read).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      const open = await invoker.invoke(1, 'files.openWithSystem', { attachmentId: draftFileId })
      expect(open).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(opened).toEqual([])
  })

  it('opens the file to the co-op unit, the leader and the office once the report is submitted', async () => {
    const task = await getReport(scjg, { reportId: draftReportId })
    await submitReport(scjg, { taskId: task.taskId, percent: 40, progress: '已核实的检查记录', attachmentIds: [draftFileId] })
    for (const ctx of [pbfw, leader, office]) {
      expect((await readFile(ctx, { attachmentId: draftFileId })).fileName).toBe('未核实的检查记录.pdf')
    }
  })
})
