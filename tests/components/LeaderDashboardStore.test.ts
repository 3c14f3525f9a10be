import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { invoke } from '@/api/client'
import { useLeaderDashboardStore, type LeaderDashboard } from '@/stores/leaderDashboard'
import { leader } from '../unit/charts/leader.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))

const figures = leader as unknown as LeaderDashboard

describe('leader dashboard store', () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset()
    setActivePinia(createPinia())
  })

  it('keeps the same figures object when a reload brings nothing new, so the charts are not drawn again', async () => {
    mockApi({ 'dashboards.leader': () => structuredClone(figures) })
    const store = useLeaderDashboardStore()
    await store.load(1)
    const first = store.leader
    await store.load(1)
    expect(store.leader).toBe(first)
    mockApi({ 'dashboards.leader': () => ({ ...structuredClone(figures), asOf: '2021-07-21' }) })
    await store.load(1)
    expect(store.leader).not.toBe(first)
    expect(store.leader?.asOf).toBe('2021-07-21')
  })

  it('never shows another plan’s figures while the next plan loads', async () => {
    mockApi({ 'dashboards.leader': () => structuredClone(figures) })
    const store = useLeaderDashboardStore()
    await store.load(1)
    let seenWhileLoading: unknown = 'not called'
    mockApi({
      'dashboards.leader': () => {
        seenWhileLoading = store.leader
        return structuredClone(figures)
      },
    })
    await store.load(2)
    expect(seenWhileLoading).toBeNull()
    expect(store.leader).not.toBeNull()
  })

  it('shares a read in flight: the router starts it on the way to the page, the page joins it', async () => {
    mockApi({ 'dashboards.leader': () => structuredClone(figures) })
    const store = useLeaderDashboardStore()
    const early = store.prefetch(1)
    const page = store.load(1)
    expect(store.loading).toBe(true)
    await Promise.all([early, page])
    expect(vi.mocked(invoke).mock.calls.filter(([m]) => m === 'dashboards.leader')).toHaveLength(1)
    expect(store.loading).toBe(false)
    expect(store.leader?.asOf).toBe(figures.asOf)
    // once answered, the next visit reads again
    await store.load(1)
    expect(vi.mocked(invoke).mock.calls.filter(([m]) => m === 'dashboards.leader')).toHaveLength(2)
  })
})
