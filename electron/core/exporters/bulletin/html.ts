/** The same 督查通报 as printable HTML in the GB/T 9704 frame. */
import type { BulletinContent, BulletinTaskLine } from './content'
import { esc, headHtml, officialPage, signatureHtml } from '../official/html'

const tasks = (items: BulletinTaskLine[], none: string) =>
  items.length
    ? items.map((t, i) => `<p data-task-id="${t.taskId}">${i + 1}. ${esc(t.label)}（${esc(t.leads)}）：${esc(t.detail)}</p>`).join('\n')
    : `<p>${none}</p>`

export function bulletinHtml(c: BulletinContent): string {
  const table = `<table><thead><tr>${c.unitTable.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${c.unitTable.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`
  const ordinals = ['一', '二', '三', '四', '五']
  return officialPage(
    c.title,
    `${headHtml({ mark: c.mark, number: c.docNumber, title: c.title })}
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
${tasks(c.goodPractice, '截至本期暂无完成销号的任务。')}
<h2>五、下步工作要求</h2>
${c.nextSteps.map((p, i) => `<p>${ordinals[i] ?? i + 1}是${esc(p)}</p>`).join('\n')}
${signatureHtml(c.signature, c.date)}`,
    c.record,
  )
}
