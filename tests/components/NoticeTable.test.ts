import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import NoticeTable from '@/views/supervision/NoticeTable.vue'
import { ApiError, invoke } from '@/api/client'
import type { NoticeView } from '@/stores/reminders'
import { plugins } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const notice = {
  id: 5,
  kind: 'notice',
  number: '督办〔2021〕3号',
  taskId: 9,
  taskNumber: 7,
  taskCode: '要点7',
  taskText: '实施行业生态环保“29551”工程',
  unitId: 2,
  unitName: '市场监管处',
  period: null,
  issue: '进度滞后',
  requiredReply: '说明原因',
  replyDeadline: '2021-07-30',
  reply: null,
  repliedAt: null,
  overdue: false,
  escalationLevel: 0,
  escalatedTo: null,
  escalatedAt: null,
  createdAt: '2021-07-20T02:00:00.000Z',
} as unknown as NoticeView

describe('NoticeTable', () => {
  beforeEach(() => {
    api.mockReset()
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
  })

  it('downloads the 督办通知书 of a notice and saves the Word file it gets back', async () => {
    api.mockResolvedValue({
      fileName: '督办〔2021〕3号 关于加快推进重点工作第7项任务的督办通知书.docx',
      contentBase64: btoa('PK'),
    } as never)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const wrapper = mount(NoticeTable, { props: { notices: [notice] }, global: { plugins: plugins() }, attachTo: document.body })
    await flushPromises()
    await wrapper.find('[data-test=notice-download]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('exports.noticeDocx', { noticeId: 5 })
    expect(click).toHaveBeenCalled()
    expect(document.body.textContent).toContain('已保存 督办〔2021〕3号')
    click.mockRestore()
    wrapper.unmount()
  })

  it('shows the core’s message when the notice cannot be exported', async () => {
    api.mockRejectedValue(new ApiError('not_found', '该督办单不存在或已被删除'))
    const wrapper = mount(NoticeTable, { props: { notices: [notice] }, global: { plugins: plugins() }, attachTo: document.body })
    await flushPromises()
    await wrapper.find('[data-test=notice-download]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('该督办单不存在或已被删除')
    wrapper.unmount()
  })
})
