import type { PlanDraft } from '../../../electron/core/importers/types'

export { readSeed } from '../parser/helpers'

/** Each list's tasks as number and leads: what every format must reproduce. */
export function tasksAndLeads(draft: PlanDraft) {
  return draft.lists.map((l) => ({
    list: l.name,
    tasks: l.sections.flatMap((s) => s.tasks.map((t) => ({ number: t.number, leads: t.leads }))),
  }))
}

export const taskCount = (draft: PlanDraft) => draft.lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)
