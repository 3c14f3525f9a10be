import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type TaskSupervision = Output<'tasks.supervision'>

/** What the task drawer asks beyond the task: its 督办单 and 催办, the office's link decisions and 催办. */
export const useTaskDrawerStore = defineStore('taskDrawer', () => {
  const supervision = ref<Record<number, TaskSupervision>>({})
  const busy = ref(false)

  async function loadSupervision(taskId: number): Promise<TaskSupervision> {
    const s = await invoke('tasks.supervision', { taskId })
    supervision.value = { ...supervision.value, [taskId]: s }
    return s
  }

  async function setLink(taskId: number, twinId: number, accept: boolean): Promise<void> {
    busy.value = true
    try {
      await invoke('tasks.setLink', { taskId, twinId, accept })
    } finally {
      busy.value = false
    }
  }

  /** 催办 the lead unit about this one task */
  async function remind(taskId: number, unitId: number): Promise<void> {
    busy.value = true
    try {
      await invoke('reminders.send', { unitId, taskIds: [taskId] })
      await loadSupervision(taskId)
    } finally {
      busy.value = false
    }
  }

  return { supervision, busy, loadSupervision, setLink, remind }
})
