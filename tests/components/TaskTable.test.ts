import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TaskTable from '@/views/tasks/TaskTable.vue'
import { plugins } from './setup'
import { rows } from './rows.fixture'

const mountTable = (props: Partial<InstanceType<typeof TaskTable>['$props']> = {}) =>
  mount(TaskTable, { props: { rows, ...props }, global: { plugins: plugins() } })

describe('TaskTable', () => {
  it('groups tasks under their section headings, numbered as in the document', () => {
    const w = mountTable()
    const headers = w.findAll('[data-test=section-header]').map((h) => h.text())
    expect(headers).toHaveLength(2)
    expect(headers[0]).toContain('一、坚持党的领导，持续推进全面从严治党')
    expect(headers[0]).toContain('2 项')
    expect(headers[1]).toContain('二、加强政策赋能，持续提升行业营商环境')
  })

  it('keeps each task after its own heading', () => {
    const w = mountTable()
    const order = w.findAll('tbody tr').map((tr) => (tr.attributes('data-test') === 'section-header' ? 'H' : tr.find('td').text()))
    expect(order).toEqual(['H', '要点1', '要点2', 'H', '要点3'])
  })

  it('shows the lead units as tags, the primary lead first and emphasised', () => {
    const w = mountTable()
    const second = w.findAll('[data-test=task-row]')[1]
    const tags = second.findAll('[data-test=lead-tag]')
    expect(tags.map((t) => t.text())).toEqual(['市场监管处', '普遍服务处'])
    expect(tags[0].classes()).toContain('el-tag--dark')
    expect(tags[1].classes()).not.toContain('el-tag--dark')
    expect(second.text()).toContain('市快递协会')
  })

  it('writes deadlines as dates in Chinese and shows the status light', () => {
    const w = mountTable()
    const first = w.findAll('[data-test=task-row]')[0]
    expect(first.text()).toContain('2021年12月31日')
    expect(first.text()).toContain('陈建国（局长）')
    expect(w.findAll('[data-test=task-row]')[1].find('.status-dot').attributes('data-light')).toBe('red')
  })

  it('adds list headings only when several lists are shown', () => {
    expect(mountTable().findAll('[data-test=list-header]')).toHaveLength(0)
    const all = mountTable({ showListHeaders: true })
    expect(all.findAll('[data-test=list-header]').map((h) => h.text())).toEqual(['工作要点'])
  })

  it('asks to open a task when its row is clicked', async () => {
    const w = mountTable()
    await w.findAll('[data-test=task-row]')[2].trigger('click')
    expect(w.emitted('open')).toEqual([[3]])
  })

  it('ticks a task for 批量设置 with its row checkbox, and all of them from the header', async () => {
    const w = mountTable({ selected: [rows[1].id] })
    const boxes = w.findAll('[data-test=tick-row] input[type=checkbox]')
    expect(boxes).toHaveLength(rows.length)
    expect(boxes.map((b) => (b.element as HTMLInputElement).checked)).toEqual(rows.map((r) => r.id === rows[1].id))
    expect(w.findAll('[data-test=tick-row]')[1].classes()).toContain('is-checked')
    await boxes[0].setValue(true)
    expect(w.emitted('update:selected')!.at(-1)).toEqual([[rows[1].id, rows[0].id]])
    await boxes[1].setValue(false)
    expect(w.emitted('update:selected')!.at(-1)).toEqual([[]])
    // ticking does not open the task
    expect(w.emitted('open')).toBeUndefined()
  })
})
