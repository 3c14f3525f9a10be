import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ReminderDialog from '@/views/supervision/ReminderDialog.vue'
import { invoke } from '@/api/client'
import { plugins } from './setup'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const draft = {
  unitId: 3,
  unitName: '普遍服务处',
  period: '2021-07',
  dueOn: '2021-07-26',
  tasks: [
    { id: 11, label: '工作要点第12项', text: '推进农村寄递物流体系建设' },
    { id: 12, label: '民生实事第3项', text: '建设村级寄递物流综合服务站' },
  ],
  text: '普遍服务处：截至2021年7月20日，你单位牵头的2项任务尚未报送2021年7月进展（工作要点第12项、民生实事第3项），请于2021年7月26日前在督办台报送。',
  windowHours: 24,
  recent: null as null | { count: number; last: string; lastByName: string },
}

function answer(d: typeof draft) {
  api.mockImplementation(async (method: string, input: unknown) => {
    if (method === 'reminders.draft') return d as never
    if (method === 'reminders.send')
      return { id: 1, unitId: 3, unitName: '普遍服务处', period: '2021-07', issue: (input as { message: string }).message } as never
    if (method === 'reminders.urges') return [] as never
    throw new Error(method)
  })
}

async function open() {
  const wrapper = mount(ReminderDialog, { props: { unitId: 3, planId: 1 }, global: { plugins: plugins() }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('ReminderDialog', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('shows the unit’s unreported tasks and the template’s text, and sends the text as edited', async () => {
    answer(draft)
    const wrapper = await open()
    const body = document.body.querySelector('[data-test=reminder-dialog]')!
    expect(body.querySelector('[data-test=reminder-tasks]')!.textContent).toContain('工作要点第12项')
    const text = body.querySelector('textarea')!
    expect(text.value).toBe(draft.text)
    text.value = `${draft.text}请抓紧。`
    text.dispatchEvent(new Event('input'))
    ;(body.querySelector('[data-test=reminder-send]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.send', {
      unitId: 3,
      period: '2021-07',
      message: `${draft.text}请抓紧。`,
      taskIds: [11, 12],
      planId: 1,
    })
    expect(wrapper.emitted('sent')).toHaveLength(1)
    wrapper.unmount()
  })

  it('warns about a 催办 within the window and sends only after the office confirms', async () => {
    answer({ ...draft, recent: { count: 1, last: '2021-07-20T02:00:00.000Z', lastByName: '王芳' } })
    const wrapper = await open()
    const body = document.body.querySelector('[data-test=reminder-dialog]')!
    expect(body.querySelector('[data-test=reminder-recent]')!.textContent).toContain('24小时内已催办该单位1次（最近一次：2021年7月20日')
    ;(body.querySelector('[data-test=reminder-send]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api).not.toHaveBeenCalledWith('reminders.send', expect.anything())
    expect(body.querySelector('[data-test=reminder-error]')!.textContent).toContain('请确认是否仍要再次催办')
    ;(body.querySelector('[data-test=reminder-override] input') as HTMLInputElement).click()
    await flushPromises()
    ;(body.querySelector('[data-test=reminder-send]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('reminders.send', expect.objectContaining({ override: true }))
    wrapper.unmount()
  })
})
