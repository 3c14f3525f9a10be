/**
 * The GB/T 9704 frame as printable HTML, the twin of official/docx.ts: Chromium prints it to PDF (Electron printToPDF,
 * page.pdf in tests) and the app previews it. Page numbers sit on the outer side; the 版记 closes the document.
 */
import type { OfficialHead, OfficialRecord } from './docx'
import { titleLines } from './titleLines'
import { signatureIndents } from './signature'
import { FONTS, LINE_PT, MARGINS_MM, RECORD_RULE_MM, SIZES_PT, TITLE_UNITS_PER_LINE } from './style'

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
export const stack = (...names: string[]) => [...names.map((n) => `"${n}"`), '"Noto Serif CJK SC"', 'serif'].join(', ')

/** Room kept above the 版记 at the end of the text: two or three 24pt lines, their padding and the gap above. */
const RECORD_ROOM_PT = 110

const pageNumber = `content: "— " counter(page) " —"; font: ${SIZES_PT.pageNumber}pt ${stack(FONTS.pageNumber)};`

export const OFFICIAL_CSS = `
@page { size: A4; margin: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm; }
@page :right { @bottom-right { ${pageNumber} padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { ${pageNumber} padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${stack(FONTS.body, FONTS.bodyFallback)}; font-size: ${SIZES_PT.body}pt; line-height: ${LINE_PT}pt; color: #000; }
.mark { color: #e60012; text-align: center; font-family: ${stack(FONTS.title, FONTS.titleFallback)}; font-size: ${SIZES_PT.mark}pt;
  font-weight: bold; letter-spacing: 2pt; line-height: 1.4; margin: 12pt 0 24pt; }
.number { text-align: center; margin: 0; }
.number.signed { display: flex; justify-content: space-between; padding: 0 1em; }
.signer { font-family: ${stack(FONTS.heading2, FONTS.heading2Fallback)}; }
.rule { border: 0; border-top: 2.25pt solid #e60012; margin: 4pt 0 0; }
h1.title { font-family: ${stack(FONTS.title, FONTS.titleFallback)}; font-size: ${SIZES_PT.title}pt; font-weight: normal; text-align: center;
  line-height: 35pt; margin: ${LINE_PT}pt 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.flush { text-indent: 0; }
p.right { text-align: right; text-indent: 0; }
.signature { break-inside: avoid; }
h2 { font-family: ${stack(FONTS.heading1)}, sans-serif; font-size: ${SIZES_PT.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3 { font-family: ${stack(FONTS.heading2, FONTS.heading2Fallback)}; font-size: ${SIZES_PT.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; margin: 6pt 0; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: center; }
th { font-family: ${stack(FONTS.heading1)}, sans-serif; font-weight: normal; }
thead { display: table-header-group; }
h2, h3 { break-after: avoid; }
tr { break-inside: avoid; }
.attachment { break-before: page; }
.attachment-label { font-family: ${stack(FONTS.heading1)}, sans-serif; text-indent: 0; }
.record { margin-top: ${LINE_PT * 2}pt; border-top: ${RECORD_RULE_MM.outer}mm solid #000; border-bottom: ${RECORD_RULE_MM.outer}mm solid #000;
  font-size: 14pt; line-height: 24pt; break-inside: avoid; }
.record div { display: flex; justify-content: space-between; padding: 3pt 1em; }
.record div + div { border-top: ${RECORD_RULE_MM.inner}mm solid #000; }
/*
 * Printed, the 版记 sits at the foot of the last page (GB/T 9704): it is fixed to the page's foot, which Chromium
 * repeats on every page, and the document's white main block covers it on every page but the last (a broken block
 * fills its page to the bottom). The spacer keeps the last page's text clear of it, or moves to a page of its own.
 */
@media print {
  main.official { position: relative; z-index: 1; background: #fff; }
  .record-room { height: ${RECORD_ROOM_PT}pt; break-inside: avoid; }
  .record { position: fixed; left: 0; right: 0; bottom: 0; margin: 0; z-index: 0; }
}
@media screen { .record-room { display: none; } }
/* On screen (the app's preview) the document sits on an A4 sheet with the same margins as the printed page. */
@media screen {
  html { background: #e9ecf1; }
  body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto;
    padding: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm;
    background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
  .attachment { margin-top: ${MARGINS_MM.bottom + MARGINS_MM.top}mm; border-top: 1px dashed #c0c4cc; padding-top: ${MARGINS_MM.top}mm; }
}
`

/** 版头 and the title in its lines. */
export const headHtml = (h: OfficialHead) => `<div class="mark">${esc(h.mark)}</div>
${
  h.signer
    ? `<p class="number signed flush"><span>${esc(h.number)}</span><span>签发人：<span class="signer">${esc(h.signer)}</span></span></p>`
    : `<p class="number flush">${esc(h.number)}</p>`
}
<hr class="rule">
<h1 class="title">${titleLines(h.title, TITLE_UNITS_PER_LINE).map(esc).join('<br>')}</h1>`

export const attachmentNoteHtml = (names: string[]) =>
  names.length === 0
    ? ''
    : `<p class="flush">&nbsp;</p>\n${names.map((n, i) => `<p>${i === 0 ? '附件：' : '　　　'}${names.length > 1 ? `${i + 1}. ` : ''}${esc(n)}</p>`).join('\n')}`

export function signatureHtml(signature: string, date: string): string {
  const indents = signatureIndents(signature, date)
  return `<div class="signature"><p class="flush">&nbsp;</p>
<p class="right" style="padding-right: ${indents.signature}em">${esc(signature)}</p>
<p class="right" style="padding-right: ${indents.date}em">${esc(date)}</p></div>`
}

export const attachmentHtml = (title: string, inner: string) => `<section class="attachment">
<p class="attachment-label">附件</p>
<h1 class="title">${esc(title)}</h1>
${inner}
</section>`

export const recordHtml = (r: OfficialRecord) => `<footer class="record">
${r.cc ? `<div><span>抄送：${esc(r.cc)}。</span></div>` : ''}
<div><span>${esc(r.organ)}</span><span>${esc(r.date)}印发</span></div>
</footer>`

export const officialPage = (title: string, body: string, record: OfficialRecord, css = '') => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${OFFICIAL_CSS}${css}</style></head>
<body>
<main class="official">
${body}
<div class="record-room"></div>
</main>
${recordHtml(record)}
</body></html>`
