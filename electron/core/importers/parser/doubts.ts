/**
 * When the office should look twice at a parsed task: the reasons are shown beside the task in the
 * preview, and a task with any reason is marked as low confidence. Each rule is a plain reading
 * of the task, not a score tuned on any document.
 */
import type { TaskDraft } from '../types'
import { isCollectiveLead } from './responsibility'

/** Shorter than this, an item is more likely a heading or a fragment than a piece of work. */
const SHORT = 8
/** Longer than this, an item has usually swallowed the next one (a missed number) or a paragraph. */
const LONG = 400
/** A number mark inside the text, after a sentence break: 。2. / ；（三） / 。③ */
const INNER_MARKER = /[。；;]\s*(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[①-⑳])/

export function doubtsAbout(task: Pick<TaskDraft, 'text' | 'leads'>): string[] {
  const doubts: string[] = []
  if (task.leads.length === 0) doubts.push('未识别到牵头单位')
  else if (task.leads.every(isCollectiveLead)) doubts.push(`牵头单位为泛称（${task.leads.join('、')}），请指定具体单位`)
  const length = task.text.replace(/\s/g, '').length
  if (length < SHORT) doubts.push('条目过短，可能是标题或残句')
  if (length > LONG) doubts.push('条目很长，可能合并了多项任务，请核对是否需要拆分')
  if (INNER_MARKER.test(task.text)) doubts.push('条目中含有另一编号，可能并入了下一项')
  return doubts
}
