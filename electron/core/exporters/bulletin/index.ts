/** 督查通报 for a period: Word for filing, HTML for printing to PDF. */
import type { Ctx } from '../../context'
import { DubanError } from '../../errors'
import { PERIOD } from '../../reports/rules'
import { reportingDay } from '../../reminders/service'
import { dashboardSnapshot } from '../../dashboards/leader'
import { monthEnd } from '../../dashboards/rules'
import { requireExporter, toExported, type ExportedFile } from '../common'
import { bulletinContent, type BulletinContent } from './content'
import { bulletinSeq, formatDocNumber } from './number'
import { bureauInfo } from '../bureauInfo'
import { bulletinDocx } from './docx'
import { bulletinHtml as renderHtml } from './html'
import { monthOnMonthFor } from '../../assessment/monthly'

export interface BulletinInput {
  period: string
  planId?: number
}

/** The state at the period's last day, or today while the month is still running. */
async function contentFor(ctx: Ctx, input: BulletinInput): Promise<BulletinContent> {
  requireExporter(ctx)
  if (!PERIOD.test(input.period)) throw new DubanError('invalid_input', '通报期次格式应为 YYYY-MM')
  const today = ctx.clock.today()
  if (`${input.period}-01` > today) throw new DubanError('invalid_input', '不能为未来月份生成通报')
  const end = monthEnd(input.period)
  const taken = await dashboardSnapshot(ctx, { planId: input.planId, asOf: end > today ? today : end })
  // The bureau's own name and prefix (本局信息) head the bulletin; the plan's issuer and number only until they are set.
  const bureau = await bureauInfo(ctx.db, taken.plan)
  const snapshot = { ...taken, plan: { ...taken.plan, issuer: bureau.name } }
  const seq = await bulletinSeq(ctx, input.period)
  const number = formatDocNumber(bureau.bulletinPrefix, input.period.slice(0, 4), seq)
  const content = bulletinContent(snapshot, input.period, number, await reportingDay(ctx), bureau)
  // 与上月相比 (new reds, matters cleared, milestones missed, rank changes): drafted here so the office edits rather than writes
  const change = await monthOnMonthFor(ctx, input.period)
  return { ...content, overall: [...content.overall, ...change.paragraphs] }
}

export async function exportBulletin(ctx: Ctx, input: BulletinInput): Promise<ExportedFile> {
  const c = await contentFor(ctx, input)
  return toExported(`${c.docNumber} ${c.title}.docx`, await bulletinDocx(c))
}

export async function exportBulletinHtml(ctx: Ctx, input: BulletinInput): Promise<{ title: string; html: string }> {
  const c = await contentFor(ctx, input)
  return { title: c.title, html: renderHtml(c) }
}
