/** What a 督办通知书 says, independent of Word or HTML. Pure: no database here. */
import { cnDate } from '../common'
import type { BureauInfo } from '../bureauInfo'
import type { OfficialRecord } from '../official/docx'

/** The notice and its task as the exporter reads them. */
export interface NoticeFacts {
  number: string
  /** the day it was issued, YYYY-MM-DD */
  issuedOn: string
  issue: string
  requiredReply: string
  replyDeadline: string
  /** 签发人 */
  signer: string | null
  unitName: string
  task: {
    listName: string
    number: number
    /** 重点3, 要点15, 民生5-2: a sub-item shares its item's number, so the code is what names it unambiguously */
    code?: string | null
    text: string
    leads: string[]
    coops: string[]
    leaderName: string | null
    deadlineText: string | null
    dueOn: string | null
  }
}

export interface NoticeContent {
  mark: string
  number: string
  signer: string | null
  title: string
  addressee: string
  paragraphs: string[]
  attachmentTitle: string
  /** the attachment: one row per fact of the task */
  attachmentRows: [string, string][]
  signature: string
  date: string
  record: OfficialRecord
}

const ATTACHMENT = '督办任务基本情况'
/** Drops the final 。 the office may have typed, so the sentence can go on. */
const clause = (s: string) => s.trim().replace(/[。；;.]+$/, '')

export function noticeContent(f: NoticeFacts, bureau: BureauInfo): NoticeContent {
  const t = f.task
  const deadline = t.deadlineText ?? (t.dueOn ? cnDate(t.dueOn) : '未定')
  const taskName = `${t.listName}第${t.number}项任务`
  return {
    mark: `${bureau.name}督查督办`,
    number: f.number,
    signer: f.signer,
    title: `关于加快推进${taskName}的督办通知书`,
    addressee: `${f.unitName}：`,
    paragraphs: [
      `你单位牵头的${taskName}${t.code ? `（${t.code}）` : ''}“${clause(t.text)}”，完成时限为${deadline}。经督查，${clause(f.issue)}。`,
      `请你单位高度重视，${clause(f.requiredReply)}，并于${cnDate(f.replyDeadline)}前将办理情况书面回复${bureau.name}办公室。逾期未回复的，将按规定提请分管局领导督办。`,
      '特此通知。',
    ],
    attachmentTitle: ATTACHMENT,
    attachmentRows: [
      ['督办编号', f.number],
      ['任务', t.code ? `${taskName}（${t.code}）` : taskName],
      ['工作内容', t.text],
      ['牵头单位', t.leads.join('、') || '—'],
      ['配合单位', t.coops.join('、') || '—'],
      ['分管局领导', t.leaderName ?? '—'],
      ['完成时限', deadline],
      ['督办事项', f.issue],
      ['办理要求', f.requiredReply],
      ['限期答复', `${cnDate(f.replyDeadline)}前`],
      ['签发人', f.signer ?? '—'],
    ],
    signature: bureau.name,
    date: cnDate(f.issuedOn),
    record: {
      cc: [bureau.ccList, ...t.coops].filter(Boolean).join('，'),
      organ: bureau.printingOrgan,
      date: cnDate(f.issuedOn),
    },
  }
}
