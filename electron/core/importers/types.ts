/** What the parser makes of a document before anything is written. Shape is stable: the CLI prints it. */
export type Comparator = '=' | '>=' | '>' | '<=' | '<'

export interface TargetDraft {
  value: number
  unit: string
  /** '=' for 达到/完成, '>=' for 以上/不低于/超, '>' for 超过 … */
  comparator: Comparator
  /** what is measured, e.g. 电商快件不再二次包装率 */
  about: string
  /** the words in the source, e.g. 95%以上 */
  text: string
}

export interface TaskDraft {
  number: number
  text: string
  /** ordered; the first is the primary lead */
  leads: string[]
  coops: string[]
  /** ISO date within the plan year, or null when none/ongoing */
  deadline: string | null
  deadlineText: string | null
  targets: TargetDraft[]
  /** 1-based line in the source text where the item starts */
  line: number
  /** why the parser read the item so, in words for the office */
  basis?: TaskBasis
  /** what makes the reading doubtful; empty or absent when the office need not look twice */
  doubts?: string[]
}

/** The rules behind one task: how it was found, where its leads came from, and each target's rule. */
export interface TaskBasis {
  task: string
  leads: string
  /** one reason per target, in the order of targets */
  targets: string[]
}

export interface SectionDraft {
  /** 一、二、… or null for an unsectioned list */
  number: string | null
  title: string | null
  tasks: TaskDraft[]
}

export type ListKind = 'work_points' | 'key_works' | 'livelihood' | 'other'

export interface ListDraft {
  name: string
  kind: ListKind
  sections: SectionDraft[]
}

export interface PlanMeta {
  title: string
  issuer: string | null
  docNumber: string | null
  /** YYYY-MM-DD */
  issuedOn: string | null
  year: number | null
}

export interface IndicatorDraft {
  name: string
  unit: string
  target: number
  comparator: Comparator
  growthPct: number | null
  baseline: number | null
  baselineYear: number | null
  targetYear: number | null
  text: string
}

export interface ParseWarning {
  code: string
  message: string
  at?: { list: string; number?: number }
}

/** One task of a plan, named by its list and number. */
export interface TaskRef {
  list: string
  number: number
}

/** Two tasks in different lists that say the same thing; one progress report can count for both. */
export interface TaskLinkDraft {
  a: TaskRef
  b: TaskRef
  /** 0…1: share of the shorter task's character pairs found in the longer one */
  similarity: number
}

export interface PlanDraft {
  plan: PlanMeta
  lists: ListDraft[]
  indicators: IndicatorDraft[]
  /** suggested links between near-duplicate tasks across lists; absent in drafts made before links existed */
  links?: TaskLinkDraft[]
  warnings: ParseWarning[]
}
