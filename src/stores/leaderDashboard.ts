import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type LeaderDashboard = Output<'dashboards.leader'>
export type DashboardAnalysis = Output<'dashboards.analysis'>

/** The leader dashboard and its analysis tab, both for one plan on one as-of day (null: today). */
export const useLeaderDashboardStore = defineStore('leaderDashboard', () => {
  const leader = ref<LeaderDashboard | null>(null)
  const analysis = ref<DashboardAnalysis | null>(null)
  /** YYYY-MM-DD chosen by the person; null means the core's today */
  const asOf = ref<string | null>(null)
  const loading = ref(false)
  const analysisLoading = ref(false)

  const input = (planId: number | null) => ({
    ...(planId === null ? {} : { planId }),
    ...(asOf.value === null ? {} : { asOf: asOf.value }),
  })

  /** which plan and day `leader` shows: another plan's or day's figures are never shown while loading */
  let leaderKey: string | null = null
  /** a read the router started on the way to the page: the page's first load joins it instead of asking again */
  let early: { key: string; done: Promise<void> } | null = null
  let reading: string | null = null
  function prefetch(planId: number | null): Promise<void> {
    const key = JSON.stringify(input(planId))
    const done = read(key, planId)
    early = { key, done }
    return done
  }
  function load(planId: number | null): Promise<void> {
    const key = JSON.stringify(input(planId))
    const joined = early?.key === key ? early.done : null
    early = null
    return joined ?? read(key, planId)
  }
  async function read(key: string, planId: number | null): Promise<void> {
    reading = key
    if (key !== leaderKey) leader.value = null
    loading.value = true
    try {
      const next = await invoke('dashboards.leader', input(planId))
      // Figures that have not moved keep their object, so the charts are not drawn a second time.
      if (!leader.value || JSON.stringify(leader.value) !== JSON.stringify(next)) leader.value = next
      leaderKey = key
    } finally {
      if (reading === key) loading.value = false
    }
  }

  async function loadAnalysis(planId: number | null): Promise<void> {
    analysisLoading.value = true
    try {
      analysis.value = await invoke('dashboards.analysis', input(planId))
    } finally {
      analysisLoading.value = false
    }
  }

  function reset(): void {
    leaderKey = null
    leader.value = null
    analysis.value = null
    asOf.value = null
  }

  return { leader, analysis, asOf, loading, analysisLoading, load, prefetch, loadAnalysis, reset }
})
