import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'
import { zhPeople } from '@/locales/people'

export type BureauSettings = Output<'settings.bureau'>
export type Onboarding = Output<'settings.onboarding'>
export type CalendarDay = Output<'settings.calendar'>[number]

/** 本局信息: the name every screen shows, the settings the administrator edits, and the first-steps checklist. */
export const useBureauStore = defineStore('bureau', () => {
  const name = ref(zhPeople.unnamedBureau)
  const shortName = ref(zhPeople.unnamedBureau)
  const settings = ref<BureauSettings | null>(null)
  const calendar = ref<CalendarDay[]>([])
  const onboarding = ref<Onboarding | null>(null)

  /** Public: the login page shows it too. A failure keeps the neutral name. */
  async function loadBranding(): Promise<void> {
    try {
      const b = await invoke('settings.branding', {})
      if (b?.name) {
        name.value = b.name
        shortName.value = b.shortName || b.name
      }
    } catch {
      // the header keeps the neutral name; nothing else depends on it
    }
  }

  async function load(): Promise<void> {
    settings.value = await invoke('settings.bureau', {})
    calendar.value = await invoke('settings.calendar', {})
  }

  async function save(input: Input<'settings.setBureau'>): Promise<void> {
    settings.value = await invoke('settings.setBureau', input)
    await loadBranding()
  }

  async function importCalendar(text: string) {
    const result = await invoke('settings.importCalendar', { text })
    calendar.value = await invoke('settings.calendar', {})
    return result
  }

  async function loadOnboarding(): Promise<void> {
    onboarding.value = await invoke('settings.onboarding', {})
  }

  return { name, shortName, settings, calendar, onboarding, loadBranding, load, save, importCalendar, loadOnboarding }
})
