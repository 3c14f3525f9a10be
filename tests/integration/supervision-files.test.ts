import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { checkFiles, readFile, uploadFile } from '../../electron/core/files/service'
import { blobPath } from '../../electron/core/files/store'
import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { dispatch } from '../../electron/contract/dispatch'
import { login } from '../../electron/core/users/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let scjg: Ctx
let pbfw: Ctx
let office: Ctx

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const b64 = (b: Buffer) => b.toString('base64')

beforeAll(async () => {
  t = await demoCore()
  scjg = await t.ctxAs('scjg')
  pbfw = await t.ctxAs('pbfw')
  office = await t.ctxAs('office')
})
afterAll(() => t.cleanup())

const blobs = () =>
  readdirSync(t.core.files.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name))

describe('evidence files', () => {
  it('stores the same bytes once, under their hash, whatever the names', async () => {
    const a = await uploadFile(scjg, { name: '检查记录.pdf', dataBase64: b64(PDF) })
    const b = await uploadFile(scjg, { name: '../../etc/副本.pdf', dataBase64: b64(PDF) })
    expect(a.id).not.toBe(b.id)
    expect(b.fileName).toBe('副本.pdf')
    const rows = await t.core.db.selectFrom('attachments').select('sha256').where('id', 'in', [a.id, b.id]).execute()
    expect(rows[0].sha256).toBe(rows[1].sha256)
    expect(existsSync(blobPath(t.core.files.dir, rows[0].sha256))).toBe(true)
    expect(blobs()).toHaveLength(1)
    const back = await readFile(scjg, { attachmentId: a.id })
    expect(Buffer.from(back.dataBase64, 'base64').equals(PDF)).toBe(true)
    expect(back).toMatchObject({ mime: 'application/pdf', fileName: '检查记录.pdf' })
  })

  it('refuses types outside the list and content that does not match its extension, in Chinese', async () => {
    await expect(uploadFile(scjg, { name: 'setup.exe', dataBase64: b64(Buffer.from('MZ\x90\x00')) })).rejects.toMatchObject({
      code: 'file_type',
      message: expect.stringContaining('不支持该文件类型'),
    })
    await expect(uploadFile(scjg, { name: '照片.jpg', dataBase64: b64(PDF) })).rejects.toMatchObject({
      code: 'file_content',
      message: expect.stringContaining('不符'),
    })
    await expect(uploadFile(scjg, { name: '说明.txt', dataBase64: b64(Buffer.from([0x41, 0x00, 0x42])) })).rejects.toMatchObject({
      code: 'file_content',
    })
  })

  it('lets only those who may read the task read a report’s file', async () => {
    const rows = await listTasks(office, { planId: (await listPlans(office))[0].id })
    const task = rows.find((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处' && r.coops.length === 0)!
    const report = await submitReport(scjg, {
      taskId: task.id,
      percent: 50,
      progress: '进行中',
      newFiles: [{ name: '台账.pdf', dataBase64: b64(PDF) }],
    })
    const fileId = report.attachments[0].id
    expect((await readFile(office, { attachmentId: fileId })).fileName).toBe('台账.pdf')
    expect((await readFile(await t.ctxAs('juzhang'), { attachmentId: fileId })).size).toBe(PDF.length)
    await expect(readFile(pbfw, { attachmentId: fileId })).rejects.toMatchObject({ code: 'forbidden' })
    expect(blobs()).toHaveLength(1) // same PDF again: still one blob
  })

  it('refuses an oversized upload over the contract before decoding it', async () => {
    const { token } = await login({ ...office, actor: null }, { username: 'scjg', password: DEMO_PASSWORD }, LOCAL_CALLER)
    const env = { db: t.core.db, clock: t.clock, files: t.core.files }
    const huge = 'A'.repeat(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4)
    const res = await dispatch(env, 'files.upload', { name: '大文件.pdf', dataBase64: huge }, token)
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('20MB') } })
    const ok = await dispatch(env, 'files.upload', { name: '小文件.pdf', dataBase64: b64(PDF) }, token)
    expect(ok).toMatchObject({ ok: true, data: { fileName: '小文件.pdf' } })
  })

  it('finds no orphan or missing blob after all of this', async () => {
    expect(await checkFiles(t.core)).toEqual({ orphanBlobs: [], missingBlobs: [] })
    expect(existsSync(join(t.core.files.dir, 'tmp')) ? readdirSync(join(t.core.files.dir, 'tmp')) : []).toEqual([])
  })
})
