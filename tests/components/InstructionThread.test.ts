import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import InstructionThread from '@/views/reports/InstructionThread.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import type { InstructionView } from '@/stores/instructions'
import { plugins } from './setup'
import { scjgUser } from './report.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const instruction: InstructionView = {
  id: 3,
  taskId: 7,
  parentId: null,
  authorId: 3,
  authorName: '陈建国（局长）',
  authorUnit: null,
  body: '请加快推进，八月底前见成效。',
  createdAt: '2021-07-20T01:00:00.000Z',
  replies: [],
}
const leader = {
  id: 3,
  username: 'juzhang',
  displayName: '陈建国（局长）',
  role: 'leader' as const,
  roleLabel: '局领导',
  unitId: null,
  unitName: null,
  phone: null,
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  leaderUnits: [],
}

async function mountThread(user: typeof leader | typeof scjgUser) {
  const global = { plugins: plugins() }
  useSessionStore().user = user
  const wrapper = mount(InstructionThread, { global, props: { taskId: 7 } })
  await flushPromises()
  return wrapper
}

describe('InstructionThread', () => {
  beforeEach(() => {
    api.mockReset()
    mockApi({
      'instructions.list': [instruction],
      'instructions.write': [instruction, { ...instruction, id: 4, body: '新的批示' }],
      'instructions.reply': [{ ...instruction, replies: [{ ...instruction, id: 5, parentId: 3, body: '已部署' }] }],
    })
  })

  it('lets a leader write an instruction on the task', async () => {
    const wrapper = await mountThread(leader)
    expect(wrapper.find('[data-test=instruction-body]').text()).toContain('八月底前见成效')
    await wrapper.find('textarea[data-test=instruction-input]').setValue('新的批示')
    await wrapper.find('[data-test=instruction-send]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('instructions.write', { taskId: 7, body: '新的批示' })
    expect(wrapper.findAll('[data-test=instruction]')).toHaveLength(2)
  })

  it('lets the unit reply, and offers it no box to write instructions', async () => {
    const wrapper = await mountThread(scjgUser)
    expect(wrapper.find('[data-test=instruction-input]').exists()).toBe(false)
    await wrapper.find('[data-test=reply-open]').trigger('click')
    await wrapper.find('textarea[data-test=reply-input]').setValue('已部署')
    await wrapper.find('[data-test=reply-send]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('instructions.reply', { instructionId: 3, body: '已部署' })
    expect(wrapper.find('[data-test=instruction-reply]').text()).toContain('已部署')
  })
})
