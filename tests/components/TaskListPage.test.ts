import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import TaskListPage from '@/views/tasks/TaskListPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import { plugins, testRouter } from './setup'
import { rows } from './rows.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

async function mountPage(path: string, role: 'office' | 'unit_head') {
  const router = await testRouter(path)
  const global = { plugins: plugins(router) }
  useSessionStore().user =
    role === 'office'
      ? {
          id: 2,
          username: 'office',
          displayName: '周敏',
          role,
          roleLabel: '办公室',
          unitId: 1,
          unitName: '办公室',
          phone: null,
          active: true,
          mustChangePassword: false,
          lastLoginAt: null,
          leaderUnits: [],
        }
      : {
          id: 5,
          username: 'scjg',
          displayName: '张强',
          role,
          roleLabel: '处室负责人',
          unitId: 3,
          unitName: '市场监管处',
          phone: null,
          active: true,
          mustChangePassword: false,
          lastLoginAt: null,
          leaderUnits: [],
        }
  const plans = usePlansStore()
  plans.currentPlanId = 1
  const wrapper = mount(TaskListPage, { global })
  await flushPromises()
  return { wrapper, router }
}

describe('TaskListPage', () => {
  beforeEach(() => {
    api.mockReset()
    mockApi({ 'tasks.list': rows })
  })

  it('asks the core for the tasks the address describes (a dashboard drill-down)', async () => {
    await mountPage('/tasks?unitId=3&unitRole=lead&status=overdue', 'office')
    expect(api).toHaveBeenCalledWith('tasks.list', { planId: 1, unitId: 3, unitRole: 'lead', status: 'overdue' })
  })

  it('ignores filters in the address it cannot understand', async () => {
    await mountPage('/tasks?unitId=abc&status=late&q=%20快递%20', 'office')
    expect(api).toHaveBeenCalledWith('tasks.list', { planId: 1, q: '快递' })
  })

  it('tells unit people they see only their unit’s tasks', async () => {
    const { wrapper } = await mountPage('/tasks', 'unit_head')
    expect(wrapper.find('[data-test=unit-scope]').text()).toContain('仅显示本处室（市场监管处）牵头或配合的任务')
    expect(wrapper.find('h1').text()).toBe('本处室任务')
    expect(wrapper.find('[data-test=filter-unit]').exists()).toBe(false)
  })

  it('shows no scope note to the office, and counts the rows', async () => {
    const { wrapper } = await mountPage('/tasks', 'office')
    expect(wrapper.find('[data-test=unit-scope]').exists()).toBe(false)
    expect(wrapper.find('[data-test=task-count]').text()).toBe('共 3 项任务')
    expect(wrapper.findAll('[data-test=task-row]')).toHaveLength(3)
  })
})
