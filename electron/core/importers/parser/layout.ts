/**
 * The stage between lines and lists: puts tables and odd marks into the shapes the list reader
 * knows. Small-form punctuation (1﹒ ﹐ ﹑) reads as its usual form; pipe-separated and
 * one-cell-per-line tables become numbered task lines; goals printed under 【目标任务】 with their
 * 【推进措施】 become one numbered task line each.
 */
import { dropAttachmentLists } from './attachment-list'
import { rebuildFlatTables } from './flat-table'
import { joinLabelledGoals } from './labelled-goals'
import type { SourceLine } from './lines'
import { rebuildPipeTables } from './pipe-table'

const SMALL_FORMS = /[\uFE50-\uFE6B]/g

export function layoutLines(lines: SourceLine[]): SourceLine[] {
  const marks = lines.map((l) => (SMALL_FORMS.test(l.text) ? { ...l, text: l.text.replace(SMALL_FORMS, (c) => c.normalize('NFKC')) } : l))
  return joinLabelledGoals(rebuildFlatTables(rebuildPipeTables(dropAttachmentLists(marks))))
}
