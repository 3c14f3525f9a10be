import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { LockView, ServerInfo, SessionView } from '../../electron/contract/security'

/** The admin's view of the server: its address and certificate, locked logins, live sessions. */
export const useSecurityStore = defineStore('security', () => {
  const info = ref<ServerInfo | null>(null)
  const locks = ref<LockView[]>([])
  const sessions = ref<SessionView[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [i, l, s] = await Promise.all([invoke('server.info', {}), invoke('security.locks', {}), invoke('sessions.list', {})])
      info.value = i
      locks.value = l
      sessions.value = s
    } finally {
      loading.value = false
    }
  }

  async function unlock(lock: Pick<LockView, 'kind' | 'subject'>): Promise<void> {
    await invoke('security.unlock', { kind: lock.kind, subject: lock.subject })
    locks.value = locks.value.filter((l) => !(l.kind === lock.kind && l.subject === lock.subject))
  }

  async function revoke(sessionId: string): Promise<void> {
    await invoke('sessions.revoke', { sessionId })
    sessions.value = sessions.value.filter((s) => s.id !== sessionId)
  }

  return { info, locks, sessions, loading, load, unlock, revoke }
})
