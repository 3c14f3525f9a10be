import type { PlanMeta } from '../types'
import type { SourceLine } from './lines'
import { chineseToNumber } from './numbering'
import { withoutPageFurniture } from './furniture'

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,12})\s*[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/
const CN_DATE_LINE = /^([〇零一二三四五六七八九○]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/
const ORG_END = /(局|委员会|委|政府|办公室|办公厅|厅|部|中心|公司|协会|集团)$/

const pad = (n: number) => String(n).padStart(2, '0')

function isoDate(y: number, m: number, d: number): string | null {
  if (!(y > 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null
}

const CN_YEAR_DIGITS = '〇一二三四五六七八九'
function cnYear(s: string): number {
  return Number([...s.replace(/[零○]/g, '〇')].map((c) => CN_YEAR_DIGITS.indexOf(c)).join(''))
}

/** 2021年4月9日 or 二〇二一年四月九日 on a line of its own → 2021-04-09. */
export function parseIssueDate(line: string): string | null {
  const t = line.replace(/\s+/g, '')
  const m = DATE_LINE.exec(t)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  const c = CN_DATE_LINE.exec(t)
  if (c) return isoDate(cnYear(c[1]), chineseToNumber(c[2]), chineseToNumber(c[3]))
  return null
}

/** A 发文字号 standing on its own line, normalised to 〔〕 brackets. */
export function parseDocNumber(line: string): string | null {
  if (line.length > 30) return null
  const m = DOC_NUMBER.exec(line.replace(/\s+/g, ''))
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null
}

function findTitle(lines: SourceLine[]): string {
  const head = withoutPageFurniture(lines.slice(0, 60)).slice(0, 40)
  for (let i = 0; i < head.length; i++) {
    if (!/关于/.test(head[i].text) || head[i].text.length > 80) continue
    // A notice title can wrap; gather lines until one ends with 通知/意见/方案 or so.
    let title = head[i].text
    for (let j = i + 1; j < Math.min(i + 4, head.length) && !/(通知|意见|方案|决定|通报|函|批复)$/.test(title); j++) {
      if (/[：:。]$/.test(head[j].text) || head[j].text.length > 40) break
      title += head[j].text
    }
    return title.replace(/\s+/g, '')
  }
  const named = head.find(
    (l) => l.text.length <= 50 && /(要点|规划|方案|计划|安排|清单|意见|办法|通知)$/.test(l.text) && !/文件$/.test(l.text),
  )
  if (named) return named.text
  return head.find((l) => l.text.length <= 60)?.text ?? ''
}

function findIssuer(lines: SourceLine[], title: string): string | null {
  for (const l of lines.slice(0, 15)) {
    const m = /^(.{2,30}?)\s*文件$/.exec(l.text)
    if (m && ORG_END.test(m[1].trim())) return m[1].trim()
  }
  const byTitle = /^(.{2,30}?(局|委员会|政府|办公室|厅|中心))关于/.exec(title)
  if (byTitle) return byTitle[1]
  for (let i = 1; i < lines.length; i++) {
    if (parseIssueDate(lines[i].text) && ORG_END.test(lines[i - 1].text) && lines[i - 1].text.length <= 30) return lines[i - 1].text
  }
  const first = withoutPageFurniture(lines.slice(0, 15))
    .slice(0, 5)
    .find((l) => l.text.length <= 30 && ORG_END.test(l.text))
  return first ? first.text : null
}

function findYear(title: string, lines: SourceLine[], issuedOn: string | null): number | null {
  const inTitle = /(\d{4})\s*年(度)?/.exec(title)
  if (inTitle) return Number(inTitle[1])
  for (const l of lines.slice(0, 60)) {
    if (l.text.length > 50) continue
    const m = /(\d{4})\s*年(度)?(工作要点|工作计划|重点工作|工作任务|实事)/.exec(l.text)
    if (m) return Number(m[1])
  }
  return issuedOn ? Number(issuedOn.slice(0, 4)) : null
}

/** Title, issuing body, 发文字号, issue date and plan year. */
export function readMetadata(lines: SourceLine[]): PlanMeta {
  const title = findTitle(lines)
  let docNumber: string | null = null
  let issuedOn: string | null = null
  for (const l of lines.slice(0, 80)) {
    docNumber ??= parseDocNumber(l.text)
    issuedOn ??= parseIssueDate(l.text)
  }
  // Signatures may also sit at the end of the document.
  if (!issuedOn) for (const l of lines.slice(-15)) issuedOn ??= parseIssueDate(l.text)
  return {
    title,
    issuer: findIssuer(lines, title),
    docNumber,
    issuedOn,
    year: findYear(title, lines, issuedOn),
  }
}
