/** The 督办通知书 as a Word document in the GB/T 9704 frame, with its attachment on a page of its own. */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import { FONTS } from '../official/style'
import { attachmentHeading, attachmentNote, body, font, half, headParagraphs, officialDocx, signatureParagraphs } from '../official/docx'
import type { NoticeContent } from './content'

function factsTable(rows: [string, string][]): Table {
  const cell = (text: string, label: boolean) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      width: { size: label ? 22 : 78, type: WidthType.PERCENTAGE },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          alignment: label ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          children: [new TextRun({ text, font: font(label ? FONTS.heading1 : FONTS.body), size: half(14) })],
        }),
      ],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, true), cell(v, false)] })),
  })
}

export async function noticeDocx(c: NoticeContent): Promise<Uint8Array> {
  return officialDocx(
    { title: c.title },
    [
      ...headParagraphs({ mark: c.mark, number: c.number, title: c.title, signer: c.signer }),
      body(c.addressee, { indent: false }),
      // the last paragraph goes with the 落款, which must not open a page alone
      ...c.paragraphs.map((p, i) => body(p, { keepNext: i === c.paragraphs.length - 1 })),
      ...attachmentNote([c.attachmentTitle]),
      ...signatureParagraphs(c.signature, c.date),
      ...attachmentHeading(null, c.attachmentTitle),
      factsTable(c.attachmentRows),
    ],
    c.record,
  )
}
