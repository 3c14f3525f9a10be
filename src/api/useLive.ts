import { onBeforeUnmount, onMounted } from 'vue'
import type { DubanEvent, EventName } from '../../electron/contract/events'
import { onLive } from './events'

/**
 * A page listens to live updates while it is shown. Bursts (a batch edit announces every task) are
 * gathered for a moment and handled once; null means "reconnected, refetch everything you show".
 */
export function useLive(names: readonly EventName[], handler: (event: DubanEvent | null) => unknown, settleMs = 150): void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: DubanEvent | null | undefined
  const flush = () => {
    timer = null
    const e = pending
    pending = undefined
    void Promise.resolve(handler(e ?? null)).catch(() => undefined)
  }
  let stop: (() => void) | null = null
  onMounted(() => {
    stop = onLive(names, (e) => {
      // two different events in one burst: treat as "refetch everything" (null)
      pending = pending === undefined ? e : pending && e && JSON.stringify(pending) === JSON.stringify(e) ? e : null
      timer ??= setTimeout(flush, settleMs)
    })
  })
  onBeforeUnmount(() => {
    stop?.()
    if (timer) clearTimeout(timer)
  })
}
