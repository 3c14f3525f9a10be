import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type AdminUnit = Output<'units.list'>[number]
export type AdminUser = Output<'users.list'>[number]
export type NewPerson = Output<'users.create'>
export type RosterResult = Output<'users.importRoster'>
export type RosterRow = RosterResult['rows'][number]

/** 单位管理 and 人员管理: thin calls; the core checks, audits and decides. */
export const usePeopleStore = defineStore('people', () => {
  const units = ref<AdminUnit[]>([])
  const users = ref<AdminUser[]>([])
  const loading = ref(false)

  async function loadUnits(): Promise<void> {
    units.value = await invoke('units.list', {})
  }

  async function loadAll(): Promise<void> {
    loading.value = true
    try {
      ;[units.value, users.value] = await Promise.all([invoke('units.list', {}), invoke('users.list', {})])
    } finally {
      loading.value = false
    }
  }

  async function createUnit(input: Input<'units.create'>) {
    const unit = await invoke('units.create', input)
    await loadUnits()
    return unit
  }
  async function updateUnit(input: Input<'units.update'>) {
    const unit = await invoke('units.update', input)
    await loadUnits()
    return unit
  }
  async function mergeUnits(input: Input<'units.merge'>) {
    const result = await invoke('units.merge', input)
    await loadAll()
    return result
  }

  async function createUser(input: Input<'users.create'>): Promise<NewPerson> {
    const made = await invoke('users.create', input)
    await loadAll()
    return made
  }
  async function updateUser(input: Input<'users.update'>) {
    const user = await invoke('users.update', input)
    await loadAll()
    return user
  }
  async function resetPassword(userId: number): Promise<NewPerson> {
    const result = await invoke('users.resetPassword', { userId })
    await loadAll()
    return result
  }
  async function setActive(userId: number, active: boolean) {
    const user = await invoke('users.setActive', { userId, active })
    await loadAll()
    return user
  }

  function previewRoster(input: { fileBase64: string } | { rows: RosterRow[] }): Promise<RosterResult> {
    return invoke('users.importRoster', { ...input, confirm: false })
  }
  async function confirmRoster(rows: RosterRow[]): Promise<RosterResult> {
    const result = await invoke('users.importRoster', { rows, confirm: true })
    await loadAll()
    return result
  }
  function exportRoster() {
    return invoke('users.exportRoster', {})
  }

  return {
    units,
    users,
    loading,
    loadUnits,
    loadAll,
    createUnit,
    updateUnit,
    mergeUnits,
    createUser,
    updateUser,
    resetPassword,
    setActive,
    previewRoster,
    confirmRoster,
    exportRoster,
  }
})
