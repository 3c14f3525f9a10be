import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import InterviewsPage from '@/views/interviews/InterviewsPage.vue'
import { ApiError, invoke } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import type { InterviewView } from '@/stores/interviews'
import { lastInput, mockApi, mockCall } from './mockApi'
import { plugins, testRouter } from './setup'
import { usePlansStore } from '@/stores/plans'
import { person, unit } from './people.fixture'
import { rows } from './rows.fixture'
import { ElSelect } from 'element-plus'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const pending: InterviewView = {
  id: 7,
  year: 2021,
  unitId: 3,
  unitName: '市场监管处',
  unitHeads: ['张强（市场监管处处长）'],
  source: 'rule',
  sourceLabel: '按规则',
  ruleName: '约谈',
  reason: '连续3次红色督办单；规则“连续3次红色督办单约谈单位负责人”',
  tasks: [{ id: 14, label: '重点3', text: '推进寄递渠道安全监管' }],
  status: 'pending',
  statusLabel: '待约谈',
  heldOn: null,
  participants: null,
  record: null,
  requirements: null,
  rectifiedOn: null,
  rectifiedNote: null,
  createdAt: '2021-08-10T01:00:00.000Z',
}
const held: InterviewView = {
  ...pending,
  id: 8,
  unitId: 4,
  unitName: '普遍服务处',
  unitHeads: [],
  source: 'manual',
  sourceLabel: '办公室添加',
  tasks: [],
  status: 'held',
  statusLabel: '已约谈',
  heldOn: '2021-08-12',
  participants: '刘伟、李娜',
  record: '听取说明',
  requirements: '8月底前整改',
}

async function mountAsLeader() {
  mockApi({
    'interviews.list': [pending, held],
    'app.clock': { now: '2021-08-16T02:00:00.000Z', today: '2021-08-16', timeZone: 'Asia/Shanghai' },
  })
  const router = await testRouter('/tasks')
  const global = { plugins: plugins(router) }
  useSessionStore().user = person({ id: 4, username: 'fujuzhang', displayName: '刘伟（副局长）', role: 'leader', roleLabel: '局领导' })
  const wrapper = mount(InterviewsPage, { global, attachTo: document.body })
  await flushPromises()
  return wrapper
}
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}
const fill = (selector: string, value: string) => {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}

describe('约谈管理 page', () => {
  beforeEach(() => {
    api.mockReset()
    document.body.innerHTML = ''
  })

  it('lists each 约谈 with its unit head, reason, linked tasks and state, and filters by state', async () => {
    const wrapper = await mountAsLeader()
    const table = wrapper.find('[data-test=interview-table]')
    expect(table.text()).toContain('张强（市场监管处处长）')
    expect(table.text()).toContain('未设负责人账号')
    expect(table.text()).toContain('连续3次红色督办单')
    expect(table.text()).toContain('重点3')
    expect(table.text()).toContain('2021年8月12日，参加：刘伟、李娜')
    expect(wrapper.find('[data-test=interview-filter]').text()).toContain('待约谈（1）')
    expect(wrapper.find('[data-test=interview-new]').exists()).toBe(false) // only the office adds by hand
    const filter = wrapper.findAll('[data-test=interview-filter] input')
    await filter[1].setValue(true) // 待约谈
    await settle()
    expect(wrapper.findAll('[data-test=interview-status]').map((s) => s.text())).toEqual(['待约谈'])
    wrapper.unmount()
  })

  it('records a 约谈 with its date, participants, record and requirements; the core’s refusal keeps the dialog open', async () => {
    const wrapper = await mountAsLeader()
    await wrapper.find('[data-test=interview-record]').trigger('click')
    await settle()
    fill('input[data-test=interview-participants]', '刘伟、张强')
    fill('textarea[data-test=interview-record-text]', '听取市场监管处说明')
    fill('textarea[data-test=interview-requirements]', '两周内提交整改报告')
    mockCall('interviews.record', () => {
      throw new ApiError('invalid_input', '约谈日期不能晚于今天')
    })
    document.querySelector<HTMLButtonElement>('[data-test=interview-save]')!.click()
    await settle()
    expect(document.querySelector('[data-test=interview-error]')?.textContent).toContain('约谈日期不能晚于今天')
    mockCall('interviews.record', (input) => ({
      ...pending,
      status: 'held' as const,
      statusLabel: '已约谈',
      heldOn: input.heldOn,
      participants: input.participants,
      record: input.record,
      requirements: input.requirements,
    }))
    document.querySelector<HTMLButtonElement>('[data-test=interview-save]')!.click()
    await settle()
    expect(lastInput('interviews.record')).toEqual({
      interviewId: 7,
      heldOn: '2021-08-16', // the core's today
      participants: '刘伟、张强',
      record: '听取市场监管处说明',
      requirements: '两周内提交整改报告',
    })
    expect(wrapper.find('[data-test=interview-table]').text()).toContain('两周内提交整改报告')
    wrapper.unmount()
  })

  it('the office adds a 约谈 by hand with the tasks the unit leads, lagging ones first', async () => {
    mockApi({
      'interviews.list': [],
      'app.clock': { now: '2021-08-16T02:00:00.000Z', today: '2021-08-16', timeZone: 'Asia/Shanghai' },
      'tasks.list': rows.filter((r) => r.leads.some((l) => l.id === 3)).reverse(), // the lagging one first: the page puts the overdue one before it
      'interviews.create': (input) => ({ ...pending, id: 9, source: 'manual' as const, unitId: input.unitId, reason: input.reason }),
    })
    const router = await testRouter('/tasks')
    const global = { plugins: plugins(router) }
    const plans = usePlansStore()
    Object.assign(plans, { loaded: true, currentPlanId: 1, units: [unit(3, '市场监管处'), unit(9, '原法规处', { active: false })] })
    useSessionStore().user = person({
      id: 2,
      username: 'bangongshi',
      displayName: '周敏',
      role: 'office',
      roleLabel: '办公室',
      unitId: 1,
      unitName: '办公室',
    })
    const wrapper = mount(InterviewsPage, { global, attachTo: document.body })
    await flushPromises()
    await wrapper.find('[data-test=interview-new]').trigger('click')
    await settle()
    const [unitSelect, taskSelect] = wrapper.findAllComponents(ElSelect)
    expect(taskSelect.props('disabled')).toBe(true) // no unit yet
    unitSelect.vm.$emit('update:modelValue', 3)
    await settle()
    expect(lastInput('tasks.list')).toEqual({ planId: 1, unitId: 3, unitRole: 'lead' })
    expect(taskSelect.props('disabled')).toBe(false)
    // the overdue task (red) is offered before the lagging one (yellow), each by its code
    const labels = taskSelect.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label') as string)
    expect(labels.map((l) => l.split(' ')[0])).toEqual(['要点2', '要点3'])
    taskSelect.vm.$emit('update:modelValue', [2, 3])
    fill('textarea[data-test=interview-reason-input]', '两项重点工作经两次督办仍未改进')
    await settle()
    document.querySelector<HTMLButtonElement>('[data-test=interview-save]')!.click()
    await settle()
    expect(lastInput('interviews.create')).toEqual({ unitId: 3, reason: '两项重点工作经两次督办仍未改进', taskIds: [2, 3] })
    wrapper.unmount()
  })
})
