/** One cleaned line of the source with its 1-based position. */
export interface SourceLine {
  no: number
  text: string
}

const FULL_WIDTH_ASCII = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/g
// Digits, Latin letters, ％ and ． become ASCII so numbers read the same however they were typed.
const toHalfWidth = (s: string) => s.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

// PDFs (Chromium, WPS, Word) often map glyphs to the look-alike Kangxi and supplementary radicals:
// ⼯作 for 工作, ⺠⽣ for 民生. NFKC folds the Kangxi block; the supplement needs a table.
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [...'⺟母⺠民⻅见⻆角⻉贝⻋车⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟⼾户'].flatMap((c, i, a) =>
    i % 2 === 0 ? [[c, a[i + 1]]] : [],
  ),
)
const foldRadicals = (s: string) => s.replace(/[\u2E80-\u2FDF]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'))

// Conversion debris from pinyin-annotated sources: 監(jiān)管, 協(xié)會 → 監管, 協會.
const PINYIN_DEBRIS = /(?<=[\u4E00-\u9FFF])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s?){1,2}\)/g

/** Tidies one line: odd spaces, full-width digits, markdown bold, surrounding blanks. */
export function normalizeLine(raw: string): string {
  return toHalfWidth(foldRadicals(raw))
    .replace(PINYIN_DEBRIS, '')
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
  // 联 系 人：… with the label spaced out to the width of the next one, as printed in columns
  /^[（(]?(联\s*系\s*人|联\s*系\s*电\s*话)\s*[：:]/,
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
