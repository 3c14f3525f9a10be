import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type MatterDetail = Output<'matters.detail'>
export type ExtensionView = Output<'extensions.list'>[number]
export type UnsignedRow = Output<'matters.unsigned'>[number]
export type MatterPreview = Output<'matters.preview'>
export type MatterCreateInput = Input<'matters.create'>

/** 督查事项: registration, 签收/退回 and 延期, keyed by task. */
export const useMattersStore = defineStore('matters', () => {
  const byTask = ref<Record<number, MatterDetail>>({})
  const pending = ref<ExtensionView[]>([])
  const unsigned = ref<UnsignedRow[]>([])
  const busy = ref(false)

  const put = (d: MatterDetail) => {
    byTask.value = { ...byTask.value, [d.taskId]: d }
    return d
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } finally {
      busy.value = false
    }
  }

  const load = async (taskId: number) => put(await invoke('matters.detail', { taskId }))
  const preview = (input: Input<'matters.preview'>) => invoke('matters.preview', input)
  const create = (input: MatterCreateInput) => run(() => invoke('matters.create', input))
  const acknowledge = (taskId: number) =>
    run(async () => {
      await invoke('tasks.acknowledge', { taskId })
      return load(taskId)
    })
  const returnAssignment = (taskId: number, reason: string) =>
    run(async () => {
      await invoke('tasks.returnAssignment', { taskId, reason })
      return load(taskId)
    })
  const requestExtension = (taskId: number, proposedDue: string, reason: string) =>
    run(async () => {
      await invoke('extensions.request', { taskId, proposedDue, reason })
      return load(taskId)
    })
  const decide = (ext: ExtensionView, decision: 'approve' | 'refuse', reason: string) =>
    run(async () => {
      await invoke('extensions.decide', { extensionId: ext.id, decision, reason: reason || undefined })
      pending.value = pending.value.filter((e) => e.id !== ext.id)
      if (byTask.value[ext.taskId]) await load(ext.taskId)
    })
  async function loadPending(): Promise<void> {
    pending.value = await invoke('extensions.list', { status: 'pending' })
  }
  async function loadUnsigned(overdueOnly = false): Promise<void> {
    unsigned.value = await invoke('matters.unsigned', { overdueOnly })
  }

  return {
    byTask,
    pending,
    unsigned,
    busy,
    load,
    preview,
    create,
    acknowledge,
    returnAssignment,
    requestExtension,
    decide,
    loadPending,
    loadUnsigned,
  }
})
