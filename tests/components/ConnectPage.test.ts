import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ConnectPage from '@/views/connect/ConnectPage.vue'
import LoginPage from '@/views/login/LoginPage.vue'
import { invoke } from '@/api/client'
import { plugins, testRouter } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const FP = 'B5:00:84:9B:33:83:25:98:38:3A:67:6E:45:04:AA:63:23:B0:1D:DC:58:B8:C0:F9:25:59:FF:CD:AA:E5:17:88'
const OLD = 'AA:00:84:9B:33:83:25:98:38:3A:67:6E:45:04:AA:63:23:B0:1D:DC:58:B8:C0:F9:25:59:FF:CD:AA:E5:17:88'
const unset = { mode: 'unset', serverUrl: null, fingerprint: null, mismatch: null }
const probe = {
  serverUrl: 'https://192.168.1.20:5180',
  fingerprint: FP,
  subject: 'duban',
  validTo: 'Jul 20 2121',
  pinned: null,
  changed: false,
}

function answer(answers: Record<string, unknown>) {
  api.mockImplementation(async (method) => {
    if (method in answers) return answers[method] as never
    throw new Error('unexpected ' + method)
  })
}

async function mountConnect() {
  const router = await testRouter('/login')
  const wrapper = mount(ConnectPage, { global: { plugins: plugins(router) }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  api.mockReset()
  ;(window as unknown as { duban: unknown }).duban = { invoke: vi.fn() }
})
afterEach(() => {
  delete (window as unknown as { duban?: unknown }).duban
})

describe('ConnectPage (desktop first start)', () => {
  it('shows the server certificate’s fingerprint to check, and pins exactly that one', async () => {
    answer({ 'desktop.connection': unset, 'desktop.probeServer': probe, 'desktop.connect': { ...unset, mode: 'server' } })
    const wrapper = await mountConnect()
    await wrapper.find('input[data-test=server-address]').setValue('192.168.1.20:5180')
    await wrapper.find('[data-test=probe-server]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('desktop.probeServer', { url: '192.168.1.20:5180' })
    expect(wrapper.find('[data-test=server-fingerprint]').text()).toBe(FP)
    expect(wrapper.find('[data-test=fingerprint-changed]').exists()).toBe(false)
    await wrapper.find('[data-test=confirm-connect]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('desktop.connect', { url: probe.serverUrl, fingerprint: FP, acceptChangedFingerprint: false })
    expect(wrapper.find('[data-test=connecting]').exists()).toBe(true) // the shell reloads the window from the server
    wrapper.unmount()
  })

  it('warns when the server’s fingerprint changed since it was pinned, and offers no plain "connect"', async () => {
    answer({ 'desktop.connection': unset, 'desktop.probeServer': { ...probe, pinned: OLD, changed: true }, 'desktop.connect': unset })
    const wrapper = await mountConnect()
    await wrapper.find('input[data-test=server-address]').setValue('192.168.1.20:5180')
    await wrapper.find('[data-test=probe-server]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=fingerprint-changed]').text()).toContain('可能有人冒充服务器')
    expect(wrapper.text()).toContain(OLD)
    expect(wrapper.find('[data-test=confirm-connect]').exists()).toBe(false)
    await wrapper.find('[data-test=accept-changed]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('desktop.connect', { url: probe.serverUrl, fingerprint: FP, acceptChangedFingerprint: true })
    wrapper.unmount()
  })

  it('chooses single use with one click', async () => {
    answer({ 'desktop.connection': unset, 'desktop.useLocal': { ...unset, mode: 'local' } })
    const wrapper = await mountConnect()
    await wrapper.find('[data-test=use-local]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('desktop.useLocal', {})
    wrapper.unmount()
  })
})

describe('LoginPage in the desktop app', () => {
  it('says which server it signs in to, offers to change it, and shows a refused certificate', async () => {
    answer({
      'desktop.connection': { mode: 'server', serverUrl: 'https://192.168.1.20:5180', fingerprint: FP, mismatch: { seen: OLD, at: '' } },
      'auth.setupStatus': { needsSetup: false },
    })
    const router = await testRouter('/login')
    const wrapper = mount(LoginPage, { global: { plugins: plugins(router) } })
    await flushPromises()
    expect(wrapper.find('[data-test=login-server]').text()).toContain('单位服务器：https://192.168.1.20:5180')
    expect(wrapper.find('[data-test=server-mismatch]').text()).toContain('已拒绝连接')
    expect(wrapper.find('[data-test=change-server]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('shows nothing about servers in a browser', async () => {
    delete (window as unknown as { duban?: unknown }).duban
    answer({ 'auth.setupStatus': { needsSetup: false } })
    const router = await testRouter('/login')
    const wrapper = mount(LoginPage, { global: { plugins: plugins(router) } })
    await flushPromises()
    expect(wrapper.find('[data-test=login-server]').exists()).toBe(false)
    expect(api).not.toHaveBeenCalledWith('desktop.connection', {})
    wrapper.unmount()
  })
})
