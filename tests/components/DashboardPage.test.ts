import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import DashboardPage from '@/views/dashboard/DashboardPage.vue'
import { invoke } from '@/api/client'
import { usePlansStore } from '@/stores/plans'
import { plugins, testRouter } from './setup'
import { overview } from '../unit/charts/overview.fixture'

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
  const global = { plugins: plugins(router), stubs: { EChart: EChartStub } }
  usePlansStore().currentPlanId = 1
  const wrapper = mount(DashboardPage, { global })
  await flushPromises()
  return { wrapper, router }
}

describe('DashboardPage', () => {
  beforeEach(() => {
    api.mockReset()
    api.mockResolvedValue(overview)
  })

  it('shows the as-of date and the summary cards from the overview', async () => {
    const { wrapper } = await mountDashboard()
    expect(api).toHaveBeenCalledWith('dashboards.overview', { planId: 1 })
    expect(wrapper.find('[data-test=as-of]').text()).toBe('截至2021年7月20日')
    expect(wrapper.find('[data-test=card-total]').text()).toContain('10')
    expect(wrapper.find('[data-test=card-done]').text()).toContain('2')
    expect(wrapper.find('[data-test=card-onTrack]').text()).toContain('5')
    expect(wrapper.find('[data-test=card-attention]').text()).toContain('3')
  })

  it('opens the lead unit’s tasks of that status when a bar is clicked', async () => {
    const { wrapper, router } = await mountDashboard()
    const [bar] = wrapper.findAllComponents(EChartStub)
    bar.vm.$emit('chart-click', { data: { value: 1, unitId: 3, status: 'overdue' } })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/tasks')
    expect(router.currentRoute.value.query).toEqual({ status: 'overdue', unitId: '3', unitRole: 'lead' })
  })

  it('opens the tasks of a status when a pie slice is clicked', async () => {
    const { wrapper, router } = await mountDashboard()
    const pie = wrapper.findAllComponents(EChartStub)[1]
    pie.vm.$emit('chart-click', { data: { name: '进度滞后', value: 2, status: 'behind' } })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'behind' })
  })
})
