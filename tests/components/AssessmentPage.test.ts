import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AssessmentPage from '@/views/assessment/AssessmentPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import type { AssessmentView } from '@/stores/assessment'
import { DEFAULT_SCORING_RULES } from '../../electron/core/assessment/rules'
import { lastInput, mockApi } from './mockApi'
import { plugins, testRouter } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
void invoke

const view: AssessmentView = {
  year: 2021,
  asOf: '2021-12-31',
  status: 'open',
  appealUntil: '2022-01-07',
  publishedAt: null,
  rules: DEFAULT_SCORING_RULES,
  appeals: [],
  units: [
    {
      unitId: 3,
      unitName: '市场监管处',
      deductions: 12,
      bonuses: 2,
      supervisionScore: 90,
      rating: null,
      score: 90,
      rank: 4,
      items: [
        {
          key: 'missing:t1:u3:2021-05',
          category: 'missing_report',
          categoryLabel: '未报送',
          points: -10,
          day: '2021-05-25',
          label: '要点14：2021年5月进展未报送（截止2021年5月25日）',
          link: { kind: 'task', id: 1, taskId: 1, taskNumber: 14, taskName: '要点14' },
        },
        {
          key: 'late:r21',
          category: 'late_report',
          categoryLabel: '迟报',
          points: -2,
          day: '2021-06-28',
          label: '要点14：2021年6月进展2021年6月28日报送',
          link: { kind: 'report', id: 21, taskId: 1, taskNumber: 14, taskName: '要点14' },
        },
        {
          key: 'early:t2:u3',
          category: 'early_completion',
          categoryLabel: '提前完成',
          points: 2,
          day: '2021-11-15',
          label: '要点15：提前办结',
          link: { kind: 'task', id: 2, taskId: 2, taskNumber: 15, taskName: '要点15' },
        },
      ],
    },
  ],
}

async function mountAs(role: 'unit_head' | 'office', answers: Parameters<typeof mockApi>[0] = {}) {
  mockApi({
    'assessment.preview': view,
    'app.clock': { now: '2021-07-20T02:00:00.000Z', today: '2021-07-20', timeZone: 'Asia/Shanghai' },
    ...answers,
  })
  const router = await testRouter('/tasks')
  const global = { plugins: plugins(router) }
  useSessionStore().user = {
    id: 5,
    username: 'scjg',
    displayName: '李强',
    role,
    roleLabel: '',
    unitId: 3,
    unitName: '市场监管处',
    phone: null,
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    leaderUnits: [],
  }
  usePlansStore().detail = { year: 2021 } as never // the year of the plan in view
  const wrapper = mount(AssessmentPage, { global, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('督查考核 page', () => {
  it('shows a unit its score with every item, dated and linked, and lets it appeal only deductions', async () => {
    const wrapper = await mountAs('unit_head', { 'assessment.appeal': () => ({}) as never })
    const items = wrapper.find('[data-test=score-items]')
    expect(items.text()).toContain('2021年5月25日')
    expect(items.text()).toContain('任务 #1')
    expect(items.text()).toContain('报送 #21')
    expect(wrapper.findAll('[data-test=appeal-button]')).toHaveLength(2) // not on the bonus
    await wrapper.findAll('[data-test=appeal-button]')[1].trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[placeholder=申诉理由]')!
    reason.value = '系统故障导致迟报'
    reason.dispatchEvent(new Event('input'))
    const submit = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find((b) => b.textContent?.includes('申诉'))
    submit!.click()
    await flushPromises()
    expect(lastInput('assessment.appeal')).toEqual({ year: 2021, itemKey: 'late:r21', reason: '系统故障导致迟报' })
    wrapper.unmount()
  })

  it('opens on the year of the core clock, not the plan in view nor the computer', async () => {
    const wrapper = await mountAs('office', {
      'app.clock': { now: '2023-03-01T02:00:00.000Z', today: '2023-03-01', timeZone: 'Asia/Shanghai' },
    })
    expect(lastInput('assessment.preview')?.year).toBe(2023) // the plan in view is 2021, the computer's year is neither
    wrapper.unmount()
  })

  it('gives the office announce and publish, and no appeal buttons', async () => {
    const wrapper = await mountAs('office')
    expect(wrapper.find('[data-test=publish]').exists()).toBe(true)
    expect(wrapper.find('[data-test=announce]').exists()).toBe(true)
    expect(wrapper.findAll('[data-test=appeal-button]')).toHaveLength(0)
    wrapper.unmount()
  })
})
