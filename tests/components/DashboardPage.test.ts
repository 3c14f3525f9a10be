import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import DashboardPage from '@/views/dashboard/DashboardPage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { useLeaderDashboardStore } from '@/stores/leaderDashboard'
import { plugins, testRouter } from './setup'
import { mockApi } from './mockApi'
import { analysis, leader } from '../unit/charts/leader.fixture'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

// happy-dom has no canvas: the chart wrapper is replaced by a stub that can be "clicked"
const EChartStub = defineComponent({
  name: 'EChart',
  props: { option: { type: Object, required: true }, height: { type: [Number, String], default: 320 } },
  emits: ['chart-click'],
  setup: (props) => () => h('div', { class: 'echart-stub', 'data-series': JSON.stringify((props.option as { series: unknown }).series) }),
})

async function mountDashboard() {
  const router = await testRouter('/plan')
  router.addRoute({ path: '/bigscreen', component: { render: () => h('div') } })
  const global = { plugins: plugins(router), stubs: { EChart: EChartStub } }
  usePlansStore().currentPlanId = 1
  const wrapper = mount(DashboardPage, { global })
  await flushPromises()
  return { wrapper, router }
}

describe('DashboardPage', () => {
  beforeEach(() => {
    api.mockReset()
    mockApi({ 'dashboards.leader': leader, 'dashboards.analysis': analysis })
  })

  it('shows the as-of date and the summary cards from the leader figures', async () => {
    const { wrapper } = await mountDashboard()
    expect(api).toHaveBeenCalledWith('dashboards.leader', { planId: 1 })
    expect(wrapper.find('[data-test=as-of]').text()).toBe('截至2021年7月20日')
    expect(wrapper.find('[data-test=card-total]').text()).toContain('10')
    expect(wrapper.find('[data-test=card-done]').text()).toContain('2')
    expect(wrapper.find('[data-test=card-onTrack]').text()).toContain('5')
    expect(wrapper.find('[data-test=card-attention]').text()).toContain('3')
    // every chart has its save button; the unit table and the livelihood panel are there
    expect(wrapper.findAll('[data-test^=save-]').length).toBe(wrapper.findAllComponents(EChartStub).length)
    expect(wrapper.find('[data-test=unit-table]').text()).toContain('市场监管处')
    expect(wrapper.find('[data-test=livelihood]').text()).toContain('建设智能快件箱')
    // each 民生实事 named by its code, not by a bare number
    expect(wrapper.findAll('[data-test=livelihood-code]').map((c) => c.text())).toEqual(['民生1', '民生2'])
  })

  it('puts the unit bar first and opens the lead unit’s tasks of that status when a segment is clicked', async () => {
    const { wrapper, router } = await mountDashboard()
    const [bar] = wrapper.findAllComponents(EChartStub)
    expect(bar.props('option')).toMatchObject({ yAxis: { data: ['办公室', '市场监管处'] } })
    bar.vm.$emit('chart-click', { data: { value: 1, drill: { unitId: 3, unitRole: 'lead', status: 'overdue' } } })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/tasks')
    expect(router.currentRoute.value.query).toEqual({ status: 'overdue', unitId: '3', unitRole: 'lead' })
  })

  it('opens a section’s tasks from the section chart', async () => {
    const { wrapper, router } = await mountDashboard()
    const chart = wrapper.find('[data-test=chart-sections]').findComponent(EChartStub)
    chart.vm.$emit('chart-click', { data: { value: 30, drill: { listId: 1, sectionId: 12 } } })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ listId: '1', sectionId: '12' })
  })

  it('re-queries with the as-of date chosen and marks the state as historical', async () => {
    const { wrapper } = await mountDashboard()
    const store = useLeaderDashboardStore()
    store.asOf = '2021-04-30'
    await flushPromises()
    expect(api).toHaveBeenLastCalledWith('dashboards.leader', { planId: 1, asOf: '2021-04-30' })
    expect(wrapper.find('[data-test=as-of-past]').exists()).toBe(true)
  })

  it('loads the analysis tab with its four charts when it is opened', async () => {
    const { wrapper } = await mountDashboard()
    await wrapper.findAll('.el-tabs__item')[1].trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('dashboards.analysis', { planId: 1 })
    expect(wrapper.find('[data-test=analysis]').findAllComponents(EChartStub)).toHaveLength(4)
  })
})
