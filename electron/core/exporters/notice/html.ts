/** The same 督办通知书 as printable HTML in the GB/T 9704 frame. */
import { attachmentHtml, attachmentNoteHtml, esc, headHtml, officialPage, signatureHtml } from '../official/html'
import type { NoticeContent } from './content'

const CSS = `
table.facts td { text-align: justify; font-size: 14pt; }
table.facts td.label { text-align: center; width: 22%; font-family: "黑体", sans-serif; }
`

export function noticeHtml(c: NoticeContent): string {
  const facts = `<table class="facts"><tbody>
${c.attachmentRows.map(([k, v]) => `<tr><td class="label">${esc(k)}</td><td>${esc(v)}</td></tr>`).join('\n')}
</tbody></table>`
  return officialPage(
    c.title,
    `${headHtml({ mark: c.mark, number: c.number, title: c.title, signer: c.signer })}
<p class="flush">${esc(c.addressee)}</p>
${c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${attachmentNoteHtml([c.attachmentTitle])}
${signatureHtml(c.signature, c.date)}
${attachmentHtml(c.attachmentTitle, facts)}`,
    c.record,
    CSS,
  )
}
