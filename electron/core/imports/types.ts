import type { PlanDraft, TaskLinkDraft } from '../importers/types'

/** What the office sees before anything is written. */
export interface ImportPreview {
  draft: PlanDraft
  /** the text the plan was read from: shown beside the tree, tasks point into it by line */
  text: string
  sourceName: string | null
  /** lead/coop names in the draft that match no unit or alias: the office maps or creates them */
  unknownUnits: string[]
  /** names matched through an alias, e.g. 协会 → 市快递协会 */
  aliasMatches: { name: string; unitId: number; unitName: string }[]
  /** a plan already in the database with the same doc number (or title and year): committing revises it */
  existingPlan: { planId: number; title: string; docNumber: string | null } | null
  diff: PlanDiff | null
}

export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged'

export interface DiffItem {
  kind: DiffKind
  list: string
  number: number
  /** the new text (removed: the old one) */
  text: string
  /** for changed items: what changed, in words */
  changes: string[]
  /** the existing task, for removed/changed/unchanged */
  taskId: number | null
  /** removed or changed items whose progress reports exist */
  hasReports: boolean
}

export interface PlanDiff {
  added: number
  removed: number
  changed: number
  unchanged: number
  items: DiffItem[]
}

/** How the office resolved a name the database did not know. */
export type UnitMapping = { unitId: number } | { create: { name: string } }

export interface CommitInput {
  draft: PlanDraft
  text: string
  sourceName: string | null
  unitMapping: Record<string, UnitMapping>
  /** the suggested links the office accepted */
  links: TaskLinkDraft[]
  /** revise this plan instead of creating a new one (from preview.existingPlan) */
  replacePlanId: number | null
}

export interface CommitResult {
  planId: number
  taskCount: number
  added: number
  removed: number
  changed: number
  unchanged: number
}
