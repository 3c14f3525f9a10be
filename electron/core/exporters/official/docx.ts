/**
 * The GB/T 9704 frame every Word 公文 shares: A4 with its margins, the 版头 (red 发文机关标志, 发文字号, red line),
 * the title in its broken lines, the 落款 and 成文日期, the 版记 at the foot of the last page, and page numbers
 * "— 1 —" on the outer side (odd pages right, even pages left).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  FrameAnchorType,
  FrameWrap,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx'
import { titleLines } from './titleLines'
import { signatureIndents } from './signature'
import {
  CHAR_PT,
  FONTS,
  LINE_PT,
  MARGINS_MM,
  RECORD_RULE_MM,
  RED,
  SIZES_PT,
  TITLE_UNITS_PER_LINE,
  TYPE_AREA_MM,
  mmToTwip,
  ptToTwip,
} from './style'

export const half = (pt: number) => pt * 2
export const font = (eastAsia: string, latin: string = FONTS.latin) => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin })
export const exact = { line: ptToTwip(LINE_PT), lineRule: LineRuleType.EXACT }
type Align = (typeof AlignmentType)[keyof typeof AlignmentType]

/** A 3号仿宋 paragraph, first line indented two characters unless told otherwise. */
export const body = (text: string, opts: { indent?: boolean; align?: Align; rightIndentChars?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: exact,
    keepNext: opts.keepNext,
    indent: {
      firstLine: opts.indent === false ? undefined : ptToTwip(CHAR_PT * 2),
      right: opts.rightIndentChars ? ptToTwip(CHAR_PT * opts.rightIndentChars) : undefined,
    },
    children: [new TextRun({ text, font: font(FONTS.body), size: half(SIZES_PT.body) })],
  })

/** 一、 in 黑体, （一） in 楷体. */
export const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    spacing: exact,
    keepNext: true,
    indent: { firstLine: ptToTwip(CHAR_PT * 2) },
    children: [new TextRun({ text, font: font(level === 1 ? FONTS.heading1 : FONTS.heading2), size: half(SIZES_PT.body) })],
  })

export interface OfficialHead {
  /** 发文机关标志: 苏州市邮政管理局督查通报 */
  mark: string
  /** 发文字号: 督办〔2021〕3号 */
  number: string
  title: string
  /** 签发人: with one, the 发文字号 moves left and 签发人：姓名 stands on the right of the same line */
  signer?: string | null
}

/** 版头 and title. */
export function headParagraphs(h: OfficialHead): Paragraph[] {
  const lines = titleLines(h.title, TITLE_UNITS_PER_LINE)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(12), after: ptToTwip(24) },
      children: [new TextRun({ text: h.mark, font: font(FONTS.title), size: half(SIZES_PT.mark), color: RED, bold: true })],
    }),
    h.signer
      ? new Paragraph({
          spacing: { after: ptToTwip(6) },
          // the red line spans the whole type area, so the one-character margins are a space and a tab stop
          tabStops: [{ type: TabStopType.RIGHT, position: mmToTwip(TYPE_AREA_MM) - ptToTwip(CHAR_PT) }],
          border: { bottom: { color: RED, space: 6, style: BorderStyle.SINGLE, size: 18 } },
          children: [
            new TextRun({ text: `\u3000${h.number}`, font: font(FONTS.body), size: half(SIZES_PT.body) }),
            new TextRun({ text: '\t签发人：', font: font(FONTS.body), size: half(SIZES_PT.body) }),
            new TextRun({ text: h.signer, font: font(FONTS.heading2), size: half(SIZES_PT.body) }),
          ],
        })
      : new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: ptToTwip(6) },
          border: { bottom: { color: RED, space: 6, style: BorderStyle.SINGLE, size: 18 } },
          children: [new TextRun({ text: h.number, font: font(FONTS.body), size: half(SIZES_PT.body) })],
        }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(LINE_PT), after: ptToTwip(LINE_PT), line: ptToTwip(35), lineRule: LineRuleType.EXACT },
      children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, font: font(FONTS.title), size: half(SIZES_PT.title) })),
    }),
  ]
}

/** 附件说明: 附件：1. … under the body, one line down, indented two characters. */
export function attachmentNote(names: string[]): Paragraph[] {
  if (names.length === 0) return []
  const items = names.length === 1 ? [`附件：${names[0]}`] : names.map((n, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${n}`)
  return [body('', { indent: false, keepNext: true }), ...items.map((t) => body(t, { keepNext: true }))]
}

/** 落款 and 成文日期 (no seal), kept on the page of the lines above them. */
export function signatureParagraphs(signature: string, date: string): Paragraph[] {
  const indents = signatureIndents(signature, date)
  const right = (text: string, chars: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      keepNext,
      keepLines: true,
      indent: { right: Math.round(ptToTwip(CHAR_PT) * chars) },
      children: [new TextRun({ text, font: font(FONTS.body), size: half(SIZES_PT.body) })],
    })
  return [right('', 0, true), right(signature, indents.signature, true), right(date, indents.date, false)]
}

/** A new page starting with 附件 in 3号黑体, then the attachment's title. */
export function attachmentHeading(index: number | null, title: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: exact,
      children: [new TextRun({ text: index === null ? '附件' : `附件${index}`, font: font(FONTS.heading1), size: half(SIZES_PT.body) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(LINE_PT / 2), after: ptToTwip(LINE_PT / 2), line: ptToTwip(35), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: title, font: font(FONTS.title), size: half(SIZES_PT.title) })],
    }),
  ]
}

export interface OfficialRecord {
  /** 抄送 without 抄送： and the final 。; empty for none */
  cc: string
  /** 印发机关 */
  organ: string
  /** 印发日期: 2021年7月20日 */
  date: string
}

/** 4号 text on an exact line, and the space between a rule and the text. */
const RECORD_LINE_PT = 24
const RULE_SPACE_PT = 3
const TYPE_AREA_BOTTOM_MM = 297 - MARGINS_MM.bottom

/** A rule's width in eighths of a point, as Word counts border sizes. */
const RULE = (mm: number) => ({ style: BorderStyle.SINGLE, size: Math.round((mm / 25.4) * 72 * 8), color: '000000', space: RULE_SPACE_PT })
const recordRun = (text: string) => new TextRun({ text, font: font(FONTS.body), size: half(14) })

/**
 * 版记: 抄送 and 印发机关/印发日期 in 4号仿宋 between rules, the first and last thicker, at the foot of the last page.
 * Each line is a paragraph in its own frame placed from the top of the page, anchored at the end of the document so
 * it lands on the last page. (LibreOffice drops frames aligned to the bottom, floating tables, and one frame of two
 * bordered paragraphs; single-paragraph frames at a set height print the same in Word, WPS and LibreOffice.)
 */
export function recordParagraphs(r: OfficialRecord): Paragraph[] {
  const width = mmToTwip(TYPE_AREA_MM)
  const thickPt = (RECORD_RULE_MM.outer / 25.4) * 72
  const thinPt = (RECORD_RULE_MM.inner / 25.4) * 72
  const bottomPt = (TYPE_AREA_BOTTOM_MM / 25.4) * 72
  const printedPt = RULE_SPACE_PT + RECORD_LINE_PT + RULE_SPACE_PT + thickPt + (r.cc ? 0 : RULE_SPACE_PT + thickPt)
  const ccPt = thickPt + RULE_SPACE_PT + RECORD_LINE_PT + RULE_SPACE_PT + thinPt
  const frame = (topPt: number) => ({
    type: 'absolute' as const,
    position: { x: 0, y: ptToTwip(topPt) },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.PAGE },
    width,
    // without a wrap LibreOffice drops the frame and prints the line where it stands
    wrap: FrameWrap.AROUND,
  })
  const common = {
    indent: { left: ptToTwip(14), right: ptToTwip(14) },
    spacing: { line: ptToTwip(RECORD_LINE_PT), lineRule: LineRuleType.EXACT },
  }
  const thick = RULE(RECORD_RULE_MM.outer)
  const printed = new Paragraph({
    ...common,
    spacing: { ...common.spacing, before: ptToTwip(RULE_SPACE_PT) },
    frame: frame(bottomPt - printedPt),
    border: r.cc ? { bottom: thick } : { top: thick, bottom: thick },
    tabStops: [{ type: TabStopType.RIGHT, position: width - ptToTwip(14) }],
    children: [recordRun(r.organ), recordRun(`\t${r.date}印发`)],
  })
  // LibreOffice places a frame once the paragraph after it is read: end the document with a hairline one
  const end = new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] })
  if (!r.cc) return [printed, end]
  const cc = new Paragraph({
    ...common,
    frame: frame(bottomPt - printedPt - ccPt),
    border: { top: thick, bottom: RULE(RECORD_RULE_MM.inner) },
    children: [recordRun(`抄送：${r.cc}。`)],
  })
  return [cc, printed, end]
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ptToTwip(SIZES_PT.pageNumber) } : { left: ptToTwip(SIZES_PT.pageNumber) },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber, FONTS.pageNumber),
            size: half(SIZES_PT.pageNumber),
          }),
        ],
      }),
    ],
  })
}

/** The whole document: page, footers, and the children in order, with the 版记 last. */
export async function officialDocx(meta: { title: string }, children: FileChild[], record: OfficialRecord): Promise<Uint8Array> {
  const doc = new Document({
    creator: '督办台',
    title: meta.title,
    evenAndOddHeaderAndFooters: true,
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
              // the page number's dash sits 7 mm under the type area
              footer: mmToTwip(MARGINS_MM.bottom - 7 - 6),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...children, ...recordParagraphs(record)],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
