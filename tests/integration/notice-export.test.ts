import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { exportNoticeDocx, exportNoticeHtml } from '../../electron/core/exporters/notice'
import { issueNotice } from '../../electron/core/reminders/service'
import { sendReminder } from '../../electron/core/reminders/urging'
import { dashboardSnapshot } from '../../electron/core/dashboards/leader'
import { suzhouDemo, type SuzhouDemo } from './rendering/fixture'
import type { Ctx } from '../../electron/core/context'
import { dispatch } from '../../electron/contract/dispatch'

let demo: SuzhouDemo
let office: Ctx
let noticeId: number
let reminderId: number

async function documentText(contentBase64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(contentBase64, 'base64'))
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
}

beforeAll(async () => {
  demo = await suzhouDemo()
  office = await demo.ctx('office')
  const s = await dashboardSnapshot(office, {})
  const task = s.tasks.find((t) => t.status === 'behind' && t.leads[0]?.name === '市场监管处')!
  const n = await issueNotice(office, {
    taskId: task.id,
    issue: '该任务进度滞后。',
    requiredReply: '说明原因和整改措施。',
    replyDeadline: '2021-07-30',
  })
  noticeId = n!.id
  reminderId = (await sendReminder(office, { unitId: task.leads[0]!.id })).id
}, 60_000)
afterAll(() => demo.cleanup())

describe('督办通知书 export', () => {
  it('writes the 版头, number, title, addressee, 落款 and 版记 into the .docx', async () => {
    const file = await exportNoticeDocx(office, { noticeId })
    expect(file.fileName).toMatch(/^督办〔2021〕1号 关于加快推进.*督办通知书\.docx$/)
    const text = await documentText(file.contentBase64)
    expect(text).toContain('苏州市邮政管理局督查督办')
    expect(text).toContain('督办〔2021〕1号')
    expect(text).toContain('市场监管处：')
    expect(text).toContain('请你单位高度重视，说明原因和整改措施，并于2021年7月30日前将办理情况书面回复苏州市邮政管理局办公室。')
    expect(text).toContain('附件：督办任务基本情况')
    expect(text).toContain('抄送：局领导')
    expect(text).toContain('苏州市邮政管理局办公室\t2021年7月20日印发')
  })

  it('gives the same notice as HTML with pages numbered on the outer side and the 版记 last', async () => {
    const { title, html } = await exportNoticeHtml(office, { noticeId })
    expect(title).toMatch(/督办通知书$/)
    expect(html).toContain('@page :right { @bottom-right')
    expect(html).toContain('@page :left { @bottom-left')
    expect(html.indexOf('class="record"')).toBeGreaterThan(html.indexOf('class="attachment"'))
    expect(html).toContain('2021年7月20日印发')
  })

  it('lets the unit it was sent to download it, and nobody else in the units', async () => {
    await expect(exportNoticeDocx(await demo.ctx('scjg'), { noticeId })).resolves.toMatchObject({
      fileName: expect.stringContaining('督办〔2021〕1号'),
    })
    await expect(exportNoticeDocx(await demo.ctx('pbfw'), { noticeId })).rejects.toMatchObject({ code: 'not_found' })
    await expect(exportNoticeDocx(await demo.ctx('juzhang'), { noticeId })).resolves.toBeDefined()
  })

  it('refuses a 催办 (it has no 通知书) and an unknown id', async () => {
    await expect(exportNoticeDocx(office, { noticeId: reminderId })).rejects.toMatchObject({ code: 'not_found' })
    await expect(exportNoticeDocx(office, { noticeId: 99_999 })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('takes the bureau name, 抄送 and 印发机关 from the bureau settings', async () => {
    await demo.core.db
      .insertInto('settings')
      .values([
        { key: 'bureau.name', value: '无锡市邮政管理局' },
        { key: 'bureau.ccList', value: '' },
      ])
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute()
    try {
      const text = await documentText((await exportNoticeDocx(office, { noticeId })).contentBase64)
      expect(text).toContain('无锡市邮政管理局督查督办')
      expect(text).toContain('无锡市邮政管理局办公室\t2021年7月20日印发')
      expect(text).not.toContain('抄送')
    } finally {
      await demo.core.db.deleteFrom('settings').where('key', 'in', ['bureau.name', 'bureau.ccList']).execute()
    }
  })

  it('is a contract call checked at the boundary: a unit user gets their own notice, bad ids a Chinese message', async () => {
    const login = await dispatch(demo.core, 'auth.login', { username: 'scjg01', password: 'Duban2021' }, null)
    const token = (login as { data: { token: string } }).data.token
    const ok = await dispatch(demo.core, 'exports.noticeDocx', { noticeId }, token)
    expect(ok).toMatchObject({ ok: true, data: { fileName: expect.stringContaining('督办通知书.docx') } })
    const html = await dispatch(demo.core, 'exports.noticeHtml', { noticeId }, token)
    expect(html).toMatchObject({ ok: true, data: { html: expect.stringContaining('督办〔2021〕1号') } })
    const bad = await dispatch(demo.core, 'exports.noticeDocx', { noticeId: 'x' }, token)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  })
})
