import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Output } from '../../electron/contract'

export type BackupOverview = Output<'backups.list'>
export type BackupRow = BackupOverview['backups'][number]

/** 系统维护: the backup list and the calls behind its buttons; the core checks and audits every one. */
export const useMaintenanceStore = defineStore('maintenance', () => {
  const overview = ref<BackupOverview | null>(null)
  const busy = ref<string | null>(null)
  /** results of 校验 by backup name (the list itself only checks sizes) */
  const verified = ref<Record<string, BackupRow>>({})

  async function run<T>(what: string, call: () => Promise<T>): Promise<T> {
    busy.value = what
    try {
      return await call()
    } finally {
      busy.value = null
    }
  }

  async function load(): Promise<void> {
    overview.value = await invoke('backups.list', {})
  }
  async function backupNow(): Promise<BackupRow> {
    const row = await run('create', () => invoke('backups.create', {}))
    await load()
    return row
  }
  async function verify(name: string): Promise<BackupRow> {
    const row = await run(`verify:${name}`, () => invoke('backups.verify', { name }))
    verified.value = { ...verified.value, [name]: row }
    return row
  }
  async function restore(name: string, confirmName: string): Promise<void> {
    await run(`restore:${name}`, () => invoke('backups.restore', { name, confirmName }))
    await load()
  }
  async function cancelRestore(): Promise<void> {
    await run('cancel', () => invoke('backups.cancelRestore', {}))
    await load()
  }
  async function setFolder(folder: string | null): Promise<void> {
    await run('folder', () => invoke('backups.setFolder', { folder }))
    await load()
  }
  function exportArchive(planId: number) {
    return run('archive', () => invoke('archives.export', { planId }))
  }

  return { overview, busy, verified, load, backupNow, verify, restore, cancelRestore, setFolder, exportArchive }
})
