import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MyReportsPage from '@/views/reports/MyReportsPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import { plugins, testRouter } from './setup'
import { reportView, scjgUser } from './report.fixture'
import { rows } from './rows.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))

async function mountMine(path: string) {
  const global = { plugins: plugins(await testRouter(path)) }
  useSessionStore().user = scjgUser
  usePlansStore().currentPlanId = 1
  const wrapper = mount(MyReportsPage, { global })
  await flushPromises()
  return wrapper
}

describe('MyReportsPage', () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset()
    mockApi({
      'tasks.list': [rows[0]],
      'reports.listForTask': [
        reportView({ id: 1, period: '2021-07', status: 'returned', returnReason: '请补充佐证材料' }),
        reportView({ id: 2, period: '2021-06', status: 'approved' }),
        reportView({ id: 3, period: '2021-05', status: 'returned', returnReason: '数据有误' }),
      ],
    })
  })

  it('lists every report of the unit by default', async () => {
    const wrapper = await mountMine('/reports/mine')
    expect(wrapper.findAll('[data-test=mine-row]')).toHaveLength(3)
  })

  it('shows only the returned ones when opened from the home page’s 查看全部', async () => {
    const wrapper = await mountMine('/reports/mine?status=returned')
    expect(wrapper.findAll('[data-test=mine-row]')).toHaveLength(2)
    expect(wrapper.findAll('[data-test=mine-reason]').map((r) => r.text())).toEqual([
      expect.stringContaining('请补充佐证材料'),
      expect.stringContaining('数据有误'),
    ])
  })
})
