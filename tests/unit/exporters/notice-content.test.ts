import { describe, expect, it } from 'vitest'
import { noticeContent, type NoticeFacts } from '../../../electron/core/exporters/notice/content'
import type { BureauInfo } from '../../../electron/core/exporters/bureauInfo'

const bureau = { name: '某某市邮政管理局', ccList: '' } as unknown as BureauInfo
const facts = (code: string | null): NoticeFacts => ({
  number: '督办〔2021〕3号',
  issuedOn: '2021-07-20',
  issue: '进度滞后',
  requiredReply: '书面说明原因',
  replyDeadline: '2021-07-30',
  signer: '局长',
  unitName: '市场监管处',
  task: {
    listName: '民生实事',
    number: 5,
    code,
    text: '建设智能快件箱',
    leads: ['市场监管处'],
    coops: [],
    leaderName: null,
    deadlineText: null,
    dueOn: '2021-12-31',
  },
})

describe('the 督办通知书 names its task', () => {
  it('by its code beside the list and number, since a sub-item (民生5-2) shares its item’s number', () => {
    const c = noticeContent(facts('民生5-2'), bureau)
    expect(c.paragraphs[0]).toContain('民生实事第5项任务（民生5-2）“建设智能快件箱”')
    expect(c.attachmentRows).toContainEqual(['任务', '民生实事第5项任务（民生5-2）'])
  })

  it('by its list and number when the task has no code', () => {
    const c = noticeContent(facts(null), bureau)
    expect(c.attachmentRows).toContainEqual(['任务', '民生实事第5项任务'])
  })
})
