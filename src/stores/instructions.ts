import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type InstructionView = Output<'instructions.list'>[number]

/** 批示 threads, keyed by task. */
export const useInstructionsStore = defineStore('instructions', () => {
  const byTask = ref<Record<number, InstructionView[]>>({})
  const sending = ref(false)

  const put = (taskId: number, list: InstructionView[]) => {
    byTask.value = { ...byTask.value, [taskId]: list }
    return list
  }

  async function load(taskId: number): Promise<InstructionView[]> {
    return put(taskId, await invoke('instructions.list', { taskId }))
  }

  async function write(taskId: number, body: string): Promise<InstructionView[]> {
    sending.value = true
    try {
      return put(taskId, await invoke('instructions.write', { taskId, body }))
    } finally {
      sending.value = false
    }
  }

  async function reply(taskId: number, instructionId: number, body: string): Promise<InstructionView[]> {
    sending.value = true
    try {
      return put(taskId, await invoke('instructions.reply', { instructionId, body }))
    } finally {
      sending.value = false
    }
  }

  return { byTask, sending, load, write, reply }
})
