import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input } from '../../electron/contract'
import type { GanttTask } from '@/charts/options/gantt'

/** The tasks of a plan with their milestones, as the timeline draws them. */
export const useTimelineStore = defineStore('timeline', () => {
  const tasks = ref<GanttTask[]>([])
  const loading = ref(false)
  /** the core's today (the demo runs on 2021-07-20), read from the overview's as-of date */
  const today = ref<string | null>(null)
  let latest = 0

  async function load(filter: Input<'tasks.list'>): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const [rows, overview] = await Promise.all([invoke('tasks.list', filter), invoke('dashboards.overview', { planId: filter.planId })])
      today.value = overview.asOf.slice(0, 10)
      if (ticket !== latest) return
      tasks.value = rows.map((r) => ({
        id: r.id,
        number: r.number,
        code: r.code,
        text: r.text,
        listId: r.listId,
        listName: r.listName,
        status: r.status,
        statusLabel: r.statusLabel,
        actualPct: r.actualPct,
        dueOn: r.dueOn,
        leads: r.leads,
        milestones: r.milestones,
      }))
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  return { tasks, loading, today, load }
})
