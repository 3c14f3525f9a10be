import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import InboxPage from '@/views/inbox/InboxPage.vue'
import { invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import type { InboxItem } from '@/stores/inbox'
import { plugins, testRouter } from './setup'
import { notice } from './home.fixture'
import { mockApi } from './mockApi'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const items: InboxItem[] = [
  {
    id: 31,
    kind: 'notice',
    refId: 9,
    taskId: 17,
    taskNumber: 17,
    taskCode: '要点17',
    title: '督办〔2021〕3号：第17项任务，请于2021-07-30前回复',
    body: '该项任务进度滞后，请说明原因',
    createdAt: '2021-07-20T02:00:00.000Z',
    read: false,
  },
  {
    id: 30,
    kind: 'reminder',
    refId: 8,
    taskId: null,
    taskNumber: null,
    taskCode: null,
    title: '催办：2021-07进展报送',
    body: '请于2021-07-25前报送2021-07进展（尚有12项任务未报送）。',
    createdAt: '2021-07-20T01:00:00.000Z',
    read: true,
  },
]

async function mountInbox(shown: InboxItem[] = items) {
  let unread = 1
  mockApi({
    'inbox.list': () => ({ items: shown, unread: { total: unread, byKind: { notice: unread } } }),
    'inbox.markRead': ({ ids }) => {
      unread = 0
      return { marked: ids?.length ?? 0 }
    },
    'inbox.unreadCounts': () => ({ total: unread, byKind: {} }),
    'reminders.list': [notice],
    'reminders.readNotice': () => ({ ...notice, status: 'read', statusLabel: '待答复', revision: 2 }),
    'reminders.replyNotice': ({ reply }) => ({
      ...notice,
      status: 'replied',
      statusLabel: '待办结',
      revision: 3,
      reply,
      repliedAt: '2021-07-21T01:00:00.000Z',
      steps: [{ action: 'reply', actorName: '张强', at: '2021-07-21T01:00:00.000Z', body: reply, attachments: [] }],
    }),
  })
  const router = await testRouter('/tasks')
  const global = { plugins: plugins(router) }
  useSessionStore().user = {
    id: 5,
    username: 'scjg',
    displayName: '张强',
    role: 'unit_head',
    roleLabel: '处室负责人',
    unitId: 2,
    unitName: '市场监管处',
    phone: null,
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    leaderUnits: [],
  }
  const wrapper = mount(InboxPage, { global })
  await flushPromises()
  return { wrapper, router }
}

describe('InboxPage', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('shows unread items in bold and marks an item read when it is opened', async () => {
    const { wrapper } = await mountInbox()
    const rows = wrapper.findAll('[data-test=inbox-item]')
    expect(rows).toHaveLength(2)
    expect(rows[0].classes()).toContain('is-unread')
    expect(rows[1].classes()).not.toContain('is-unread')
    await rows[0].trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('inbox.markRead', { ids: [31] })
    expect(wrapper.findAll('[data-test=inbox-item]')[0].classes()).not.toContain('is-unread')
    expect(wrapper.find('[data-test=inbox-detail-title]').text()).toContain('督办〔2021〕3号')
  })

  it('does not mark an item that is already read', async () => {
    const { wrapper } = await mountInbox()
    await wrapper.findAll('[data-test=inbox-item]')[1].trigger('click')
    await flushPromises()
    expect(api).not.toHaveBeenCalledWith('inbox.markRead', expect.anything())
  })

  it('records the unit’s receipt when it opens a 督办单, and lets it answer from the item', async () => {
    const { wrapper } = await mountInbox()
    await wrapper.findAll('[data-test=inbox-item]')[0].trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.readNotice', { noticeId: 9 })
    expect(wrapper.find('[data-test=notice-state]').text()).toBe('待答复')
    expect(wrapper.find('[data-test=notice-detail]').text()).toContain('书面说明原因和整改措施')
    await wrapper.find('textarea').setValue('已制定整改方案，8月底前完成。')
    await wrapper.find('[data-test=notice-reply-submit]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.replyNotice', { noticeId: 9, reply: '已制定整改方案，8月底前完成。', revision: 2 })
    expect(wrapper.find('[data-test=notice-steps]').text()).toContain('已制定整改方案')
    expect(wrapper.find('[data-test=notice-state]').text()).toBe('待办结')
    expect(wrapper.find('[data-test=notice-reply-submit]').exists()).toBe(false)
  })

  it('opens the task the item is about', async () => {
    const { wrapper, router } = await mountInbox()
    await wrapper.findAll('[data-test=inbox-item]')[0].trigger('click')
    await flushPromises()
    await wrapper.find('[data-test=inbox-open-task]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/tasks?open=17')
  })

  it('shows one empty state, not one per pane, when there is nothing', async () => {
    const { wrapper } = await mountInbox([])
    expect(wrapper.findAll('.el-empty')).toHaveLength(1)
    expect(wrapper.find('[data-test=inbox-empty]').text()).toContain('没有消息')
    expect(wrapper.find('.inbox__panes').exists()).toBe(false)
  })
})
