/** The same 督查通报 as printable HTML: Chromium prints it to PDF (Electron printToPDF, page.pdf in tests). */
import type { BulletinContent, BulletinTaskLine } from './content'
import { FONTS, LINE_PT, MARGINS_MM, SIZES_PT } from './style'

/** Every stored text (task text, unit names, the office's own sentences) goes through this: the page is shown in the app's frame. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c])
const stack = (...names: string[]) => [...names.map((n) => `"${n}"`), '"Noto Serif CJK SC"', 'serif'].join(', ')

const CSS = `
@page { size: A4; margin: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm;
  @bottom-center { content: "— " counter(page) " —"; font: ${SIZES_PT.pageNumber}pt ${stack(FONTS.titleFallback)}; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${stack(FONTS.body, FONTS.bodyFallback)}; font-size: ${SIZES_PT.body}pt; line-height: ${LINE_PT}pt; color: #000; }
.mark { color: #e60012; text-align: center; font-family: ${stack(FONTS.title, FONTS.titleFallback)}; font-size: ${SIZES_PT.mark}pt;
  font-weight: bold; letter-spacing: 2pt; line-height: 1.4; margin: 12pt 0 24pt; }
.number { text-align: center; margin: 0; }
.rule { border: 0; border-top: 2.25pt solid #e60012; margin: 4pt 0 0; }
h1.title { font-family: ${stack(FONTS.title, FONTS.titleFallback)}; font-size: ${SIZES_PT.title}pt; font-weight: normal; text-align: center;
  line-height: 35pt; margin: ${LINE_PT}pt 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.flush { text-indent: 0; }
p.right { text-align: right; text-indent: 0; padding-right: 2em; }
h2 { font-family: ${stack(FONTS.heading1)}, sans-serif; font-size: ${SIZES_PT.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3 { font-family: ${stack(FONTS.heading2, FONTS.heading2Fallback)}; font-size: ${SIZES_PT.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; margin: 6pt 0; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: center; }
th { font-family: ${stack(FONTS.heading1)}, sans-serif; font-weight: normal; }
thead { display: table-header-group; }
h2, h3 { break-after: avoid; }
tr { break-inside: avoid; }
`

const tasks = (items: BulletinTaskLine[], none: string) =>
  items.length
    ? items.map((t, i) => `<p data-task-id="${t.taskId}">${i + 1}. ${esc(t.label)}（${esc(t.leads)}）：${esc(t.detail)}</p>`).join('\n')
    : `<p>${none}</p>`

export function bulletinHtml(c: BulletinContent): string {
  const table = `<table><thead><tr>${c.unitTable.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${c.unitTable.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`
  const ordinals = ['一', '二', '三', '四', '五']
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.title)}</title><style>${CSS}</style></head>
<body>
<div class="mark">${esc(c.bureau)}督查通报</div>
<p class="number flush">${esc(c.docNumber)}</p>
<hr class="rule">
<h1 class="title">${esc(c.title)}</h1>
<p class="flush">${esc(c.addressee)}</p>
<p>${esc(c.opening)}</p>
<h2>一、总体情况</h2>
${c.overall.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<h2>二、各单位落实情况</h2>
${table}
<h2>三、逾期和进度滞后任务</h2>
<h3>（一）逾期任务</h3>
${tasks(c.overdue, '本期无逾期任务。')}
<h3>（二）进度滞后任务</h3>
${tasks(c.behind, '本期无进度滞后任务。')}
<h2>四、好的做法</h2>
${tasks(c.goodPractice, '本期暂无完成销号的任务。')}
<h2>五、下步工作要求</h2>
${c.nextSteps.map((p, i) => `<p>${ordinals[i] ?? i + 1}是${esc(p)}</p>`).join('\n')}
<p class="flush">&nbsp;</p>
<p class="right">${esc(c.signature)}</p>
<p class="right">${esc(c.date)}</p>
</body></html>`
}
