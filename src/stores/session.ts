import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke, token } from '@/api/client'
import type { Output } from '../../electron/contract'

export type UserView = Output<'auth.me'>

export const useSessionStore = defineStore('session', () => {
  const user = ref<UserView | null>(null)
  /** when this person signed in before the present session ("上次登录") */
  const previousLoginAt = ref<string | null>(null)
  /** true once we asked the core who is logged in (after a reload the token may still be good) */
  const checked = ref(false)

  const isLoggedIn = computed(() => user.value !== null)
  const role = computed(() => user.value?.role ?? null)
  const isOffice = computed(() => role.value === 'admin' || role.value === 'office')
  const isUnitUser = computed(() => role.value === 'unit_head' || role.value === 'unit_staff')
  const seesDashboard = computed(() => role.value === 'admin' || role.value === 'office' || role.value === 'leader')
  const seesImport = computed(() => role.value === 'admin' || role.value === 'office')
  const isAdmin = computed(() => role.value === 'admin')
  const mustChangePassword = computed(() => user.value?.mustChangePassword === true)

  async function login(username: string, password: string): Promise<UserView> {
    const result = await invoke('auth.login', { username, password })
    user.value = result.user
    previousLoginAt.value = result.previousLoginAt ?? null
    checked.value = true
    return result.user
  }

  async function logout(): Promise<void> {
    try {
      await invoke('auth.logout', {})
    } finally {
      clear()
    }
  }

  /** Asks the core once whether a session survives (page reload); false when not logged in. */
  async function restore(): Promise<boolean> {
    if (checked.value) return isLoggedIn.value
    checked.value = true
    const canAsk = Boolean(window.duban?.invoke) || token.get() !== null
    if (!canAsk) return false
    try {
      user.value = await invoke('auth.me', {})
    } catch {
      user.value = null
    }
    return isLoggedIn.value
  }

  function clear(): void {
    token.clear()
    user.value = null
    previousLoginAt.value = null
  }

  /** Own password: on success a one-time password no longer blocks the other pages. */
  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    user.value = await invoke('auth.changePassword', { oldPassword, newPassword })
  }

  function setupStatus() {
    return invoke('auth.setupStatus', {})
  }

  async function setupAdmin(input: { username: string; displayName: string; password: string; setupCode?: string }) {
    await invoke('auth.setupAdmin', input)
    return login(input.username, input.password)
  }

  return {
    user,
    previousLoginAt,
    checked,
    isAdmin,
    mustChangePassword,
    changePassword,
    isLoggedIn,
    role,
    isOffice,
    isUnitUser,
    seesDashboard,
    seesImport,
    login,
    logout,
    restore,
    clear,
    setupStatus,
    setupAdmin,
  }
})
