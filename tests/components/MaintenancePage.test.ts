import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MaintenancePage from '@/views/maintenance/MaintenancePage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { useSessionStore } from '@/stores/session'
import type { Output } from '../../electron/contract'
import { plugins, testRouter } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const daily: Output<'backups.create'> = {
  name: 'duban-20210725-093000-daily',
  kind: 'daily',
  kindLabel: '每日自动',
  createdAt: '2021-07-25T01:30:00.000Z',
  sizeBytes: 3 * 1024 * 1024,
  fileCount: 4,
  schemaVersion: 5,
  appVersion: '0.1.0',
  ok: true,
  deep: false,
  problems: [],
  warnings: [],
}
const broken: Output<'backups.create'> = {
  ...daily,
  name: 'duban-20210724-093000-daily',
  createdAt: '2021-07-24T01:30:00.000Z',
  ok: false,
  problems: ['佐证材料 0a1b2c3d4e5f… 缺失'],
}
const overview: Output<'backups.list'> = {
  folder: '/data/duban/backups',
  defaultFolder: '/data/duban/backups',
  backups: [daily, broken],
  pendingRestore: null,
  lastRestore: null,
}

async function mountPage() {
  const router = await testRouter('/plan')
  const global = { plugins: plugins(router) }
  useSessionStore().user = { role: 'admin', displayName: '管理员', unitName: null } as never
  usePlansStore().currentPlanId = 1
  const wrapper = mount(MaintenancePage, { global, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('MaintenancePage (系统维护)', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    api.mockReset()
    api.mockImplementation(async (method: string) => {
      if (method === 'backups.list') return overview as never
      if (method === 'backups.create') return daily as never
      if (method === 'backups.verify') return { ...daily, deep: true } satisfies Output<'backups.verify'> as never
      if (method === 'backups.restore') return { staged: true, name: daily.name } satisfies Output<'backups.restore'> as never
      if (method === 'backups.setFolder') return { folder: '/mnt/share/duban' } satisfies Output<'backups.setFolder'> as never
      throw new Error(`unexpected ${method}`)
    })
  })

  it('lists the backups with their time as 2021年7月25日 09:30, kind, size and whether they are whole', async () => {
    const wrapper = await mountPage()
    const text = wrapper.get('[data-test="backup-table"]').text()
    expect(text).toContain('2021年7月25日 09:30')
    expect(text).toContain('每日自动')
    expect(text).toContain('3.0 MB')
    const status = wrapper.findAll('[data-test="backup-status"]').map((s) => s.text())
    expect(status).toEqual(['完整', '有问题'])
    // a backup that fails its check cannot be restored
    const restore = wrapper.findAll('[data-test="restore"]')
    expect(restore[0].attributes('disabled')).toBeUndefined()
    expect(restore[1].attributes('disabled')).toBeDefined()
  })

  it('backs up on 立即备份 and reloads the list', async () => {
    const wrapper = await mountPage()
    await wrapper.get('[data-test="backup-now"]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('backups.create', {})
    expect(api.mock.calls.filter(([m]) => m === 'backups.list')).toHaveLength(2)
  })

  it('verifies a backup on 校验 and shows it as checked', async () => {
    const wrapper = await mountPage()
    await wrapper.findAll('[data-test="verify"]')[0].trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('backups.verify', { name: daily.name })
    expect(wrapper.findAll('[data-test="backup-status"]')[0].text()).toBe('已校验')
  })

  it('restores only after the backup’s name is typed into the warning box', async () => {
    const wrapper = await mountPage()
    await wrapper.findAll('[data-test="restore"]')[0].trigger('click')
    await flushPromises()
    const box = document.querySelector('.el-message-box') as HTMLElement
    expect(box.textContent).toContain('不合并')
    expect(box.textContent).toContain('改名保留')
    const input = box.querySelector('input') as HTMLInputElement
    const confirm = () =>
      (Array.from(box.querySelectorAll('button')).find((b) => b.textContent?.trim() === '恢复') as HTMLButtonElement).click()
    input.value = '恢复'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    confirm()
    await flushPromises()
    expect(api.mock.calls.some(([m]) => m === 'backups.restore')).toBe(false)
    input.value = daily.name
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    confirm()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('backups.restore', { name: daily.name, confirmName: daily.name })
  })

  it('saves the backup folder the administrator types, and empty means the default', async () => {
    const wrapper = await mountPage()
    await wrapper.get('input[data-test="folder-input"]').setValue('/mnt/share/duban')
    await wrapper.get('[data-test="save-folder"]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('backups.setFolder', { folder: '/mnt/share/duban' })
    await wrapper.get('input[data-test="folder-input"]').setValue('')
    await wrapper.get('[data-test="save-folder"]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('backups.setFolder', { folder: null })
  })

  it('shows the core’s refusal message', async () => {
    api.mockImplementation(async () => {
      const { ApiError } = await import('@/api/client')
      throw new ApiError('forbidden', '您没有权限执行此操作')
    })
    const wrapper = await mountPage()
    expect(wrapper.get('[data-test="maintenance-error"]').text()).toContain('您没有权限执行此操作')
  })
})
