import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HomePage from '@/views/home/HomePage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { useSessionStore } from '@/stores/session'
import type { HomeSummary } from '@/stores/home'
import { plugins, testRouter } from './setup'
import { leaderSummary, officeSummary, unitSummary } from './home.fixture'
import { mockApi } from './mockApi'
import { reportView } from './report.fixture'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

async function mountHome(summary: HomeSummary) {
  mockApi({ 'home.summary': summary })
  const router = await testRouter('/tasks')
  const global = { plugins: plugins(router), stubs: { RouterLink: { props: ['to'], template: '<a :href="String(to)"><slot /></a>' } } }
  useSessionStore().user = {
    id: 2,
    username: 'x',
    displayName: '周敏（督查专员）',
    role: 'office',
    roleLabel: '办公室',
    unitId: 1,
    unitName: null,
    phone: null,
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    leaderUnits: [],
  }
  usePlansStore().currentPlanId = 1
  const wrapper = mount(HomePage, { global })
  await flushPromises()
  return { wrapper, router }
}

describe('HomePage', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('shows the office what waits: reviews, units not reported, overdue tasks, notices awaiting reply', async () => {
    const { wrapper } = await mountHome(officeSummary)
    expect(api).toHaveBeenCalledWith('home.summary', { planId: 1 })
    expect(wrapper.find('[data-role=office]').exists()).toBe(true)
    expect(wrapper.find('[data-test=stat-pending]').text()).toContain('4')
    expect(wrapper.find('[data-test=stat-pending]').attributes('href')).toBe('/review')
    // before the reporting day the missing units are 待报送; the due date is written out in Chinese
    expect(wrapper.find('[data-test=stat-not-reported]').text()).toContain('待报送单位')
    expect(wrapper.find('[data-test=stat-not-reported]').text()).toContain('2021年7月25日')
    expect(wrapper.findAll('[data-test=not-reported-unit]').map((u) => u.text())).toEqual([
      expect.stringContaining('市场监管处'),
      expect.stringContaining('普遍服务处'),
    ])
    expect(wrapper.find('[data-test=stat-overdue]').text()).toContain('3')
    expect(wrapper.find('[data-test=overdue-list]').text()).toContain('完善快递末端网点备案管理')
    expect(wrapper.find('[data-test=notices-list]').text()).toContain('督办〔2021〕3号')
    expect(wrapper.find('[data-test=notices-list]').text()).toContain('2021年7月30日')
    expect(wrapper.find('[data-test=home-unread]').text()).toContain('3 条未读消息')
  })

  it('shows a unit its tasks by status, what to report, and the notice to answer', async () => {
    const { wrapper } = await mountHome(unitSummary)
    expect(wrapper.find('[data-role=unit]').exists()).toBe(true)
    expect(wrapper.find('[data-test=status-on_track]').text()).toContain('30')
    expect(wrapper.find('[data-test=status-overdue]').text()).toContain('逾期')
    expect(wrapper.find('[data-test=status-overdue]').attributes('style')).toContain('#d93025')
    expect(wrapper.find('[data-test=to-report]').text()).toContain('待报送（2）')
    expect(wrapper.findAll('[data-test=to-report] [data-test=home-task]')).toHaveLength(2)
    expect(wrapper.find('[data-test=returned]').text()).toContain('暂无')
    expect(wrapper.find('[data-test=unit-notices]').text()).toContain('督办〔2021〕3号')
    expect(wrapper.find('[data-test=stat-pending]').exists()).toBe(false)
  })

  it('shows a unit the whole count of returned reports, the latest few, and a link to all of them', async () => {
    const latest = reportView({ id: 41, status: 'returned', returnReason: '请补充佐证材料', taskText: '完善快递末端网点备案管理' })
    const { wrapper, router } = await mountHome({ ...unitSummary, returned: [latest], returnedCount: 25 })
    expect(wrapper.find('[data-test=returned]').text()).toContain('（25）')
    expect(wrapper.find('[data-test=returned]').text()).toContain('请补充佐证材料')
    await wrapper.find('[data-test=returned-all]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/reports/mine?status=returned')
  })

  it('shows a leader the overview and the tasks in their charge, and opens one', async () => {
    const { wrapper, router } = await mountHome(leaderSummary)
    expect(wrapper.find('[data-role=leader]').exists()).toBe(true)
    expect(wrapper.find('[data-test=leader-overview]').text()).toContain('共 48 项任务')
    const inCharge = wrapper.findAll('[data-test=in-charge] [data-test=home-task]')
    expect(inCharge.map((r) => r.text())).toEqual([
      expect.stringContaining('深入开展党史学习教育'),
      expect.stringContaining('加强党风廉政建设'),
    ])
    await inCharge[1].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/tasks?open=6')
  })
})
