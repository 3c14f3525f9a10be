import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type HomeSummary = Output<'home.summary'>
export type HomeTask = NonNullable<HomeSummary['inCharge']>[number]

export const useHomeStore = defineStore('home', () => {
  const summary = ref<HomeSummary | null>(null)
  const loading = ref(false)

  async function load(planId?: number): Promise<void> {
    loading.value = true
    try {
      summary.value = await invoke('home.summary', planId === undefined ? {} : { planId })
    } finally {
      loading.value = false
    }
  }

  return { summary, loading, load }
})
