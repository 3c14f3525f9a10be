/** The 督查通报 as a Word document laid out to GB/T 9704 (the frame is shared with every 公文). */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import type { BulletinContent, BulletinTaskLine } from './content'
import { FONTS } from '../official/style'
import { body, font, half, headParagraphs, heading, officialDocx, signatureParagraphs } from '../official/docx'

const taskLines = (items: BulletinTaskLine[], none: string) =>
  items.length ? items.map((t, i) => body(`${i + 1}. ${t.label}（${t.leads}）：${t.detail}`)) : [body(none)]

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

function unitTable(c: BulletinContent): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: c.unitTable.header.map((h) => cell(h, true)) }),
      ...c.unitTable.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) })),
    ],
  })
}

export async function bulletinDocx(c: BulletinContent): Promise<Uint8Array> {
  return officialDocx(
    { title: c.title },
    [
      ...headParagraphs({ mark: c.mark, number: c.docNumber, title: c.title }),
      body(c.addressee, { indent: false }),
      body(c.opening),
      heading('一、总体情况', 1),
      ...c.overall.map((p) => body(p)),
      heading('二、各单位落实情况', 1),
      unitTable(c),
      heading('三、逾期和进度滞后任务', 1),
      heading('（一）逾期任务', 2),
      ...taskLines(c.overdue, '本期无逾期任务。'),
      heading('（二）进度滞后任务', 2),
      ...taskLines(c.behind, '本期无进度滞后任务。'),
      heading('四、好的做法', 1),
      ...taskLines(c.goodPractice, '截至本期暂无完成销号的任务。'),
      heading('五、下步工作要求', 1),
      // the last paragraph goes with the 落款, which must not open a page alone
      ...c.nextSteps.map((p, i) => body(`${['一', '二', '三', '四', '五'][i] ?? i + 1}是${p}`, { keepNext: i === c.nextSteps.length - 1 })),
      ...signatureParagraphs(c.signature, c.date),
    ],
    c.record,
  )
}
