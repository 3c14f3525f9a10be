import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import LoginPage from '@/views/login/LoginPage.vue'
import { ApiError, invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { plugins, testRouter } from './setup'
import { mockApi } from './mockApi'
import { person } from './people.fixture'
import type { Output } from '../../electron/contract'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const user: Output<'auth.me'> = person({
  id: 2,
  username: 'office',
  displayName: '周敏',
  role: 'office',
  roleLabel: '办公室',
  unitId: 1,
  unitName: '办公室',
})

async function mountLogin(start = '/login') {
  const router = await testRouter(start)
  const wrapper = mount(LoginPage, { global: { plugins: plugins(router) } })
  await flushPromises()
  return { wrapper, router }
}

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'], username: string, password: string) {
  await wrapper.find('input[name=username]').setValue(username)
  await wrapper.find('input[name=password]').setValue(password)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('LoginPage', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('logs in through the session store and opens the home page', async () => {
    mockApi({
      'auth.setupStatus': { needsSetup: false, codeRequired: false },
      'auth.login': { token: 'T', user, mustChangePassword: false, previousLoginAt: null },
    })
    const { wrapper, router } = await mountLogin()
    await fillAndSubmit(wrapper, ' office ', 'Duban2021')
    expect(api).toHaveBeenCalledWith('auth.login', { username: 'office', password: 'Duban2021' })
    expect(useSessionStore().user?.displayName).toBe('周敏')
    expect(router.currentRoute.value.path).toBe('/home')
  })

  it('shows the core’s Chinese message when the login is refused', async () => {
    mockApi({
      'auth.setupStatus': { needsSetup: false, codeRequired: false },
      'auth.login': () => {
        throw new ApiError('bad_credentials', '用户名或密码不正确')
      },
    })
    const { wrapper, router } = await mountLogin()
    await fillAndSubmit(wrapper, 'office', 'wrong-password')
    expect(wrapper.find('[data-test=login-error]').text()).toContain('用户名或密码不正确')
    expect(router.currentRoute.value.path).toBe('/login')
    expect(useSessionStore().isLoggedIn).toBe(false)
  })

  it('asks for a user name before calling the core', async () => {
    mockApi({ 'auth.setupStatus': { needsSetup: false, codeRequired: false } })
    const { wrapper } = await mountLogin()
    await fillAndSubmit(wrapper, '', '')
    expect(wrapper.find('[data-test=login-error]').text()).toContain('请输入用户名')
    expect(api).not.toHaveBeenCalledWith('auth.login', expect.anything())
  })

  it('shows why the session ended when the router sent us here', async () => {
    mockApi({ 'auth.setupStatus': { needsSetup: false, codeRequired: false } })
    const { wrapper } = await mountLogin('/login?reason=' + encodeURIComponent('长时间未操作，登录已失效，请重新登录'))
    expect(wrapper.find('[data-test=login-error]').text()).toContain('登录已失效')
  })

  it('sends a fresh installation to the first-administrator setup', async () => {
    mockApi({ 'auth.setupStatus': { needsSetup: true, codeRequired: false } })
    const { router } = await mountLogin()
    expect(router.currentRoute.value.path).toBe('/setup')
  })
})
