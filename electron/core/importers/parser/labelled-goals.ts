/**
 * Plans printed as labelled blocks rather than numbered items: 【目标任务】 and the goal, then
 * 【推进措施】 and the numbered measures that reach it, then one 责任单位 line for the whole. Each
 * goal is one task: it becomes a numbered task line (numbered in the order of the goals, as it
 * carries no number of its own) and its measures join it as sub-items, so the note after the
 * last measure is read for the task, and the measures are not read as tasks of their own.
 *
 * Left as found: a goal label with no measures label after it (a plan's own 【工作目标】
 * paragraph), and measures that carry notes of their own (then they are the tasks).
 */
import type { SourceLine } from './lines'
import { parseMarker } from './numbering'
import { readResponsibility } from './responsibility-reader'

const GOAL = /^[【\[]\s*(目标任务|任务目标|工作目标|项目目标|项目内容|实事内容|主要内容|建设内容)\s*[】\]]\s*[：:]?\s*(.*)$/
const MEASURES = /^[【\[]\s*(推进措施|工作措施|主要措施|具体措施|实施措施|推进举措|工作举措|实施路径)\s*[】\]]\s*[：:]?\s*(.*)$/
/** Any other bracketed label (【责任单位】) or a label line (责任单位：…, 联 系 人：…) ends the measures. */
const OTHER_LABEL = /^[【\[][^】\]]{2,8}[】\]]|^[^，。,；;（(]{2,10}[：:]/

/** How many lines a goal may run to before its measures label. */
const GOAL_LINES = 3

export function joinLabelledGoals(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = []
  let count = 0
  for (let i = 0; i < lines.length; i++) {
    const goal = GOAL.exec(lines[i].text)
    const block = goal ? readBlock(lines, i, goal[2]) : null
    if (!block) {
      out.push(lines[i])
      continue
    }
    count++
    out.push({ no: block.no, text: `${count}.${block.text}` })
    i = block.last
  }
  return out
}

/** The goal and its measures from the goal label at `at`, or null when the block is not of that form. */
function readBlock(lines: SourceLine[], at: number, sameLine: string): { no: number; text: string; last: number } | null {
  const goal: SourceLine[] = sameLine ? [{ no: lines[at].no, text: sameLine }] : []
  let i = at + 1
  while (i < lines.length && !MEASURES.test(lines[i].text) && !GOAL.test(lines[i].text) && goal.length < GOAL_LINES) {
    goal.push(lines[i])
    i++
  }
  const label = i < lines.length ? MEASURES.exec(lines[i].text) : null
  if (!label || goal.length === 0 || parseMarker(goal[0].text)) return null
  const measures: string[] = label[2] ? [label[2]] : []
  let last = i
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j].text
    const marker = parseMarker(text)
    if (GOAL.test(text) || MEASURES.test(text) || (!marker && OTHER_LABEL.test(text)) || marker?.kind === 'cn') break
    measures.push(text)
    last = j
  }
  if (measures.some((m) => readResponsibility(m).found)) return null
  return { no: goal[0].no, text: [...goal.map((l) => l.text), ...measures].join(''), last }
}
