/** One cleaned line of the source with its 1-based position. */
export interface SourceLine {
  no: number
  text: string
}

const FULL_WIDTH_ASCII = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/g
// Digits, Latin letters, ％ and ． become ASCII so numbers read the same however they were typed.
const toHalfWidth = (s: string) => s.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** Tidies one line: odd spaces, full-width digits, markdown bold, surrounding blanks. */
export function normalizeLine(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\u00A0\u2000-\u200B\u3000\t\uFEFF]/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

const FURNITURE = [
  /^[（(]?此件(公开发布|不公开|依申请公开|主动公开)[）)]?$/,
  /^[-—–－\s]*\d{1,3}[-—–－\s]*$/, // page numbers such as - 3 - or —3—
  /^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/,
  /^\d+\s*\/\s*\d+$/,
  /^(抄送|印发|抄报)[：:]/,
  /^[（(]?(联系人|联系电话)[：:]/,
]

/** Page numbers, publication notes and similar lines that carry no content. */
export function isFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text))
}

/** Every non-empty line, normalised, in order. Furniture is kept; callers decide. */
export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  const raw = text.replace(/\r\n?/g, '\n').split('\n')
  raw.forEach((line, i) => {
    const t = normalizeLine(line)
    if (t) out.push({ no: i + 1, text: t })
  })
  return out
}

/** Lines that can carry document content. */
export function contentLines(lines: SourceLine[]): SourceLine[] {
  return lines.filter((l) => !isFurniture(l.text))
}
