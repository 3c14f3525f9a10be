import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ServerSecurityPage from '@/views/admin/ServerSecurityPage.vue'
import { invoke } from '@/api/client'
import { plugins } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const FINGERPRINT = '3A:'.repeat(31) + '3A'
const lock = {
  kind: 'user',
  subject: 'anquan',
  failures: 5,
  lastFailedAt: '2021-07-20T02:00:00.000Z',
  lockedUntil: '2021-07-20T02:15:00.000Z',
}
const session = (id: string, username: string, current: boolean) => ({
  id,
  userId: 1,
  username,
  displayName: username === 'admin' ? '系统管理员' : '张处长',
  roleLabel: '处室负责人',
  createdAt: '2021-07-20T01:00:00.000Z',
  lastSeenAt: '2021-07-20T01:30:00.000Z',
  address: '192.168.1.31',
  userAgent: 'Chrome',
  current,
})

beforeEach(() => {
  api.mockReset()
  api.mockImplementation(async (method) => {
    if (method === 'server.info') {
      return {
        mode: 'server',
        urls: ['https://192.168.1.20:5180'],
        tls: true,
        fingerprint: FINGERPRINT,
        selfSigned: true,
        dataDir: '/var/lib/duban',
        startedAt: '2021-07-20T00:00:00.000Z',
      }
    }
    if (method === 'security.locks') return [lock]
    if (method === 'sessions.list') return [session('aaaaaaaaaaaaaaaa', 'admin', true), session('bbbbbbbbbbbbbbbb', 'scjg', false)]
    if (method === 'security.unlock') return { ok: true }
    throw new Error('unexpected ' + String(method))
  })
})

describe('ServerSecurityPage', () => {
  it('shows the address, the certificate fingerprint, the locks and the live sessions', async () => {
    const wrapper = mount(ServerSecurityPage, { global: { plugins: plugins() } })
    await flushPromises()
    expect(wrapper.get('[data-test=server-fingerprint]').text()).toBe(FINGERPRINT)
    expect(wrapper.get('[data-test=server-info]').text()).toContain('https://192.168.1.20:5180')
    expect(wrapper.get('[data-test=locks-table]').text()).toContain('anquan')
    const sessions = wrapper.get('[data-test=sessions-table]').text()
    expect(sessions).toContain('张处长（scjg）')
    expect(sessions).toContain('192.168.1.31')
    // one's own session cannot be ended from here; the other one can
    expect(wrapper.findAll('[data-test=session-revoke]')).toHaveLength(1)
  })

  it('unlocks a locked account through the core and drops it from the table', async () => {
    const wrapper = mount(ServerSecurityPage, { global: { plugins: plugins() } })
    await flushPromises()
    const unlock = wrapper
      .get('[data-test=locks-table]')
      .findAll('button')
      .find((b) => b.text() === '解锁')!
    await unlock.trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('security.unlock', { kind: 'user', subject: 'anquan' })
    expect(wrapper.get('[data-test=locks-table]').text()).not.toContain('anquan')
  })
})
