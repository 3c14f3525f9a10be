import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ReviewPage from '@/views/reports/ReviewPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import { plugins } from './setup'
import { reportDetail, reportView } from './report.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

async function mountReview() {
  const global = { plugins: plugins() }
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
  const wrapper = mount(ReviewPage, { global, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const body = () => document.body
const click = async (selector: string) => {
  ;(body().querySelector(selector) as HTMLElement).click()
  await flushPromises()
}

describe('ReviewPage', () => {
  beforeEach(() => {
    api.mockReset()
    mockApi({
      'reports.pending': [reportView()],
      'reports.get': reportDetail(),
      'reports.review': ({ decision }) => reportView({ status: decision === 'approve' ? 'approved' : 'returned' }),
    })
  })

  it('lists what waits for review with the task, unit, period and the day it came in', async () => {
    const wrapper = await mountReview()
    expect(api).toHaveBeenCalledWith('reports.pending', { planId: 1 })
    const text = wrapper.text()
    expect(text).toContain('要点12')
    expect(text).toContain('市场监管处')
    expect(text).toContain('2021年7月')
    expect(text).toContain('2021年7月20日')
    wrapper.unmount()
  })

  it('will not return a report without a reason, and sends the reason when given', async () => {
    const wrapper = await mountReview()
    await click('[data-test=review-open]')
    expect(api).toHaveBeenCalledWith('reports.get', { reportId: 41 })
    expect(body().querySelector('[data-test=detail-progress]')?.textContent).toContain('已完成春季检查')
    await click('[data-test=review-return]')
    await click('[data-test=return-confirm]')
    expect(api).not.toHaveBeenCalledWith('reports.review', expect.anything())
    expect(body().querySelector('.return-dialog .el-form-item.is-error')).not.toBeNull()

    const reason = body().querySelector('[data-test=return-reason-input]') as HTMLTextAreaElement
    reason.value = '请补充现场照片'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('[data-test=return-confirm]')
    expect(api).toHaveBeenCalledWith('reports.review', { reportId: 41, decision: 'return', reason: '请补充现场照片' })
    expect(wrapper.find('[data-test=review-count]').text()).toBe('共 0 条')
    wrapper.unmount()
  })

  it('approves without asking for a reason', async () => {
    const wrapper = await mountReview()
    await click('[data-test=review-open]')
    await click('[data-test=review-approve]')
    expect(api).toHaveBeenCalledWith('reports.review', { reportId: 41, decision: 'approve' })
    wrapper.unmount()
  })
})
