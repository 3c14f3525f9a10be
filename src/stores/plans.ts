import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type PlanSummary = Output<'plans.list'>[number]
export type PlanDetail = Output<'plans.get'>
export type UnitView = Output<'units.list'>[number]

export const usePlansStore = defineStore('plans', () => {
  const plans = ref<PlanSummary[]>([])
  const currentPlanId = ref<number | null>(null)
  const detail = ref<PlanDetail | null>(null)
  const units = ref<UnitView[]>([])
  const leaders = ref<Output<'users.leaders'>>([])
  const loading = ref(false)
  const loaded = ref(false)

  const current = computed(() => plans.value.find((p) => p.id === currentPlanId.value) ?? null)
  const lists = computed(() => detail.value?.lists ?? [])

  /** Loads the plans once and opens the newest; cheap to call from every page. */
  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return
    loading.value = true
    try {
      const [list, unitList, leaderList] = await Promise.all([
        invoke('plans.list', {}),
        invoke('units.list', {}),
        invoke('users.leaders', {}),
      ])
      plans.value = list
      units.value = unitList
      leaders.value = leaderList
      loaded.value = true
      if (currentPlanId.value === null && list.length > 0) await select(list[0].id)
    } finally {
      loading.value = false
    }
  }

  async function select(planId: number): Promise<void> {
    currentPlanId.value = planId
    detail.value = await invoke('plans.get', { planId })
  }

  function reset(): void {
    plans.value = []
    units.value = []
    leaders.value = []
    detail.value = null
    currentPlanId.value = null
    loaded.value = false
  }

  /** The office names a list's codes (要点15 → 要点); every task code of the plan follows. null: back to the default. */
  async function setListAbbr(listId: number, abbr: string | null): Promise<void> {
    await invoke('plans.setListAbbr', { listId, abbr })
    if (currentPlanId.value !== null) detail.value = await invoke('plans.get', { planId: currentPlanId.value })
  }

  return { plans, currentPlanId, detail, units, leaders, loading, loaded, current, lists, ensureLoaded, select, reset, setListAbbr }
})
