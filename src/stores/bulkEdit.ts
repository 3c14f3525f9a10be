import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type UserView = Output<'users.list'>[number]
export type BulkAssign = Omit<Input<'tasks.bulkAssign'>, 'taskIds' | 'versions'>
export type TaskVersion = Input<'tasks.bulkAssign'>['versions'][number]
export type MilestoneTemplate = Input<'milestones.applyTemplate'>['template']
export type CustomMilestone = NonNullable<Input<'milestones.applyTemplate'>['custom']>[number]

/** Many tasks at once: assignment and milestone template, for the office. */
export const useBulkEditStore = defineStore('bulkEdit', () => {
  const users = ref<UserView[]>([])
  const saving = ref(false)
  const leaders = computed(() => users.value.filter((u) => u.role === 'leader'))

  async function loadUsers(): Promise<void> {
    if (users.value.length === 0) users.value = await invoke('users.list', {})
  }

  /** Sends only what the office chose to change; returns how many tasks were touched. */
  async function apply(
    versions: TaskVersion[],
    assign: BulkAssign | null,
    template: { template: MilestoneTemplate; custom?: CustomMilestone[] } | null,
  ): Promise<number> {
    saving.value = true
    try {
      const taskIds = versions.map((v) => v.taskId)
      let basedOn = versions
      let updated = 0
      if (assign && Object.keys(assign).length > 0) {
        updated = (await invoke('tasks.bulkAssign', { taskIds, versions: basedOn, ...assign })).updated
        // that write moved each task exactly one version on (it was refused otherwise)
        basedOn = basedOn.map((v) => ({ taskId: v.taskId, version: v.version + 1 }))
      }
      if (template)
        updated = Math.max(updated, (await invoke('milestones.applyTemplate', { taskIds, versions: basedOn, ...template })).updated)
      return updated
    } finally {
      saving.value = false
    }
  }

  return { users, leaders, saving, loadUsers, apply }
})
