import type { ListDraft, ParseWarning } from '../types'
import type { SourceLine } from './lines'

/** Fewer tasks than this from a document of real length: it is probably not a task list at all. */
const FEW_TASKS = 3
/** A news article or report runs to paragraphs; a short paste that yields nothing is just "no tasks". */
const SUBSTANTIAL_CHARS = 400

const countTasks = (lists: ListDraft[]) => lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)

/**
 * Says so when a document of some length gives no or very few tasks — a news report, a web page,
 * a speech — so that nobody imports it believing the bureau's plan was read.
 */
export function notTaskListWarnings(lines: SourceLine[], lists: ListDraft[]): ParseWarning[] {
  const tasks = countTasks(lists)
  const chars = lines.reduce((n, l) => n + l.text.length, 0)
  if (tasks >= FEW_TASKS || chars < SUBSTANTIAL_CHARS) return []
  const found = tasks === 0 ? '没有识别到工作任务' : `只识别到${tasks}项工作任务`
  return [
    { code: 'not_task_list', message: `该文件看起来不是工作任务清单（可能是新闻报道、网页或讲话稿），全文${found}，请确认是否选对了文件` },
  ]
}
