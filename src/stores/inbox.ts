import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { invoke } from '@/api/client'
import type { Input, Output } from '../../electron/contract'

export type InboxItem = Output<'inbox.list'>['items'][number]
export type InboxKind = NonNullable<Input<'inbox.list'>['kind']>
export type UnreadCounts = Output<'inbox.unreadCounts'>

export const useInboxStore = defineStore('inbox', () => {
  const items = ref<InboxItem[]>([])
  const kind = ref<InboxKind | undefined>(undefined)
  const unreadOnly = ref(false)
  const unread = ref<UnreadCounts>({ total: 0, byKind: {} })
  const loading = ref(false)

  const unreadTotal = computed(() => unread.value.total)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const input: Input<'inbox.list'> = {}
      if (kind.value) input.kind = kind.value
      if (unreadOnly.value) input.unreadOnly = true
      const result = await invoke('inbox.list', input)
      items.value = result.items
      unread.value = result.unread
    } finally {
      loading.value = false
    }
  }

  async function refreshUnread(): Promise<UnreadCounts> {
    unread.value = await invoke('inbox.unreadCounts', {})
    return unread.value
  }

  /** Opening an item reads it: the core records who and when; the list and badge follow. */
  async function markRead(ids: number[]): Promise<void> {
    const fresh = ids.filter((id) => items.value.find((i) => i.id === id)?.read === false)
    if (fresh.length === 0) return
    await invoke('inbox.markRead', { ids: fresh })
    items.value = items.value.map((i) => (fresh.includes(i.id) ? { ...i, read: true } : i))
    await refreshUnread()
  }

  async function markAllRead(): Promise<void> {
    await invoke('inbox.markRead', { all: true })
    items.value = items.value.map((i) => ({ ...i, read: true }))
    await refreshUnread()
  }

  function reset(): void {
    items.value = []
    unread.value = { total: 0, byKind: {} }
  }

  return { items, kind, unreadOnly, unread, loading, unreadTotal, load, refreshUnread, markRead, markAllRead, reset }
})
