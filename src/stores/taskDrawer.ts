import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'

/** What the task drawer decides beyond the task itself: the office's link decisions on twin tasks. */
export const useTaskDrawerStore = defineStore('taskDrawer', () => {
  const busy = ref(false)

  async function setLink(taskId: number, twinId: number, accept: boolean): Promise<void> {
    busy.value = true
    try {
      await invoke('tasks.setLink', { taskId, twinId, accept })
    } finally {
      busy.value = false
    }
  }

  return { busy, setLink }
})
