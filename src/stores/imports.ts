import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import { mergeIntoPrevious, removeTask, splitTask } from '@/views/import/draftEdits'
import type { Output } from '../../electron/contract'
import type {
  CommitResult,
  ImportPreview,
  PlanDraft,
  PlanMeta,
  TaskDraft,
  TaskLinkDraft,
  TaskRef,
  UnitMapping,
} from '../../electron/contract/types'

export type { CommitResult, ImportPreview, UnitMapping }
export type { PlanDraft, TaskDraft, TaskLinkDraft, TaskRef }
export type ImportUnit = Output<'units.list'>[number]

/** Where a task sits in the draft: list, section and task index. */
export interface TaskPath {
  list: number
  section: number
  task: number
}

export const linkKey = (l: TaskLinkDraft) => `${l.a.list}#${l.a.number}~${l.b.list}#${l.b.number}`
export const taskKey = (list: string, number: number) => `${list}#${number}`

function namesIn(draft: PlanDraft | null): string[] {
  const names = new Set<string>()
  for (const l of draft?.lists ?? [])
    for (const s of l.sections) for (const t of s.tasks) for (const n of [...t.leads, ...t.coops]) names.add(n)
  return [...names]
}

export const useImportsStore = defineStore('imports', () => {
  const preview = ref<ImportPreview | null>(null)
  /** the office's working copy of preview.draft: every edit goes here, the preview stays as the core sent it */
  const draft = ref<PlanDraft | null>(null)
  const units = ref<ImportUnit[]>([])
  const unitMapping = ref<Record<string, UnitMapping>>({})
  /** link key → accepted; links are accepted unless the office says otherwise */
  const linkChoice = ref<Record<string, boolean>>({})
  /** the task the office is looking at: its source line is highlighted */
  const focused = ref<TaskRef | null>(null)
  const loading = ref(false)
  const committing = ref(false)
  const result = ref<CommitResult | null>(null)

  const knownNames = computed(() => new Set(units.value.flatMap((u) => [u.name, ...u.aliases])))
  /** the core's unknown names still in the draft, plus names the office typed in that match no unit or alias */
  const unknownUnits = computed(() => {
    const present = namesIn(draft.value)
    const parsed = new Set(namesIn(preview.value?.draft ?? null))
    const fromCore = (preview.value?.unknownUnits ?? []).filter((n) => present.includes(n))
    const typed = present.filter((n) => !parsed.has(n) && !knownNames.value.has(n))
    return [...fromCore, ...typed]
  })
  const unresolved = computed(() => unknownUnits.value.filter((n) => !unitMapping.value[n]))
  const links = computed(() => draft.value?.links ?? [])
  const acceptedLinks = computed(() => links.value.filter((l) => linkChoice.value[linkKey(l)] !== false))
  const taskCount = computed(() => (draft.value?.lists ?? []).reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0))
  function findTask(at: TaskRef): TaskDraft | null {
    const list = draft.value?.lists.find((l) => l.name === at.list)
    for (const s of list?.sections ?? []) for (const t of s.tasks) if (t.number === at.number) return t
    return null
  }
  const allTasks = computed(() => (draft.value?.lists ?? []).flatMap((l) => l.sections.flatMap((s) => s.tasks)))
  /** for the summary: what the office still has to look at */
  const withoutLead = computed(() => allTasks.value.filter((t) => t.leads.length === 0).length)
  const doubtful = computed(() => allTasks.value.filter((t) => (t.doubts ?? []).length > 0).length)
  const focusedLine = computed(() => (focused.value ? (findTask(focused.value)?.line ?? null) : null))
  const canCommit = computed(() => draft.value !== null && taskCount.value > 0 && unresolved.value.length === 0 && !committing.value)

  function open(next: ImportPreview, unitList: ImportUnit[]): void {
    preview.value = next
    draft.value = structuredClone(next.draft)
    units.value = unitList
    unitMapping.value = {}
    linkChoice.value = {}
    focused.value = null
    result.value = null
  }

  async function load(ask: () => Promise<ImportPreview>): Promise<void> {
    loading.value = true
    try {
      const [next, unitList] = await Promise.all([ask(), invoke('units.list', {})])
      open(next, unitList)
    } finally {
      loading.value = false
    }
  }

  const previewFile = (fileName: string, contentBase64: string) => load(() => invoke('imports.previewFile', { fileName, contentBase64 }))
  const previewText = (text: string) => load(() => invoke('imports.previewText', { text }))

  function updateMeta(patch: Partial<PlanMeta>): void {
    if (draft.value) draft.value.plan = { ...draft.value.plan, ...patch }
  }

  function updateTask(at: TaskPath, patch: Partial<TaskDraft>): void {
    const section = draft.value?.lists[at.list]?.sections[at.section]
    const task = section?.tasks[at.task]
    if (section && task) section.tasks[at.task] = { ...task, ...patch }
  }

  /** 不是任务 / 并入上一条 / 拆分; false when the task has nothing to merge into or no place to cut */
  function correct(action: 'remove' | 'merge' | 'split', at: TaskPath): boolean {
    if (!draft.value) return false
    if (action === 'remove') {
      removeTask(draft.value, at)
      return true
    }
    return action === 'merge' ? mergeIntoPrevious(draft.value, at) : splitTask(draft.value, at)
  }

  function setMapping(name: string, mapping: UnitMapping | null): void {
    const next = { ...unitMapping.value }
    if (mapping) next[name] = mapping
    else delete next[name]
    unitMapping.value = next
  }

  function setLinkAccepted(link: TaskLinkDraft, accepted: boolean): void {
    linkChoice.value = { ...linkChoice.value, [linkKey(link)]: accepted }
  }

  function focus(at: TaskRef | null): void {
    focused.value = at
  }

  async function commit(): Promise<CommitResult | null> {
    if (!preview.value || !draft.value || !canCommit.value) return null
    const present = namesIn(draft.value)
    committing.value = true
    try {
      result.value = await invoke('imports.commit', {
        draft: draft.value,
        text: preview.value.text,
        sourceName: preview.value.sourceName,
        unitMapping: Object.fromEntries(Object.entries(unitMapping.value).filter(([name]) => present.includes(name))),
        links: acceptedLinks.value,
        replacePlanId: preview.value.existingPlan?.planId ?? null,
      })
      return result.value
    } finally {
      committing.value = false
    }
  }

  function reset(): void {
    preview.value = null
    draft.value = null
    unitMapping.value = {}
    linkChoice.value = {}
    focused.value = null
    result.value = null
  }

  return {
    preview,
    draft,
    units,
    unitMapping,
    linkChoice,
    focused,
    loading,
    committing,
    result,
    unknownUnits,
    unresolved,
    links,
    acceptedLinks,
    taskCount,
    withoutLead,
    doubtful,
    focusedLine,
    findTask,
    canCommit,
    previewFile,
    previewText,
    updateMeta,
    updateTask,
    correct,
    setMapping,
    setLinkAccepted,
    focus,
    commit,
    reset,
  }
})
