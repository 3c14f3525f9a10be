import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useRouter } from 'vue-router'
import { useInboxStore } from '@/stores/inbox'
import { sv } from '@/locales/supervision'
import { useLive } from '@/api/useLive'

/** pushed changes keep the badge current; this slow poll only catches what a broken push missed */
const POLL_MS = 5 * 60_000

/** Asks once; Electron's renderer and Chromium both have the web Notification API. Denied or missing: nothing. */
function notify(count: number): void {
  if (typeof Notification === 'undefined') return
  const show = () => {
    try {
      new Notification(sv.notify.title, { body: sv.notify.body(count), tag: 'duban-inbox' })
    } catch {
      /* some shells refuse notifications from the page: the badge still shows */
    }
  }
  if (Notification.permission === 'granted') show()
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => p === 'granted' && show())
}

/**
 * The unread badge: updated when the server pushes an inbox change (and after each navigation, with a slow
 * poll as a fallback); the tab title carries the count, and a rise in the count shows a desktop notification.
 */
export function useUnreadBadge() {
  const inbox = useInboxStore()
  const router = useRouter()
  let timer: ReturnType<typeof setInterval> | null = null
  let known: number | null = null

  async function refresh(): Promise<void> {
    try {
      await inbox.refreshUnread()
    } catch {
      /* a failed poll keeps the last count; the next one tries again */
    }
  }

  watch(
    () => inbox.unreadTotal,
    (total) => {
      document.title = sv.title(total)
      if (known !== null && total > known) notify(total)
      known = total
    },
  )

  useLive(['inbox.changed'], refresh)
  const stopAfterEach = router.afterEach(() => void refresh())
  onMounted(() => {
    void refresh()
    timer = setInterval(() => void refresh(), POLL_MS)
  })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
    stopAfterEach()
    document.title = sv.title(0)
  })
  return inbox
}
