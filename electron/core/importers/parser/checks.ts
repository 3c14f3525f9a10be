import type { ListDraft, ParseWarning } from '../types'
import { isCollectiveLead } from './responsibility'

function missingNumbers(numbers: number[]): number[] {
  if (numbers.length === 0) return []
  const seen = new Set(numbers)
  const max = Math.max(...numbers)
  if (max > 500) return []
  const missing: number[] = []
  for (let n = 1; n <= max; n++) if (!seen.has(n)) missing.push(n)
  return missing
}

const restartsPerSection = (list: ListDraft) => list.sections.length > 1 && list.sections.slice(1).some((s) => s.tasks[0]?.number === 1)

function numberingWarnings(list: ListDraft): ParseWarning[] {
  const groups = restartsPerSection(list)
    ? list.sections.map((s) => ({ where: s.title ? `「${s.title}」部分` : '', numbers: s.tasks.map((t) => t.number) }))
    : [{ where: '', numbers: list.sections.flatMap((s) => s.tasks.map((t) => t.number)) }]
  const out: ParseWarning[] = []
  for (const { where, numbers } of groups) {
    for (const n of missingNumbers(numbers))
      out.push({
        code: 'numbering_gap',
        message: `「${list.name}」${where}编号不连续：缺少第${n}项`,
        at: { list: list.name, number: n },
      })
    const dup = numbers.filter((n, i) => numbers.indexOf(n) !== i)
    for (const n of new Set(dup))
      out.push({
        code: 'numbering_duplicate',
        message: `「${list.name}」${where}第${n}项编号重复，请核对`,
        at: { list: list.name, number: n },
      })
  }
  return out
}

function leadWarnings(list: ListDraft): ParseWarning[] {
  const out: ParseWarning[] = []
  const tasks = list.sections.flatMap((s) => s.tasks)
  // A document that names no leads at all gets one warning, not one per item.
  const noneNamed = tasks.every((t) => t.leads.length === 0)
  if (noneNamed)
    out.push({
      code: 'missing_lead',
      message: `「${list.name}」中的${tasks.length}项工作任务都没有写明牵头单位，请导入后逐项指定`,
      at: { list: list.name },
    })
  for (const task of tasks) {
    const at = { list: list.name, number: task.number }
    if (task.leads.length === 0 && !noneNamed)
      out.push({ code: 'missing_lead', message: `「${list.name}」第${task.number}项没有写明牵头单位，请补充`, at })
    for (const lead of task.leads.filter(isCollectiveLead))
      out.push({
        code: 'collective_lead',
        message: `「${list.name}」第${task.number}项的牵头单位为「${lead}」，未指明具体处室，请确认由谁负责`,
        at,
      })
  }
  return out
}

/** Things office staff should look at before the plan is saved. */
export function checkLists(lists: ListDraft[]): ParseWarning[] {
  const taskCount = lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)
  if (taskCount === 0) return [{ code: 'no_tasks', message: '未识别到任何工作任务，请检查文件内容是否为工作要点类文件' }]
  return lists.flatMap((l) => [...numberingWarnings(l), ...leadWarnings(l)])
}
