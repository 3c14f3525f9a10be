import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input } from '../../electron/contract'
import type { GanttTask } from '@/charts/options/gantt'

const PARALLEL = 8

/**
 * The tasks of a plan with their milestones. tasks.list carries no milestones, so each task's are read
 * with tasks.get, a few at a time; they are kept by task id so a filter change does not read them again.
 */
export const useTimelineStore = defineStore('timeline', () => {
  const tasks = ref<GanttTask[]>([])
  const loading = ref(false)
  const progress = ref({ done: 0, total: 0 })
  /** the core's today (the demo runs on 2021-07-20), read from the overview's as-of date */
  const today = ref<string | null>(null)
  const milestones = new Map<number, GanttTask['milestones']>()
  let latest = 0

  async function load(filter: Input<'tasks.list'>): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const [rows, overview] = await Promise.all([invoke('tasks.list', filter), invoke('dashboards.overview', { planId: filter.planId })])
      today.value = overview.asOf.slice(0, 10)
      const missing = rows.filter((r) => !milestones.has(r.id))
      progress.value = { done: 0, total: missing.length }
      for (let i = 0; i < missing.length; i += PARALLEL) {
        const batch = await Promise.all(missing.slice(i, i + PARALLEL).map((r) => invoke('tasks.get', { taskId: r.id })))
        for (const d of batch) milestones.set(d.id, d.milestones)
        progress.value = { done: Math.min(i + PARALLEL, missing.length), total: missing.length }
      }
      if (ticket !== latest) return
      tasks.value = rows.map((r) => ({
        id: r.id,
        number: r.number,
        text: r.text,
        listId: r.listId,
        listName: r.listName,
        status: r.status,
        statusLabel: r.statusLabel,
        actualPct: r.actualPct,
        dueOn: r.dueOn,
        leads: r.leads,
        milestones: milestones.get(r.id) ?? [],
      }))
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** after a bulk change of milestones the cached ones are stale */
  function forget(): void {
    milestones.clear()
  }

  return { tasks, loading, progress, today, load, forget }
})
