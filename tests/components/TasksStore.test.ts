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
})
