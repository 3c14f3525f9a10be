/** Item and section markers found at the start of a line, from outermost to innermost. */
export type MarkerKind = 'cn' | 'cnParen' | 'arabic' | 'arabicParen' | 'circled'

export const MARKER_DEPTH: Record<MarkerKind, number> = {
  cn: 0,
  cnParen: 1,
  arabic: 2,
  arabicParen: 3,
  circled: 4,
}

export interface Marker {
  kind: MarkerKind
  /** the numeral as written, e.g. 一 or 12 */
  label: string
  value: number
  /** the line without its marker */
  rest: string
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; NaN for anything else. */
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1…99 as written in section labels (一, 十二, 二十三); larger numbers stay in Arabic digits. */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${DIGITS[n % 10]}`
}

export function chineseToNumber(s: string): number {
  if (!s || s.length > 4) return NaN
  if (s === '十') return 10
  const ten = s.indexOf('十')
  if (ten < 0) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : NaN
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)]
  const unitsPart = s.slice(ten + 1)
  const units = unitsPart === '' ? 0 : CN_DIGITS[unitsPart]
  if (tens === undefined || units === undefined || unitsPart.length > 1 || ten > 1) return NaN
  return tens * 10 + units
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const CN_NUM = '[一二三四五六七八九十]{1,3}'

const PATTERNS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'cnParen', re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*[、.．]?\\s*`) },
  { kind: 'cn', re: new RegExp(`^(${CN_NUM})\\s*[、．.]\\s*`) },
  // Up to four digits: a consolidated task list can run past 999 items.
  { kind: 'arabicParen', re: /^[（(]\s*(\d{1,4})\s*[）)]\s*[、.．]?\s*/ },
  // a dot followed by a digit is a decimal (2.5亿), not a marker
  { kind: 'arabic', re: /^(\d{1,4})\s*(?:[、．]|\.(?!\d))\s*/ },
  { kind: 'circled', re: new RegExp(`^([${CIRCLED}])\\s*`) },
]

/** 2021、2022年连续… opens with a year, not item 2021. */
const looksLikeYears = (label: string, rest: string) => /^(19|20)\d\d$/.test(label) && /^(\d|年)/.test(rest)

/** Recognises the numbering at the start of a line, or null when it has none. */
export function parseMarker(line: string): Marker | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(line)
    if (!m) continue
    const label = m[1]
    const value =
      kind === 'cn' || kind === 'cnParen' ? chineseToNumber(label) : kind === 'circled' ? CIRCLED.indexOf(label) + 1 : Number(label)
    if (!Number.isFinite(value) || value <= 0) continue
    const rest = line.slice(m[0].length).trim()
    if (!rest || looksLikeYears(label, rest)) continue
    return { kind, label, value, rest }
  }
  return null
}
