import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ReviewPage from '@/views/reports/ReviewPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import { plugins } from './setup'
import { reportDetail, reportView } from './report.fixture'
import { lastInput, mockApi } from './mockApi'

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

describe('reviewing like an office reviews', () => {
  beforeEach(() => {
    api.mockReset()
    document.body.innerHTML = ''
    const detail = reportDetail({ percent: 40 })
    mockApi({
      'reports.pending': [reportView()],
      'reports.reviewed': [
        reportView({ id: 40, status: 'approved', reviewOpinion: '进展扎实', reviewedBy: '周敏', reviewedAt: '2021-07-21T02:00:00.000Z' }),
      ],
      'reports.get': {
        ...detail,
        previous: reportView({ id: 39, period: '2021-06', percent: 30, progress: '六月完成调研', status: 'approved' }),
      },
      'reports.review': ({ decision }) => reportView({ status: decision === 'approve' ? 'approved' : 'returned' }),
    })
  })

  it('shows the plan for the month against the reported figure, and the previous report beside this one', async () => {
    const wrapper = await mountReview()
    await click('[data-test=review-open]')
    const against = body().querySelector('[data-test=review-against]')!.textContent!
    expect(against).toContain('计划进度（截至2021年7月31日）')
    expect(against).toContain('50%')
    expect(against).toContain('40%')
    const previous = body().querySelector('[data-test=review-previous]')!.textContent!
    expect(previous).toContain('上期（2021年6月）')
    expect(previous).toContain('六月完成调研')
    expect(previous).toContain('本期（2021年7月）')
    wrapper.unmount()
  })

  it('shows the evidence expected at the milestone the report answers to, beside the report', async () => {
    const wrapper = await mountReview()
    await click('[data-test=review-open]')
    const expected = body().querySelector('[data-test=review-expected-evidence]')!.textContent!
    expect(expected).toContain('本期应提供的佐证材料')
    expect(expected).toContain('节点 2021年12月31日（全年）')
    expect(expected).toContain('年度总结、验收报告')
    wrapper.unmount()
  })

  it('sends the 审核意见 with the approval', async () => {
    const wrapper = await mountReview()
    await click('[data-test=review-open]')
    const box = body().querySelector('textarea[data-test=review-opinion]') as HTMLTextAreaElement
    box.value = '请补充下半年计划'
    box.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('[data-test=review-approve]')
    expect(lastInput('reports.review')).toEqual({ reportId: 41, decision: 'approve', opinion: '请补充下半年计划' })
    wrapper.unmount()
  })

  it('lists decisions already taken under 已审核, with the opinion', async () => {
    const wrapper = await mountReview()
    const tabs = [...body().querySelectorAll('.el-tabs__item')] as HTMLElement[]
    tabs.find((t) => t.textContent?.includes('已审核'))!.click()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reports.reviewed', { planId: 1 })
    const table = body().querySelector('[data-test=reviewed-table]')!.textContent!
    expect(table).toContain('进展扎实')
    expect(table).toContain('已通过')
    wrapper.unmount()
  })
})
