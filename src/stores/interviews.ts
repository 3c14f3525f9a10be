import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type InterviewView = Output<'interviews.list'>[number]
export type InterviewStatus = InterviewView['status']

/** The 约谈 list: what the core lets this person see (the office all, a leader the units in their charge). */
export const useInterviewsStore = defineStore('interviews', () => {
  const list = ref<InterviewView[]>([])
  const loading = ref(false)
  const busy = ref(false)

  const counts = computed(() => {
    const c: Record<InterviewStatus, number> = { pending: 0, held: 0, rectified: 0 }
    for (const i of list.value) c[i.status]++
    return c
  })

  async function load(): Promise<void> {
    loading.value = true
    try {
      list.value = await invoke('interviews.list', {})
    } finally {
      loading.value = false
    }
  }

  const put = (v: InterviewView) => {
    const at = list.value.findIndex((i) => i.id === v.id)
    list.value = at < 0 ? [v, ...list.value] : list.value.map((i) => (i.id === v.id ? v : i))
    return v
  }
  async function run(fn: () => Promise<InterviewView>): Promise<InterviewView> {
    busy.value = true
    try {
      return put(await fn())
    } finally {
      busy.value = false
    }
  }
  const create = (input: Input<'interviews.create'>) => run(() => invoke('interviews.create', input))
  const record = (input: Input<'interviews.record'>) => run(() => invoke('interviews.record', input))
  const rectify = (input: Input<'interviews.rectify'>) => run(() => invoke('interviews.rectify', input))

  return { list, loading, busy, counts, load, create, record, rectify }
})
