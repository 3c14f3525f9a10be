/**
 * Who leads and who assists an item, tried in order: a label/value note (牵头单位:X 责任单位:Y),
 * a closing bracket group with duty words (nested brackets allowed), then the established
 * reader (a bracket anywhere, a closing sentence). Rules read a simplified copy of the text, so
 * 牽頭/負責 count as 牵头/负责; the item text returned keeps the original characters.
 */
import { closingBracketGroup } from './brackets'
import { readDutyClauses, readLabelledNote } from './labels'
import { extractResponsibility, type Responsibility } from './responsibility'
import { toSimplified } from './script'

const DUTY_WORDS = /牵头|负责|配合|协办|协同|主办|参与/
const CLOSE_OF: Record<string, string> = { '(': ')', '（': '）', '〔': '〕', '[': ']', '［': '］', '【': '】' }

/** The index after the bracket opened at `at`, nesting respected; the text's end when it never closes. */
function closingAfter(text: string, at: number): number {
  const open = text[at]
  const close = CLOSE_OF[open]
  if (!close) return text.length
  let depth = 0
  for (let i = at; i < text.length; i++) {
    if (text[i] === open || (open === '(' && text[i] === '（') || (open === '（' && text[i] === '(')) depth++
    else if (text[i] === close || (close === ')' && text[i] === '）') || (close === '）' && text[i] === ')')) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return text.length
}

/** Maps the established reader's leftover text (computed on the simplified copy) back to the original. */
function sameCut(original: string, simple: string, leftover: string): string {
  let prefix = 0
  while (prefix < leftover.length && prefix < simple.length && leftover[prefix] === simple[prefix]) prefix++
  const suffix = leftover.length - prefix
  return (original.slice(0, prefix) + (suffix > 0 ? original.slice(original.length - suffix) : '')).trim()
}

export function readResponsibility(text: string): Responsibility {
  const simple = toSimplified(text)
  const labelled = readLabelledNote(simple)
  if (labelled) {
    // Every bracket group from the note on that holds labels goes: （牵头单位：X）（完成时限：Y）.
    let end = labelled.start
    while (CLOSE_OF[simple[end]]) {
      const after = closingAfter(simple, end)
      if (!readLabelledNote(simple.slice(end, after)) && !/[:：]/.test(simple.slice(end, after))) break
      end = after
      while (/\s/.test(simple[end] ?? '')) end++
    }
    if (!CLOSE_OF[simple[labelled.start]]) end = text.length
    const rest = (text.slice(0, labelled.start) + text.slice(end)).trim()
    return { leads: labelled.leads, coops: labelled.coops, text: rest, found: true, rule: 'label' }
  }
  const group = closingBracketGroup(simple)
  if (group && DUTY_WORDS.test(group.inner)) {
    const duty = readDutyClauses(group.inner)
    if (duty.leads.length + duty.coops.length > 0) {
      const rest = (text.slice(0, group.start) + text.slice(group.end)).trim()
      return { leads: duty.leads, coops: duty.coops.filter((c) => !duty.leads.includes(c)), text: rest, found: true, rule: 'bracket' }
    }
  }
  if (simple === text) return extractResponsibility(text)
  const found = extractResponsibility(simple)
  return found.found ? { ...found, text: sameCut(text, simple, found.text) } : { ...found, text: text.trim() }
}
