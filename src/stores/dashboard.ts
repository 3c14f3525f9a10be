import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type Overview = Output<'dashboards.overview'>

export const useDashboardStore = defineStore('dashboard', () => {
  const overview = ref<Overview | null>(null)
  const listId = ref<number | undefined>(undefined)
  const loading = ref(false)

  const count = (status: Overview['byStatus'][number]['status']) => overview.value?.byStatus.find((s) => s.status === status)?.count ?? 0
  /** the four figures on the cards: counts straight from the core, grouped for the header */
  const summary = computed(() => ({
    total: overview.value?.total ?? 0,
    done: count('done'),
    onTrack: count('on_track'),
    attention: count('behind') + count('overdue'),
  }))

  async function load(planId: number, list?: number): Promise<void> {
    listId.value = list
    loading.value = true
    try {
      overview.value = await invoke('dashboards.overview', list === undefined ? { planId } : { planId, listId: list })
    } finally {
      loading.value = false
    }
  }

  return { overview, listId, loading, summary, load }
})
