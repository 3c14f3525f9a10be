import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch, type CoreEnv } from '../../electron/contract/dispatch'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { createIpcInvoker } from '../../electron/main/ipc-sessions'

let t: TestCore
let env: CoreEnv
let token: string
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')

beforeAll(async () => {
  t = await demoCore()
  env = { db: t.core.db, clock: t.clock, files: t.core.files }
  const login = await dispatch(env, 'auth.login', { username: 'scjg', password: DEMO_PASSWORD }, null)
  token = (login as { data: { token: string } }).data.token
})
afterAll(() => t.cleanup())

const upload = (name: string) => dispatch(env, 'files.upload', { name, dataBase64: PDF }, token)

describe('uploading evidence over the contract', () => {
  it('says the name is too long, whether it is 214 or 400 characters, and stores nothing', async () => {
    const before = await t.core.db.selectFrom('attachments').select('id').execute()
    for (const length of [214, 400]) {
      const r = await upload(`${'关'.repeat(length - 4)}.pdf`)
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('文件名过长') } })
    }
    expect(await t.core.db.selectFrom('attachments').select('id').execute()).toHaveLength(before.length)
  })

  it('stores a name with a right-to-left override as it really reads', async () => {
    const r = await upload('整改报告\u202Efdp.exe\u202C.pdf')
    expect(r).toMatchObject({ ok: true, data: { fileName: '整改报告fdp.exe.pdf' } })
  })

  it('opens a file stored before this rule under a name without the override', async () => {
    const r = await upload('旧报告.pdf')
    const id = (r as { data: { id: number } }).data.id
    await t.core.db.updateTable('attachments').set({ file_name: '旧报告\u202Efdp.exe' }).where('id', '=', id).execute()
    const opened: string[] = []
    const invoker = createIpcInvoker(env, {
      openPath: (p) => (opened.push(p), Promise.resolve('')),
      htmlToPdf: () => Promise.resolve(new Uint8Array()),
    })
    await invoker.invoke(7, 'auth.login', { username: 'scjg', password: DEMO_PASSWORD })
    expect(await invoker.invoke(7, 'files.openWithSystem', { attachmentId: id })).toMatchObject({ ok: true })
    expect(opened).toHaveLength(1)
    expect(opened[0]).not.toMatch(/[\u202a-\u202e]/)
    expect(opened[0].endsWith(`${id}-旧报告fdp.exe`)).toBe(true)
    rmSync(opened[0], { force: true })
  })
})
