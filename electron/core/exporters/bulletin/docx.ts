/** The 督查通报 as a Word document laid out to GB/T 9704. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import type { BulletinContent, BulletinTaskLine } from './content'
import { FONTS, LINE_PT, MARGINS_MM, RED, SIZES_PT, mmToTwip, ptToTwip } from './style'

const half = (pt: number) => pt * 2
const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin })
const exact = { line: ptToTwip(LINE_PT), lineRule: LineRuleType.EXACT }

const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: exact,
    indent: opts.indent === false ? undefined : { firstLine: ptToTwip(SIZES_PT.body * 2) },
    children: [new TextRun({ text, font: font(FONTS.body), size: half(SIZES_PT.body) })],
  })

const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    spacing: exact,
    indent: { firstLine: ptToTwip(SIZES_PT.body * 2) },
    children: [new TextRun({ text, font: font(level === 1 ? FONTS.heading1 : FONTS.heading2), size: half(SIZES_PT.body) })],
  })

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
      ...c.unitTable.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  })
}

export async function bulletinDocx(c: BulletinContent): Promise<Uint8Array> {
  const doc = new Document({
    creator: '督办台',
    title: c.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: half(SIZES_PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(210), height: mmToTwip(297) },
            margin: {
              top: mmToTwip(MARGINS_MM.top),
              bottom: mmToTwip(MARGINS_MM.bottom),
              left: mmToTwip(MARGINS_MM.left),
              right: mmToTwip(MARGINS_MM.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font(FONTS.titleFallback),
                    size: half(SIZES_PT.pageNumber),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: ptToTwip(12), after: ptToTwip(24) },
            children: [
              new TextRun({ text: `${c.bureau}督查通报`, font: font(FONTS.title), size: half(SIZES_PT.mark), color: RED, bold: true }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: ptToTwip(6) },
            border: { bottom: { color: RED, space: 6, style: BorderStyle.SINGLE, size: 18 } },
            children: [new TextRun({ text: c.docNumber, font: font(FONTS.body), size: half(SIZES_PT.body) })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: ptToTwip(LINE_PT), after: ptToTwip(LINE_PT), line: ptToTwip(35), lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: c.title, font: font(FONTS.title), size: half(SIZES_PT.title) })],
          }),
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
          ...taskLines(c.goodPractice, '本期暂无完成销号的任务。'),
          heading('五、下步工作要求', 1),
          ...c.nextSteps.map((p, i) => body(`${['一', '二', '三', '四', '五'][i] ?? i + 1}是${p}`)),
          body('', { indent: false }),
          body(c.signature, { align: AlignmentType.RIGHT, indent: false }),
          body(c.date, { align: AlignmentType.RIGHT, indent: false }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
