import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import { displayTimeZone } from '@/utils/zone'

/**
 * The app's clock: the core's (the demo runs on 2021年7月20日), never the computer's. The renderer learns
 * how far the core's clock is from its own once, and ticks from there.
 */
export const useClockStore = defineStore('clock', () => {
  const offsetMs = ref(0)
  const today = ref<string | null>(null)
  const loaded = ref(false)

  async function load(): Promise<void> {
    if (loaded.value) return
    try {
      const c = await invoke('app.clock', {})
      if (!c?.now) return
      offsetMs.value = new Date(c.now).getTime() - Date.now()
      today.value = c.today
      loaded.value = true
    } catch {
      // unreachable core: the pickers open on the computer's month until the next try
    }
  }

  /** the core's now, as a Date */
  const now = (): Date => new Date(Date.now() + offsetMs.value)
  /** the core's today as a Date (noon, so no zone moves it to another day): a date picker's default */
  const todayDate = computed(() => (today.value ? new Date(`${today.value}T12:00:00`) : now()))

  return { offsetMs, today, loaded, load, now, todayDate }
})

const timeFormatters = new Map<string, Intl.DateTimeFormat>()

/** 09:05:07 and 星期二 on the bureau's wall clock. */
export function wallTime(d: Date): { time: string; weekday: string } {
  const zone = displayTimeZone()
  let f = timeFormatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
    timeFormatters.set(zone, f)
  }
  const parts = f.formatToParts(d)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  return { time: `${get('hour')}:${get('minute')}:${get('second')}`, weekday: '星期' + '日一二三四五六'[days.indexOf(get('weekday'))] }
}
