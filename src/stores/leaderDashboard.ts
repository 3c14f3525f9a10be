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

  async function load(planId: number | null): Promise<void> {
    loading.value = true
    try {
      leader.value = await invoke('dashboards.leader', input(planId))
    } finally {
      loading.value = false
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
    leader.value = null
    analysis.value = null
    asOf.value = null
  }

  return { leader, analysis, asOf, loading, analysisLoading, load, loadAnalysis, reset }
})
