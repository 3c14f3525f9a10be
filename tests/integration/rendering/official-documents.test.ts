import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBulletin } from '../../../electron/core/exporters/bulletin'
import { exportNoticeDocx } from '../../../electron/core/exporters/notice'
import { issueNotice } from '../../../electron/core/reminders/service'
import { dashboardSnapshot } from '../../../electron/core/dashboards/leader'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { expectOfficialDocument } from './official'
import { renderDocuments, type Rendered } from './render'

let demo: SuzhouDemo
let bulletin: Rendered
let notice: Rendered
let noticeTask: { number: number; listName: string; text: string; lead: string; coops: string[] }

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  const s = await dashboardSnapshot(office, {})
  const lagging = s.tasks.filter((t) => t.status === 'behind' && t.leads.length > 0)
  const behind = lagging.find((t) => t.coops.length > 0) ?? lagging[0]!
  noticeTask = {
    number: behind.number,
    listName: behind.listName,
    text: behind.text,
    lead: behind.leads[0]!.name,
    coops: behind.coops.map((u) => u.name),
  }
  const issued = await issueNotice(office, {
    taskId: behind.id,
    issue: '该任务计划进度应达50%，实际进度明显滞后。',
    requiredReply: '说明滞后原因，提出整改措施和完成时限',
    replyDeadline: '2021-07-30',
    signer: '刘伟',
  })
  const printed = renderDocuments({
    '督查通报.docx': Buffer.from((await exportBulletin(office, { period: '2021-07' })).contentBase64, 'base64'),
    '督办通知书.docx': Buffer.from((await exportNoticeDocx(office, { noticeId: issued!.id })).contentBase64, 'base64'),
  })
  bulletin = printed['督查通报.docx']!
  notice = printed['督办通知书.docx']!
}, 180_000)
afterAll(() => demo.cleanup())

describe('the 督查通报 as LibreOffice prints it', () => {
  it('is a GB/T 9704 document: 版头, title in two meaningful lines, body, 落款, and the 版记 at the foot of the last page', () => {
    expectOfficialDocument(bulletin, {
      mark: '苏州市邮政管理局督查通报',
      number: '苏州邮管督〔2021〕1号',
      titleLines: ['关于2021年工作要点', '7月份落实情况的督查通报'],
      text: [
        '各处室、各直属单位：',
        '一、总体情况',
        '二、各单位落实情况',
        '市场监管处',
        '五、下步工作要求',
        '苏州市邮政管理局2021年7月20日',
      ],
      cc: '抄送：局领导。',
      organ: '苏州市邮政管理局办公室',
      printedOn: '2021年7月20日印发',
      signature: '苏州市邮政管理局',
      date: '2021年7月20日',
    })
    expect(bulletin.pages.length).toBeGreaterThanOrEqual(2)
  })
})

describe('the 督办通知书 as LibreOffice prints it', () => {
  it('is a GB/T 9704 document addressed to the lead unit, with the attachment and the 版记 on the last page', () => {
    expectOfficialDocument(notice, {
      mark: '苏州市邮政管理局督查督办',
      number: '督办〔2021〕1号',
      signer: '刘伟',
      titleLines: [`关于加快推进${noticeTask.listName}`, `第${noticeTask.number}项任务的督办通知书`],
      text: [
        `${noticeTask.lead}：`,
        '该任务计划进度应达50%，实际进度明显滞后。',
        '并于2021年7月30日前将办理情况书面回复苏州市邮政管理局办公室',
        '附件：督办任务基本情况',
        '特此通知。',
        noticeTask.text,
      ],
      cc: `抄送：${['局领导', ...noticeTask.coops].join('，')}。`,
      organ: '苏州市邮政管理局办公室',
      printedOn: '2021年7月20日印发',
      signature: '苏州市邮政管理局',
      date: '2021年7月20日',
    })
    // the attachment starts a page of its own, headed 附件
    expect(notice.pages.length).toBeGreaterThanOrEqual(2)
    expect(notice.pages[notice.pages.length - 1]!.lines[0]!.text.trim()).toBe('附件')
  })
})
