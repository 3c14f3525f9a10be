import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { isReactive } from 'vue'
import { invoke } from '@/api/client'
import { useTasksStore } from '@/stores/tasks'
import { rows } from './rows.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))

describe('tasks store', () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset()
    setActivePinia(createPinia())
  })

  it('keeps the rows shown when the list is read again unchanged (a revisit, a live refresh), so the table is not drawn twice', async () => {
    mockApi({ 'tasks.list': () => structuredClone(rows) })
    const store = useTasksStore()
    await store.load({ planId: 1 })
    const first = store.rows
    expect(first).toHaveLength(rows.length)
    await store.load({ planId: 1 })
    await store.refreshQuietly()
    expect(store.rows).toBe(first)

    mockApi({ 'tasks.list': () => structuredClone(rows).map((r, i) => (i === 0 ? { ...r, actualPct: 99 } : r)) })
    await store.refreshQuietly()
    expect(store.rows).not.toBe(first)
    expect(store.rows[0].actualPct).toBe(99)
  })

  it('holds the rows as given, without a deep reactive proxy over every row', async () => {
    mockApi({ 'tasks.list': () => structuredClone(rows) })
    const store = useTasksStore()
    await store.load({ planId: 1 })
    expect(isReactive(store.rows[0])).toBe(false)
  })

  it('shares a read in flight: the router starts it on the way to the page, the page joins it', async () => {
    mockApi({ 'tasks.list': () => structuredClone(rows) })
    const store = useTasksStore()
    const calls = () => vi.mocked(invoke).mock.calls.filter(([m]) => m === 'tasks.list').length
    const early = store.prefetch({ planId: 1, listId: 2 })
    await Promise.all([early, store.load({ planId: 1, listId: 2 })])
    expect(calls()).toBe(1)
    expect(store.loading).toBe(false)
    // joined once: a later load (after a bulk edit, say) reads again, as does another filter
    await store.load({ planId: 1, listId: 2 })
    expect(calls()).toBe(2)
    await store.prefetch({ planId: 1 })
    await store.load({ planId: 1 }) // the early read had already answered: still joined, not read again
    expect(calls()).toBe(3)
    await store.prefetch({ planId: 1 })
    await store.load({ planId: 1, listId: 2 }) // the page wanted another filter
    expect(calls()).toBe(5)
  })
})
