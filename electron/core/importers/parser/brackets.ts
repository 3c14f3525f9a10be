/**
 * The bracket group that closes an item, found from its end with nesting respected:
 * [牵头单位:县发改局(粮食局);责任单位:…] and 〔责任单位:…相关市(州)人民政府…〕 are one group each.
 */

const PAIRS: Record<string, string> = { ')': '(', '）': '（', '〕': '〔', ']': '[', '］': '［', '】': '【' }
const OPEN = new Set(Object.values(PAIRS))
const TRAILING = new Set([...'。.；;，, \t\u3000'])
const LOOSE_OPEN: Record<string, string[]> = { ')': ['(', '（'], '）': ['(', '（'] }

export interface BracketGroup {
  /** index of the opening bracket */
  start: number
  /** index after the closing bracket */
  end: number
  inner: string
}

/** The last bracket group of the text when only sentence punctuation follows it, else null. */
export function closingBracketGroup(text: string): BracketGroup | null {
  let cut = text.length
  while (cut > 0 && TRAILING.has(text[cut - 1])) cut--
  const trimmed = text.slice(0, cut)
  const close = trimmed[trimmed.length - 1]
  if (!close || !(close in PAIRS)) return null
  const stack: string[] = [close]
  for (let i = trimmed.length - 2; i >= 0; i--) {
    const c = trimmed[i]
    if (c in PAIRS) stack.push(c)
    else if (OPEN.has(c)) {
      const top = stack[stack.length - 1]
      // half- and full-width round brackets are often mixed in one pair
      if (c !== PAIRS[top] && !(LOOSE_OPEN[top] ?? []).includes(c)) continue
      stack.pop()
      if (stack.length === 0) return { start: i, end: trimmed.length, inner: trimmed.slice(i + 1, trimmed.length - 1) }
    }
  }
  return null
}
