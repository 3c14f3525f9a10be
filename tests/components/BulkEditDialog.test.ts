import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import BulkEditDialog from '@/views/tasks/BulkEditDialog.vue'
import { invoke } from '@/api/client'
import { defineComponent, h } from 'vue'
import { plugins } from './setup'
import { mockApi } from './mockApi'
import { person, unit } from './people.fixture'
import type { Output } from '../../electron/contract'

vi.mock('@/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/client')>()),
  invoke: vi.fn(),
}))
const api = vi.mocked(invoke)

const units: Output<'units.list'> = [unit(1, '办公室'), unit(2, '市场监管处'), unit(9, '原法规处', { active: false })]
const users: Output<'users.list'> = [
  person({ id: 3, username: 'juzhang', displayName: '陈建国（局长）', role: 'leader', roleLabel: '局领导' }),
  person({ id: 4, username: 'fujuzhang', displayName: '刘伟（副局长）', role: 'leader', roleLabel: '局领导' }),
  person({ id: 5, username: 'scjg', displayName: '张强', role: 'unit_head', roleLabel: '处室负责人', unitId: 2, unitName: '市场监管处' }),
]

// Element Plus selects loop on happy-dom's layout; plain stand-ins keep the test about what is sent
const SelectStub = defineComponent({
  name: 'ElSelect',
  props: { modelValue: { type: [Number, Array, String], default: undefined } },
  emits: ['update:modelValue'],
  setup:
    (_props, { slots }) =>
    () =>
      h('div', { class: 'select-stub' }, slots.default?.()),
})
const OptionStub = defineComponent({
  name: 'ElOption',
  props: { label: { type: String, default: '' }, value: { type: [Number, String], default: 0 } },
  setup: (props) => () => h('span', { class: 'option-stub' }, props.label),
})

async function mountDialog() {
  mockApi({
    'users.list': users,
    'tasks.bulkAssign': ({ taskIds }) => ({ updated: taskIds.length }),
    'milestones.applyTemplate': ({ taskIds }) => ({ updated: taskIds.length }),
  })
  const wrapper = mount(BulkEditDialog, {
    props: {
      modelValue: true,
      taskIds: [11, 12, 15],
      versions: [
        { taskId: 11, version: 1 },
        { taskId: 12, version: 3 },
        { taskId: 15, version: 2 },
      ],
      units,
    },
    global: { plugins: plugins(), stubs: { teleport: true, ElSelect: SelectStub, ElOption: OptionStub, ElDatePicker: true } },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

describe('BulkEditDialog', () => {
  beforeEach(() => {
    api.mockReset()
  })

  it('offers only leaders as 分管领导', async () => {
    const wrapper = await mountDialog()
    expect(api).toHaveBeenCalledWith('users.list', {})
    const leaderOptions = wrapper
      .findAllComponents(SelectStub)[2]
      .findAll('.option-stub')
      .map((o) => o.text())
    expect(leaderOptions).toEqual(['不设分管领导', '陈建国（局长）', '刘伟（副局长）'])
    wrapper.unmount()
  })

  it('offers only active units as lead and co-op: a retired unit keeps its history but takes no new work', async () => {
    const wrapper = await mountDialog()
    const [leads, coops] = wrapper.findAllComponents(SelectStub).map((s) => s.findAll('.option-stub').map((o) => o.text()))
    expect(leads).toEqual(['办公室', '市场监管处'])
    expect(coops).toEqual(['办公室', '市场监管处'])
    wrapper.unmount()
  })

  it('sends the chosen task ids with only the ticked changes, then the template', async () => {
    const wrapper = await mountDialog()
    await wrapper.find('[data-test=bulk-change-leader] input').setValue(true)
    await wrapper.find('[data-test=bulk-change-template] input').setValue(true)
    const leader = wrapper.findAllComponents(SelectStub)[2]
    leader.vm.$emit('update:modelValue', 4)
    await flushPromises()
    await wrapper.find('[data-test=bulk-submit]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('tasks.bulkAssign', {
      taskIds: [11, 12, 15],
      versions: [
        { taskId: 11, version: 1 },
        { taskId: 12, version: 3 },
        { taskId: 15, version: 2 },
      ],
      leaderId: 4,
    })
    // the assignment moved each task one version on; the template is based on those versions
    expect(api).toHaveBeenCalledWith('milestones.applyTemplate', {
      taskIds: [11, 12, 15],
      versions: [
        { taskId: 11, version: 2 },
        { taskId: 12, version: 4 },
        { taskId: 15, version: 3 },
      ],
      template: 'quarterly',
    })
    expect(wrapper.emitted('saved')?.[0]).toEqual([3])
    wrapper.unmount()
  })

  it('asks for something to change before sending anything', async () => {
    const wrapper = await mountDialog()
    await wrapper.find('[data-test=bulk-submit]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=bulk-error]').text()).toContain('请至少勾选一项要修改的内容')
    expect(api).not.toHaveBeenCalledWith('tasks.bulkAssign', expect.anything())
    wrapper.unmount()
  })
})
