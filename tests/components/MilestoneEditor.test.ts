import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { plugins } from './setup'
import MilestoneEditor from '@/views/tasks/MilestoneEditor.vue'
import { ApiError, invoke } from '@/api/client'
import { mockApi } from './mockApi'
import { taskDetail } from './rows.fixture'

vi.mock('@/api/client', async (original) => ({
  ...(await original<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const quarterly = [
  { dueOn: '2021-03-31', plannedPct: 25 },
  { dueOn: '2021-06-30', plannedPct: 50 },
]

describe('MilestoneEditor', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('saves the edited milestones in date order and reads the task again', async () => {
    mockApi({
      'milestones.set': ({ milestones }) =>
        milestones.map((m, i) => ({ id: i + 1, title: '', ...m, expectedEvidence: m.expectedEvidence ?? null })),
      'tasks.get': taskDetail({ id: 5 }),
    })
    const w = mount(MilestoneEditor, { props: { taskId: 5, version: 4, milestones: quarterly }, global: { plugins: plugins() } })
    const pct = w.findAll('.ms-editor__pct input')
    await pct[1].setValue('60')
    await w.findAll('[data-test=milestone-evidence]')[1].setValue(' 会议纪要、现场照片 ')
    await w.find('[data-test=milestone-save]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('milestones.set', {
      taskId: 5,
      version: 4,
      milestones: [
        { dueOn: '2021-03-31', plannedPct: 25, title: '', expectedEvidence: null },
        { dueOn: '2021-06-30', plannedPct: 60, title: '', expectedEvidence: '会议纪要、现场照片' },
      ],
    })
    expect(api).toHaveBeenCalledWith('tasks.get', { taskId: 5 })
    expect(w.emitted('done')).toHaveLength(1)
  })

  it('keeps each milestone’s title and shows its expected evidence for editing', async () => {
    mockApi({
      'milestones.set': ({ milestones }) =>
        milestones.map((m, i) => ({ id: i + 1, ...m, title: m.title ?? '', expectedEvidence: m.expectedEvidence ?? null })),
      'tasks.get': taskDetail({ id: 5 }),
    })
    const w = mount(MilestoneEditor, {
      props: { taskId: 5, version: 4, milestones: [{ dueOn: '2021-08-10', plannedPct: 100, title: '办结', expectedEvidence: '检查报告' }] },
      global: { plugins: plugins() },
    })
    expect((w.find('[data-test=milestone-evidence]').element as HTMLInputElement).value).toBe('检查报告')
    await w.find('[data-test=milestone-save]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('milestones.set', {
      taskId: 5,
      version: 4,
      milestones: [{ dueOn: '2021-08-10', plannedPct: 100, title: '办结', expectedEvidence: '检查报告' }],
    })
    w.unmount()
  })

  it('shows the core’s message when it refuses, and stays open', async () => {
    mockApi({
      'milestones.set': () => {
        throw new ApiError('invalid_input', '输入有误：milestones：请至少设置一个节点')
      },
    })
    const w = mount(MilestoneEditor, { props: { taskId: 5, version: 4, milestones: quarterly }, global: { plugins: plugins() } })
    await w.find('[data-test=milestone-save]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=milestone-error]').text()).toContain('请至少设置一个节点')
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })
})
