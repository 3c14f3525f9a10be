import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SupervisionPage from '@/views/supervision/SupervisionPage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { useSessionStore } from '@/stores/session'
import { plugins, testRouter } from './setup'
import { notice, officeSummary } from './home.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

async function mountPage() {
  mockApi({
    'reminders.notReported': officeSummary.notReported!,
    'reminders.list': [
      notice,
      {
        ...notice,
        id: 10,
        number: '督办〔2021〕4号',
        status: 'replied',
        statusLabel: '待办结',
        reply: '已整改',
        repliedAt: '2021-07-21T01:00:00Z',
      },
    ],
    'reminders.urges': [],
    'reminders.draft': ({ unitId }) => ({
      unitId,
      unitName: '普遍服务处',
      period: '2021-07',
      dueOn: '2021-07-26',
      tasks: [{ id: 17, label: '工作要点第17项', text: '推动“快递进村”工程' }],
      text: '普遍服务处：请于2021年7月26日前报送。',
      windowHours: 24,
      recent: null,
    }),
    'reminders.send': ({ unitId }) => ({ id: 1, unitId, unitName: '普遍服务处', period: '2021-07', issue: '请报送' }),
  })
  const router = await testRouter('/tasks')
  const global = { plugins: plugins(router) }
  useSessionStore().user = {
    id: 2,
    username: 'office',
    displayName: '周敏',
    role: 'office',
    roleLabel: '办公室',
    unitId: 1,
    unitName: '办公室',
    phone: null,
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    leaderUnits: [],
  }
  usePlansStore().currentPlanId = 1
  const wrapper = mount(SupervisionPage, { global })
  await flushPromises()
  return wrapper
}

describe('SupervisionPage', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('opens the 催办 dialog for the unit whose button is pressed, and sends it for this period once confirmed', async () => {
    const wrapper = await mountPage()
    expect(api).toHaveBeenCalledWith('reminders.notReported', { planId: 1 })
    await wrapper.find('[data-test=remind-3]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.draft', { unitId: 3, period: '2021-07', planId: 1 })
    expect(api).not.toHaveBeenCalledWith('reminders.send', expect.anything()) // nothing goes out before the office confirms
    ;(document.body.querySelector('[data-test=reminder-send]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.send', {
      unitId: 3,
      period: '2021-07',
      message: '普遍服务处：请于2021年7月26日前报送。',
      taskIds: [17],
      planId: 1,
    })
    expect(api).not.toHaveBeenCalledWith('reminders.send', expect.objectContaining({ unitId: 2 }))
    wrapper.unmount()
  })

  it('lists the 督办单 with their number, deadline and state', async () => {
    const wrapper = await mountPage()
    const table = wrapper.find('[data-test=notice-table]').text()
    expect(table).toContain('督办〔2021〕3号')
    expect(table).toContain('2021年7月30日')
    expect(wrapper.findAll('[data-test=notice-status]').map((s) => s.text())).toEqual(['待签收', '待办结'])
    expect(wrapper.findAll('[data-test=notice-accept]')).toHaveLength(1) // only the replied one waits for the office
  })

  it('reads the reporting day off the period’s due date', async () => {
    const wrapper = await mountPage()
    expect((wrapper.find('[data-test=reporting-day] input').element as HTMLInputElement).value).toBe('25')
  })
})
