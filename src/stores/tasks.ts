import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type TaskRow = Output<'tasks.list'>[number]
export type TaskDetail = Output<'tasks.get'>
export type TaskFilter = Input<'tasks.list'>
export type { TaskStatus } from '../../electron/contract/vocabulary'

export const useTasksStore = defineStore('tasks', () => {
  // Rows are replaced whole, never edited in place: a shallow ref spares a deep proxy over 88 rows and their units.
  const rows = shallowRef<TaskRow[]>([])
  /** the answer shown, as text: an identical answer (a revisit, a live refresh) leaves the table untouched */
  let shown = '[]'
  function show(result: TaskRow[]): void {
    const text = JSON.stringify(result)
    if (text === shown) return
    shown = text
    rows.value = result
  }
  const filter = ref<TaskFilter | null>(null)
  const loading = ref(false)
  const current = ref<TaskDetail | null>(null)
  const detailLoading = ref(false)
  let latest = 0

  /** a read the router started on the way to the page: the page's first load joins it instead of asking again */
  let early: { key: string; done: Promise<void> } | null = null
  function prefetch(next: TaskFilter): Promise<void> {
    const done = read(next)
    early = { key: JSON.stringify(next), done }
    return done
  }
  function load(next: TaskFilter): Promise<void> {
    const joined = early?.key === JSON.stringify(next) ? early.done : null
    early = null
    return joined ?? read(next)
  }

  async function read(next: TaskFilter): Promise<void> {
    filter.value = next
    const ticket = ++latest
    loading.value = true
    try {
      const result = await invoke('tasks.list', next)
      // a slower earlier answer must not overwrite a newer filter's rows
      if (ticket === latest) show(result)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  async function open(taskId: number): Promise<void> {
    detailLoading.value = true
    try {
      current.value = await invoke('tasks.get', { taskId })
    } finally {
      detailLoading.value = false
    }
  }

  /** the office edits one task's milestones; the task is read again so status and plan follow */
  async function setMilestones(
    taskId: number,
    version: number,
    milestones: { dueOn: string; plannedPct: number; title: string }[],
  ): Promise<void> {
    await invoke('milestones.set', { taskId, version, milestones })
    await open(taskId)
  }

  /** Someone changed tasks (a live update): read the list and the open task again, without a spinner. */
  async function refreshQuietly(changedTaskId?: number, version?: number): Promise<void> {
    const shown = current.value
    const jobs: Promise<unknown>[] = []
    if (filter.value) {
      const ticket = ++latest
      const f = filter.value
      jobs.push(invoke('tasks.list', f).then((result) => ticket === latest && show(result)))
    }
    if (shown && (changedTaskId === undefined || (changedTaskId === shown.id && version !== shown.version))) {
      jobs.push(invoke('tasks.get', { taskId: shown.id }).then((d) => current.value?.id === d.id && (current.value = d)))
    }
    await Promise.allSettled(jobs)
  }

  function closeDetail(): void {
    current.value = null
  }

  return { rows, filter, loading, current, detailLoading, load, prefetch, open, setMilestones, refreshQuietly, closeDetail }
})
