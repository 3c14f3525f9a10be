import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { invoke } from '@/api/client'
import { useImportsStore } from '@/stores/imports'
import { suzhouPreview, units } from './import.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

async function previewed() {
  setActivePinia(createPinia())
  mockApi({ 'imports.previewFile': suzhouPreview(), 'units.list': units })
  await useImportsStore().previewFile('suzhou.txt', 'AAAA')
}

describe('imports store', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('edits a copy of the draft and leaves the preview as the core sent it', async () => {
    await previewed()
    const store = useImportsStore()
    store.updateTask({ list: 1, section: 0, task: 0 }, { text: '改过的内容' })
    expect(store.draft!.lists[1].sections[0].tasks[0].text).toBe('改过的内容')
    expect(store.preview!.draft.lists[1].sections[0].tasks[0].text).not.toBe('改过的内容')
  })

  it('asks about a unit name the office typed in that no unit or alias knows', async () => {
    await previewed()
    const store = useImportsStore()
    store.setMapping('各相关处室', { unitId: 1 })
    expect(store.canCommit).toBe(true)
    store.updateTask({ list: 1, section: 0, task: 0 }, { leads: ['办公室', '法规处'] })
    expect(store.unknownUnits).toEqual(['各相关处室', '法规处'])
    expect(store.canCommit).toBe(false)
    store.updateTask({ list: 1, section: 0, task: 0 }, { leads: ['办公室', '协会'] })
    expect(store.unresolved).toEqual([])
  })

  it('forgets an unknown name once the office edits it out of every task', async () => {
    await previewed()
    const store = useImportsStore()
    const path = store.draft!.lists.flatMap((l, li) =>
      l.sections.flatMap((s, si) =>
        s.tasks.flatMap((t, ti) => (t.leads.includes('各相关处室') ? [{ list: li, section: si, task: ti }] : [])),
      ),
    )
    for (const at of path) store.updateTask(at, { leads: ['办公室'] })
    expect(store.unknownUnits).toEqual([])
    expect(store.canCommit).toBe(true)
  })
})
