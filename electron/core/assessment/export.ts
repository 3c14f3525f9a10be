/** The assessment as an Excel table (ranking and every item) and as a Word 考核通报 in the 公文 frame. */
import ExcelJS from 'exceljs'
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import type { Ctx } from '../context'
import { dayIn } from '../calendar/dates'
import { applyPrintLayout, fitRowHeights } from '../exporters/sheetLayout'
import { cnDate, requireExporter, toExported, type ExportedFile } from '../exporters/common'
import { bureauInfo } from '../exporters/bureauInfo'
import { FONTS } from '../exporters/official/style'
import { body, font, half, headParagraphs, heading, officialDocx, signatureParagraphs } from '../exporters/official/docx'
import { preview, type AssessmentView } from './service'

const stateLabel = (v: AssessmentView) => (v.status === 'published' ? '' : v.status === 'open' ? '（公示稿）' : '（预览稿）')

export async function assessmentWorkbook(v: AssessmentView): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '督办台'
  const rank = wb.addWorksheet('考核排名')
  rank.addRow([`${v.year}年度督查考核结果${stateLabel(v)}（截至${cnDate(v.asOf)}）`])
  rank.mergeCells(1, 1, 1, 8)
  rank.getRow(1).font = { bold: true, size: 14 }
  rank.addRow(['名次', '单位', '基础分', '扣分', '加分', '督查得分', '领导评价', '考核得分'])
  rank.getRow(2).font = { bold: true }
  for (const u of v.units)
    rank.addRow([u.rank, u.unitName, v.rules.base, u.deductions, u.bonuses, u.supervisionScore, u.rating ?? '未评价', u.score])
  rank.columns.forEach((c, i) => {
    c.width = [8, 24, 10, 10, 10, 12, 12, 12][i]
    c.alignment = { vertical: 'top', wrapText: true }
  })
  fitRowHeights(rank)
  applyPrintLayout(rank, { headerRows: 2, orientation: 'landscape' })

  const items = wb.addWorksheet('扣分加分明细')
  items.addRow(['单位', '日期', '类别', '分值', '事由', '依据', '申诉'])
  items.getRow(1).font = { bold: true }
  const linkLabel = (k: string) =>
    ({ report: '报送', notice: '督办单', task: '任务', milestone: '进度节点', firing: '督办规则', assignment: '交办', extension: '延期' })[
      k
    ] ?? k
  for (const u of v.units)
    for (const it of u.items)
      items.addRow([
        u.unitName,
        cnDate(it.day),
        it.categoryLabel,
        it.waived ? 0 : it.points,
        it.label,
        `${linkLabel(it.link.kind)}#${it.link.id}${it.link.taskName ? `（${it.link.taskName}）` : ''}`,
        it.waived ? `申诉成立：${it.waived.reason}` : '',
      ])
  items.columns.forEach((c, i) => {
    c.width = [20, 16, 12, 8, 50, 22, 24][i]
    c.alignment = { vertical: 'top', wrapText: true }
  })
  fitRowHeights(items)
  applyPrintLayout(items, { headerRows: 1, orientation: 'landscape' })
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, font: font(header ? FONTS.heading1 : FONTS.body), size: half(12) })],
      }),
    ],
  })
}

export async function assessmentDocx(
  v: AssessmentView,
  bureau: { name: string; shortName: string; ccList: string; printingOrgan: string },
  date: string,
): Promise<Uint8Array> {
  const title = `关于${v.year}年度督查考核结果的通报${stateLabel(v)}`
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['名次', '单位', '扣分', '加分', '考核得分'].map((h) => cell(h, true)) }),
      ...v.units.map(
        (u) =>
          new TableRow({
            cantSplit: true,
            children: [String(u.rank), u.unitName, String(u.deductions), String(u.bonuses), String(u.score)].map((t) => cell(t, false)),
          }),
      ),
    ],
  })
  const decided = v.appeals.filter((a) => a.decision)
  const r = v.rules
  return officialDocx(
    { title },
    [
      ...headParagraphs({ mark: `${bureau.name}文件`, number: `${bureau.shortName}考〔${v.year}〕1号`, title }),
      body('各处室、各直属单位：', { indent: false }),
      body(
        `根据督查督办与年度考核相结合（督考合一）的要求，办公室依据督办台记录的报送、审核、督办单和办结情况，对各单位${v.year}年度重点工作落实情况进行了考核（数据截至${cnDate(v.asOf)}），现将结果通报如下。`,
      ),
      heading('一、考核办法', 1),
      body(
        `各单位基础分${r.base}分。未报送每次扣${r.missingReport}分，空报每次扣${r.emptyReport}分，迟报每次扣${r.lateReport}分，报送被退回每次扣${r.returnedReport}分，任务逾期每项扣${r.overdueTask}分，红色督办单每次扣${r.redNotice}分，交办未签收每次扣${r.unsignedAssignment}分，经批准延期每次扣${r.approvedExtension}分；提前办结每项加${r.earlyCompletion}分。领导评价占${Math.round(r.leaderWeight * 100)}%。每一项扣分、加分均对应督办台中的具体记录，已在公示期内告知各单位。`,
      ),
      heading('二、考核结果', 1),
      table,
      heading('三、申诉处理情况', 1),
      ...(decided.length
        ? decided.map((a, i) =>
            body(
              `${i + 1}. ${a.unitName}对“${a.itemLabel}”提出申诉，经审核${a.decision === 'upheld' ? '申诉成立，不予扣分' : '申诉不成立，维持原扣分'}：${a.decisionReason ?? ''}`,
            ),
          )
        : [body('公示期内未收到申诉。')]),
      heading('四、有关要求', 1),
      body('各单位要对照扣分事项逐项分析原因，举一反三，严格落实按时报送和督办回复要求，确保各项工作按期完成。', { keepNext: true }),
      ...signatureParagraphs(bureau.name, date),
    ],
    { cc: bureau.ccList, organ: bureau.printingOrgan, date },
  )
}

async function viewFor(ctx: Ctx, year: number) {
  requireExporter(ctx)
  return preview(ctx, { year })
}

export async function exportAssessmentXlsx(ctx: Ctx, input: { year: number }): Promise<ExportedFile> {
  const v = await viewFor(ctx, input.year)
  return toExported(`${v.year}年度督查考核结果${stateLabel(v)}.xlsx`, await assessmentWorkbook(v))
}

export async function exportAssessmentDocx(ctx: Ctx, input: { year: number }): Promise<ExportedFile> {
  const v = await viewFor(ctx, input.year)
  const plan = await ctx.db
    .selectFrom('plans')
    .select(['issuer', 'doc_number'])
    .where('year', '=', input.year)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const bureau = await bureauInfo(ctx.db, plan ? { issuer: plan.issuer, docNumber: plan.doc_number } : null)
  const date = cnDate(v.publishedAt ? dayIn(new Date(v.publishedAt), ctx.clock.timeZone) : ctx.clock.today())
  return toExported(`${v.year}年度督查考核结果通报${stateLabel(v)}.docx`, await assessmentDocx(v, bureau, date))
}
