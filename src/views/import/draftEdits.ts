/**
 * The office's one-click corrections to a parsed draft: 不是任务, 并入上一条, 拆分. Each works on the
 * draft in place and keeps the suggested links pointing at the tasks they meant.
 */
import type { PlanDraft, TaskDraft, TaskLinkDraft } from '../../../electron/contract/types'
import type { TaskPath } from '@/stores/imports'

type Located = { section: number; task: number }

function order(draft: PlanDraft, list: number): Located[] {
  return (draft.lists[list]?.sections ?? []).flatMap((s, section) => s.tasks.map((_, task) => ({ section, task })))
}

const taskAt = (draft: PlanDraft, at: TaskPath): TaskDraft | undefined => draft.lists[at.list]?.sections[at.section]?.tasks[at.task]

const sameRef = (link: TaskLinkDraft['a'], list: string, number: number) => link.list === list && link.number === number
const unique = (xs: string[]) => [...new Set(xs)]

/** The task before this one in its list (across sections), if any. */
export function previousOf(draft: PlanDraft, at: TaskPath): TaskPath | null {
  const all = order(draft, at.list)
  const i = all.findIndex((p) => p.section === at.section && p.task === at.task)
  return i > 0 ? { list: at.list, ...all[i - 1] } : null
}

/** 不是任务: the item goes, and so do the links that named it. */
export function removeTask(draft: PlanDraft, at: TaskPath): void {
  const task = taskAt(draft, at)
  if (!task) return
  const list = draft.lists[at.list].name
  draft.lists[at.list].sections[at.section].tasks.splice(at.task, 1)
  if (draft.links) draft.links = draft.links.filter((l) => !sameRef(l.a, list, task.number) && !sameRef(l.b, list, task.number))
}

/** 并入上一条: the text, units and targets join the previous task; links move with them. */
export function mergeIntoPrevious(draft: PlanDraft, at: TaskPath): boolean {
  const task = taskAt(draft, at)
  const before = previousOf(draft, at)
  const previous = before && taskAt(draft, before)
  if (!task || !before || !previous) return false
  const list = draft.lists[at.list].name
  Object.assign(previous, {
    text: `${previous.text}${task.text}`,
    leads: unique([...previous.leads, ...task.leads]),
    coops: unique([...previous.coops, ...task.coops]).filter((c) => !previous.leads.includes(c) && !task.leads.includes(c)),
    deadline: previous.deadline ?? task.deadline,
    deadlineText: previous.deadlineText ?? task.deadlineText,
    targets: [...previous.targets, ...task.targets],
    doubts: [],
  })
  draft.lists[at.list].sections[at.section].tasks.splice(at.task, 1)
  if (draft.links) {
    for (const l of draft.links) for (const end of [l.a, l.b]) if (sameRef(end, list, task.number)) end.number = previous.number
    draft.links = draft.links.filter(
      (l, i, all) =>
        !(l.a.list === l.b.list && l.a.number === l.b.number) && all.findIndex((m) => JSON.stringify(m) === JSON.stringify(l)) === i,
    )
  }
  return true
}

/** Where to cut: the sentence break (。；) nearest the middle, else the comma nearest it; null when none. */
export function splitPoint(text: string): number | null {
  const middle = text.length / 2
  for (const breaks of [/[。；;]/g, /[，,]/g]) {
    const cuts = [...text.matchAll(breaks)].map((m) => m.index + 1).filter((i) => i >= 4 && text.length - i >= 4)
    if (cuts.length) return cuts.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best))
  }
  return null
}

/**
 * 拆分: the task becomes two at the sentence break nearest its middle. The second part takes the next
 * number; when that number is taken, the tasks after it move up by one (and their links with them).
 */
export function splitTask(draft: PlanDraft, at: TaskPath): boolean {
  const task = taskAt(draft, at)
  const cut = task ? splitPoint(task.text) : null
  if (!task || cut === null) return false
  const list = draft.lists[at.list]
  const next = task.number + 1
  const taken = list.sections.some((s) => s.tasks.some((t) => t.number === next))
  if (taken) {
    for (const s of list.sections) for (const t of s.tasks) if (t.number > task.number) t.number++
    for (const l of draft.links ?? []) for (const end of [l.a, l.b]) if (end.list === list.name && end.number > task.number) end.number++
  }
  const first = task.text.slice(0, cut).trim()
  const second = task.text.slice(cut).trim()
  const inSecond = (text: string) => second.includes(text) && !first.includes(text)
  const copy: TaskDraft = {
    ...task,
    number: next,
    text: second,
    targets: task.targets.filter((g) => inSecond(g.text)),
    doubts: [],
  }
  Object.assign(task, { text: first, targets: task.targets.filter((g) => !inSecond(g.text)), doubts: [] })
  list.sections[at.section].tasks.splice(at.task + 1, 0, copy)
  return true
}
