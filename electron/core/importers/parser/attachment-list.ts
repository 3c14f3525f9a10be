/**
 * A notice's list of attachments (附件：1.XX分解表 2.XX清单) names documents, not tasks:
 * its numbered lines are dropped before lists are collected.
 */
import type { SourceLine } from './lines'
import { parseMarker } from './numbering'

const ATTACHMENTS = /^附件\s*[：:]\s*(.*)$/

/** A short title line, as attachment names are: no sentence inside, no responsibility note. */
const isTitle = (text: string) => text.length <= 60 && !/[。；;]./.test(text) && !/牵头|配合|责任单位/.test(text)

export function dropAttachmentLists(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const m = ATTACHMENTS.exec(lines[i].text)
    if (!m) {
      out.push(lines[i])
      continue
    }
    const first = parseMarker(m[1])
    if (!first || first.value !== 1 || !isTitle(first.rest)) {
      out.push(lines[i])
      continue
    }
    let expected = 2
    while (i + 1 < lines.length) {
      const next = parseMarker(lines[i + 1].text)
      if (!next || next.kind !== first.kind || next.value !== expected || !isTitle(next.rest)) break
      expected++
      i++
    }
  }
  return out
}
