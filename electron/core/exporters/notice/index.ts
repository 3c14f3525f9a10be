/** 督办通知书 for one 督办单: Word for filing, HTML for printing to PDF. The office, leaders, and the unit it is sent to. */
import type { Ctx } from '../../context'
import { dayIn } from '../../calendar/dates'
import { notFound } from '../../errors'
import { listNotices } from '../../reminders/service'
import { loadTaskRecords } from '../../tasks/queries'
import { toRow } from '../../tasks/service'
import { requireActor } from '../../users/rules'
import { bureauInfo } from '../bureauInfo'
import { toExported, type ExportedFile } from '../common'
import { noticeContent, type NoticeContent } from './content'
import { noticeDocx } from './docx'
import { noticeHtml } from './html'

async function contentFor(ctx: Ctx, noticeId: number): Promise<NoticeContent> {
  requireActor(ctx.actor)
  // listNotices shows unit people only the notices sent to their unit
  const [n] = await listNotices(ctx, { ids: [noticeId], kind: 'notice' })
  if (!n || n.taskId === null || !n.number) throw notFound('该督办单')
  const [record] = await loadTaskRecords(ctx.db, { taskId: n.taskId })
  if (!record) throw notFound('该督办单的任务')
  const plan = await ctx.db.selectFrom('plans').select(['issuer', 'doc_number']).where('id', '=', record.planId).executeTakeFirst()
  const row = toRow(record, ctx.clock.today())
  const bureau = await bureauInfo(ctx.db, plan ? { issuer: plan.issuer, docNumber: plan.doc_number } : null)
  return noticeContent(
    {
      number: n.number,
      issuedOn: dayIn(new Date(n.createdAt), ctx.clock.timeZone),
      issue: n.issue,
      requiredReply: n.requiredReply ?? '',
      replyDeadline: n.replyDeadline ?? ctx.clock.today(),
      signer: n.signer,
      unitName: n.unitName,
      task: {
        listName: record.listName,
        number: record.number,
        code: record.code,
        text: record.text,
        leads: record.leads.map((u) => u.name),
        coops: record.coops.map((u) => u.name),
        leaderName: record.leaderName,
        deadlineText: record.deadlineText,
        dueOn: row.dueOn,
      },
    },
    bureau,
  )
}

export async function exportNoticeDocx(ctx: Ctx, input: { noticeId: number }): Promise<ExportedFile> {
  const c = await contentFor(ctx, input.noticeId)
  return toExported(`${c.number} ${c.title}.docx`, await noticeDocx(c))
}

export async function exportNoticeHtml(ctx: Ctx, input: { noticeId: number }): Promise<{ title: string; html: string }> {
  const c = await contentFor(ctx, input.noticeId)
  return { title: c.title, html: noticeHtml(c) }
}
