import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { invoke, ApiError } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import BureauPage from '@/views/settings/BureauPage.vue'
import UnitsPage from '@/views/settings/UnitsPage.vue'
import PeoplePage from '@/views/settings/PeoplePage.vue'
import RosterDialog from '@/views/settings/RosterDialog.vue'
import PasswordPage from '@/views/account/PasswordPage.vue'
import OnboardingChecklist from '@/views/home/OnboardingChecklist.vue'
import { plugins, testRouter } from './setup'
import { adminUser, bureau, leaderUser, onboarding, rosterDone, rosterFixed, rosterWithError, unit } from './people.fixture'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

beforeEach(() => {
  api.mockReset()
})

describe('BureauPage', () => {
  it('shows the stored settings and saves what the administrator typed', async () => {
    api.mockImplementation(async (method, input) => {
      if (method === 'settings.bureau') return bureau
      if (method === 'settings.calendar') return []
      if (method === 'settings.setBureau') return input as typeof bureau
      if (method === 'settings.branding') return { name: '无锡市邮政管理局', shortName: '无锡邮管局' }
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(BureauPage, { global: { plugins: plugins() } })
    await flushPromises()
    expect((wrapper.find('input[name=noticePrefix]').element as HTMLInputElement).value).toBe('督办')
    expect(wrapper.text()).toContain('尚未导入工作日历')
    await wrapper.find('input[name=name]').setValue('无锡市邮政管理局')
    await wrapper.find('input[name=bulletinPrefix]').setValue('锡邮管督')
    expect(wrapper.text()).toContain('示例：锡邮管督〔2021〕1号')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('settings.setBureau', { ...bureau, name: '无锡市邮政管理局', bulletinPrefix: '锡邮管督' })
  })

  it('shows the core’s Chinese message when saving is refused', async () => {
    api.mockImplementation(async (method) => {
      if (method === 'settings.bureau') return bureau
      if (method === 'settings.calendar') return []
      if (method === 'settings.setBureau') throw new ApiError('invalid_input', '输入有误：name：请填写本局名称')
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(BureauPage, { global: { plugins: plugins() } })
    await flushPromises()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=bureau-error]').text()).toContain('请填写本局名称')
  })
})

describe('UnitsPage', () => {
  it('says what to do when there are no units, and who does it', async () => {
    api.mockImplementation(async (method) => {
      if (method === 'units.list') return []
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(UnitsPage, { global: { plugins: plugins(), stubs: { teleport: true } } })
    await flushPromises()
    expect(wrapper.find('[data-test=units-empty]').text()).toContain('请系统管理员点击“新增单位”')
  })

  it('lists units with their aliases, leaders in charge and state', async () => {
    api.mockImplementation(async (method) => {
      if (method === 'units.list')
        return [
          unit(1, '市场监管处', { aliases: ['市场处'], leaders: [{ id: 4, displayName: '刘伟' }], leadTaskCount: 3 }),
          unit(2, '老处室', { active: false }),
        ]
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(UnitsPage, { global: { plugins: plugins(), stubs: { teleport: true } } })
    await flushPromises()
    const table = wrapper.find('[data-test=units-table]').text()
    expect(table).toContain('市场处')
    expect(table).toContain('刘伟')
    expect(table).toContain('已停用')
  })
})

describe('PeoplePage', () => {
  it('lists people with their units in charge, last sign-in and a pending one-time password', async () => {
    api.mockImplementation(async (method) => {
      if (method === 'units.list') return [unit(2, '市场监管处'), unit(3, '普遍服务处')]
      if (method === 'users.list') return [adminUser, leaderUser]
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(PeoplePage, { global: { plugins: plugins(), stubs: { teleport: true } } })
    await flushPromises()
    const table = wrapper.find('[data-test=people-table]').text()
    expect(table).toContain('市场监管处、普遍服务处')
    expect(table).toContain('从未登录')
    expect(table).toContain('2021年7月19日')
    expect(table).toContain('待改初始密码')
    expect(wrapper.find('[data-test=people-empty]').exists()).toBe(false)
  })

  it('tells the administrator how to add people when only administrators exist', async () => {
    api.mockImplementation(async (method) => {
      if (method === 'units.list') return []
      if (method === 'users.list') return [adminUser]
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(PeoplePage, { global: { plugins: plugins(), stubs: { teleport: true } } })
    await flushPromises()
    expect(wrapper.find('[data-test=people-empty]').text()).toContain('导入名册')
  })
})

describe('RosterDialog', () => {
  it('shows each bad row’s error, refuses to import until fixed and re-checked, then shows the one-time passwords once', async () => {
    api.mockImplementation(async (method, input) => {
      const i = input as { fileBase64?: string; rows?: { unitName: string }[]; confirm: boolean }
      if (method === 'users.importRoster' && i.fileBase64) return rosterWithError
      if (method === 'users.importRoster' && !i.confirm) return i.rows?.[1].unitName === '普遍服务处' ? rosterFixed : rosterWithError
      if (method === 'users.importRoster') return rosterDone
      if (method === 'units.list') return []
      if (method === 'users.list') return []
      throw new Error('unexpected ' + method)
    })
    const wrapper = mount(RosterDialog, {
      props: { modelValue: false },
      global: { plugins: plugins(), stubs: { teleport: true } },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    const input = wrapper.find('[data-test=roster-file]')
    Object.defineProperty(input.element, 'files', { value: [new File([new Uint8Array([1, 2, 3])], '名册.xlsx')] })
    await input.trigger('change')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('users.importRoster', { fileBase64: 'AQID', confirm: false })
    expect(wrapper.findAll('[data-test=roster-row-error]').map((e) => e.text())).toEqual(['处室“综合业务处”不存在，请先在“单位管理”中添加'])
    expect(wrapper.find('[data-test=roster-summary]').text()).toContain('1行有误')
    expect(wrapper.find('[data-test=roster-confirm]').attributes('disabled')).toBeDefined()

    await wrapper.findAll('input[data-test=roster-unit]')[1].setValue('普遍服务处')
    await wrapper.find('[data-test=roster-recheck]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenLastCalledWith('users.importRoster', {
      rows: expect.arrayContaining([expect.objectContaining({ line: 3, unitName: '普遍服务处' })]),
      confirm: false,
    })
    expect(wrapper.find('[data-test=roster-confirm]').attributes('disabled')).toBeUndefined()
    await wrapper.find('[data-test=roster-confirm]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=roster-done]').text()).toContain('新增2人')
    expect(wrapper.findAll('[data-test=otp]').map((o) => o.text())).toEqual(['abc23def45', 'xyz67uvw89'])
    wrapper.unmount()
  })
})

describe('PasswordPage', () => {
  async function mountPassword(mustChange: boolean) {
    const router = await testRouter('/home')
    await router.push('/tasks')
    useSessionStore().user = { ...leaderUser, mustChangePassword: mustChange }
    const wrapper = mount(PasswordPage, { global: { plugins: plugins(router) } })
    useSessionStore().user = { ...leaderUser, mustChangePassword: mustChange }
    await flushPromises()
    return { wrapper, router }
  }

  it('says why the page opened, checks the rule and the repeat before calling the core', async () => {
    api.mockResolvedValue({ name: '无锡市邮政管理局', shortName: '无锡邮管局' })
    const { wrapper } = await mountPassword(true)
    expect(wrapper.find('[data-test=password-forced]').text()).toContain('一次性初始密码')
    await wrapper.find('input[name=oldPassword]').setValue('abc23def45')
    await wrapper.find('input[name=newPassword]').setValue('onlyletters')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-test=password-error]').text()).toBe('密码至少8位，须同时包含字母和数字，且不能与用户名相同')
    await wrapper.find('input[name=newPassword]').setValue('Wuxi2021new')
    await wrapper.find('input[name=newPassword2]').setValue('Wuxi2021neW')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-test=password-error]').text()).toBe('两次输入的新密码不一致')
    expect(api).not.toHaveBeenCalledWith('auth.changePassword', expect.anything())
  })

  it('shows the core’s refusal of a wrong old password, and opens the home page once changed', async () => {
    let attempts = 0
    api.mockImplementation(async (method) => {
      if (method === 'settings.branding') return { name: '无锡市邮政管理局', shortName: '无锡邮管局' }
      if (method === 'auth.changePassword') {
        if (attempts++ === 0) throw new ApiError('wrong_password', '原密码不正确')
        return { ...leaderUser, mustChangePassword: false }
      }
      throw new Error('unexpected ' + method)
    })
    const { wrapper, router } = await mountPassword(true)
    await wrapper.find('input[name=oldPassword]').setValue('wrong-1')
    await wrapper.find('input[name=newPassword]').setValue('Wuxi2021new')
    await wrapper.find('input[name=newPassword2]').setValue('Wuxi2021new')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=password-error]').text()).toBe('原密码不正确')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('auth.changePassword', { oldPassword: 'wrong-1', newPassword: 'Wuxi2021new' })
    expect(useSessionStore().mustChangePassword).toBe(false)
    expect(router.currentRoute.value.path).toBe('/home')
  })
})

describe('OnboardingChecklist', () => {
  it('shows each step done or not, who does it, and opens its page', async () => {
    const router = await testRouter('/home')
    const push = vi.spyOn(router, 'push')
    const wrapper = mount(OnboardingChecklist, { props: { onboarding }, global: { plugins: plugins(router) } })
    expect(wrapper.find('[data-test=onboarding-bureau]').attributes('data-done')).toBe('true')
    expect(wrapper.find('[data-test=onboarding-units]').attributes('data-done')).toBe('false')
    expect(wrapper.find('[data-test=onboarding-plan]').text()).toContain('由办公室完成')
    await wrapper.find('[data-test=onboarding-units] button').trigger('click')
    expect(push).toHaveBeenCalledWith('/settings/units')
  })
})
