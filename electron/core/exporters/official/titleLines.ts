/**
 * GB/T 9704 7.3.3: a title that needs more than one line breaks where the meaning allows (never inside a word),
 * and its lines form a 梯形 or 菱形. Pure: the same break points for the Word and the HTML renditions.
 *
 * Without a dictionary, "where the meaning allows" is a list of phrase boundaries found in official titles:
 * after 关于, around the 的 that introduces the document kind, before the kind itself (通报, 通知书 …), at
 * punctuation, at the edges of numbers (2021年, 7月份, 第17项), and at a few verbs and nouns that start or
 * end phrases (落实…, …情况). A title with none of these is broken between characters only as a last resort.
 */
import { textUnits } from '../sheetLayout'

/** Document kinds, longest first so 督办通知书 wins over 通知书 and 通知. */
const KINDS = ['督办通知书', '督查通报', '考核通报', '通知书', '通报', '通知', '意见', '报告', '决定', '批复', '函']
/** Words that begin a phrase: a line may start with them. */
const STARTERS = [
  '关于',
  '落实',
  '推进',
  '加快',
  '开展',
  '加强',
  '做好',
  '进一步',
  '督促',
  '督查',
  '督办',
  '考核',
  '印发',
  '转发',
  '第',
  '服务',
  '从业',
]
/** Words that end a phrase: a line may end after them. */
const ENDERS = [
  '情况',
  '工作',
  '任务',
  '要点',
  '问题',
  '进展',
  '方案',
  '项目',
  '年度',
  '管理',
  '保障',
  '建设',
  '旺季',
  '实事',
  '和',
  '及',
  '与',
  '并',
]
/** A line may not start with closing punctuation nor end with opening punctuation. */
const CLOSING = /^[、，。；：！？）》」』”’]/
const OPENING = /[（《「『“‘]$/

/** Costs of breaking at a position: lower is better; Infinity forbids it. */
const STRONG = 0
const PHRASE = 2
const LAST_RESORT = 100
/** A book title or a note in brackets is broken only where nothing outside it will do. */
const IN_BRACKETS = 6

function breakCost(title: string, at: number): number {
  const before = title.slice(0, at)
  const after = title.slice(at)
  if (CLOSING.test(after) || OPENING.test(before)) return Infinity
  if (/[0-9０-９A-Za-z.]$/.test(before) && /^[0-9０-９A-Za-z.%]/.test(after)) return Infinity
  if (/[0-9０-９]$/.test(before)) return Infinity // 2021|年, 17|项: a number stays with its measure word
  const phrase = phraseCost(before, after)
  return insideBrackets(before) ? phrase + IN_BRACKETS : phrase
}

function phraseCost(before: string, after: string): number {
  const kind = KINDS.find((k) => after === k)
  if (kind) return STRONG
  if (before.endsWith('关于') && before.length > 2) return STRONG
  if (before === '关于') return PHRASE
  if (after.startsWith('的') && KINDS.some((k) => after === `的${k}`)) return STRONG
  if (before.endsWith('的') && KINDS.some((k) => after === k)) return STRONG
  if (/[、，；：）》”]$/.test(before) || /^[（《“]/.test(after)) return STRONG
  if (/^[0-9０-９]/.test(after) || /^第[0-9０-９一二三四五六七八九十]/.test(after)) return PHRASE
  if (/[0-9０-９一二三四五六七八九十](年|月份|月|日|项|号)$/.test(before) && !/^(份|度|底|初|末|中)/.test(after)) return PHRASE
  if (before.endsWith('的')) return PHRASE + 1
  if (ENDERS.some((w) => before.endsWith(w)) || STARTERS.some((w) => after.startsWith(w))) return PHRASE
  return LAST_RESORT
}

/** Inside an unclosed 《 or （: a book title or a note is one unit. */
function insideBrackets(before: string): boolean {
  let depth = 0
  for (const ch of before) {
    if (ch === '《' || ch === '（' || ch === '“') depth++
    if ((ch === '》' || ch === '）' || ch === '”') && depth > 0) depth--
  }
  return depth > 0
}

/**
 * How even and well-shaped a set of line widths is: lines close in length, no stub lines, and for three or more
 * lines a 梯形 (growing or shrinking steadily) or a 菱形 (longest in the middle) rather than an hourglass.
 */
function shapeCost(widths: number[]): number {
  const longest = Math.max(...widths)
  let cost = widths.reduce((sum, w) => sum + ((longest - w) / longest) ** 2 * 20, 0)
  if (widths.some((w) => w < longest * 0.4)) cost += 30
  for (let i = 1; i < widths.length - 1; i++) if (widths[i]! < widths[i - 1]! && widths[i]! < widths[i + 1]!) cost += 25
  return cost
}

/**
 * Breaks a title into lines no wider than `maxUnits` half-width units (a CJK character is 2).
 * Returns one line when the title fits.
 */
export function titleLines(title: string, maxUnits: number): string[] {
  const text = title.trim()
  if (textUnits(text) <= maxUnits) return [text]
  const chars = [...text]
  const offsets: number[] = [] // string index of each character boundary
  let index = 0
  for (const ch of chars) {
    index += ch.length
    offsets.push(index)
  }
  const positions = offsets.slice(0, -1).map((at) => ({ at, cost: breakCost(text, at) }))
  const minLines = Math.ceil(textUnits(text) / maxUnits)
  let best: { lines: string[]; cost: number } | null = null
  for (let n = minLines; n <= minLines + 1; n++) {
    const found = bestSplit(text, positions, n, maxUnits)
    // one more line than needed must be clearly better to be worth the space
    if (found && (!best || found.cost + (n - minLines) * 10 < best.cost)) best = found
  }
  return best?.lines ?? [text]
}

function bestSplit(text: string, positions: { at: number; cost: number }[], lines: number, maxUnits: number) {
  let best: { lines: string[]; cost: number } | null = null
  const usable = positions.filter((p) => p.cost < Infinity)
  const choose = (from: number, start: number, picked: { at: number; cost: number }[]) => {
    if (picked.length === lines - 1) {
      const cuts = [0, ...picked.map((p) => p.at), text.length]
      const parts = cuts.slice(1).map((end, i) => text.slice(cuts[i], end))
      const widths = parts.map(textUnits)
      if (widths.some((w) => w > maxUnits)) return
      const cost = picked.reduce((s, p) => s + p.cost, 0) + shapeCost(widths)
      if (!best || cost < best.cost) best = { lines: parts, cost }
      return
    }
    for (let i = from; i < usable.length; i++) {
      const p = usable[i]!
      if (textUnits(text.slice(start, p.at)) > maxUnits) break
      choose(i + 1, p.at, [...picked, p])
    }
  }
  choose(0, 0, [])
  return best as { lines: string[]; cost: number } | null
}
