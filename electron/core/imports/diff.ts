import type { PlanDraft, TaskDraft } from '../importers/types'
import type { DiffItem, PlanDiff } from './types'

/** An existing task as the diff needs it. */
export interface ExistingTask {
  id: number
  list: string
  number: number
  text: string
  leads: string[]
  coops: string[]
  deadline: string | null
  hasReports: boolean
}

const key = (list: string, number: number) => `${list}\u0000${number}`
const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((n, i) => n === b[i])

/** What changed in a task, in the office's words; names are compared after alias resolution. */
export function taskChanges(old: ExistingTask, next: TaskDraft, canonical: (name: string) => string): string[] {
  const changes: string[] = []
  if (old.text !== next.text) changes.push('任务内容')
  if (!sameNames(old.leads, next.leads.map(canonical))) changes.push('牵头单位')
  if (!sameNames(old.coops, next.coops.map(canonical))) changes.push('配合单位')
  if (next.deadline !== null && old.deadline !== next.deadline) changes.push('完成时限')
  return changes
}

/** Compares a revised document with the plan in the database, task by task (matched by list and number). */
export function diffPlan(existing: ExistingTask[], draft: PlanDraft, canonical: (name: string) => string = (n) => n): PlanDiff {
  const before = new Map(existing.map((t) => [key(t.list, t.number), t]))
  const seen = new Set<string>()
  const items: DiffItem[] = []
  for (const list of draft.lists) {
    for (const section of list.sections) {
      for (const task of section.tasks) {
        const k = key(list.name, task.number)
        const old = before.get(k)
        seen.add(k)
        if (!old) {
          items.push({ kind: 'added', list: list.name, number: task.number, text: task.text, changes: [], taskId: null, hasReports: false })
          continue
        }
        const changes = taskChanges(old, task, canonical)
        items.push({
          kind: changes.length ? 'changed' : 'unchanged',
          list: list.name,
          number: task.number,
          text: task.text,
          changes,
          taskId: old.id,
          hasReports: old.hasReports,
        })
      }
    }
  }
  for (const old of existing) {
    if (seen.has(key(old.list, old.number))) continue
    items.push({
      kind: 'removed',
      list: old.list,
      number: old.number,
      text: old.text,
      changes: [],
      taskId: old.id,
      hasReports: old.hasReports,
    })
  }
  const count = (kind: DiffItem['kind']) => items.filter((i) => i.kind === kind).length
  return { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged'), items }
}
