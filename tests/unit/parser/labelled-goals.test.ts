import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { isFurniture } from '../../../electron/core/importers/parser/lines'

const tasksOf = (text: string) => parsePlanText(text).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))

const projects = [
  '【目标任务】',
  '新建社区食堂10个,改造老年助餐点20个。',
  '【推进措施】',
  '1.摸清需求,编制建设计划。',
  '2.落实建设资金,6月底前完成选址。',
  '3.建立运营补贴制度。',
  '责任单位:县民政局',
  '【目标任务】新增公办幼儿园学位800个。',
  '【推进措施】',
  '1.新建幼儿园2所。',
  '2.改扩建幼儿园3所。',
  '牵头单位:县教育局',
  '配合单位:县财政局、县住建局',
].join('\n')

describe('goals printed under 【目标任务】 with their 【推进措施】', () => {
  it('reads each goal as one task numbered in order, its measures as sub-items, and the note after them for the whole task', () => {
    const tasks = tasksOf(projects)
    expect(tasks.map((t) => t.number)).toEqual([1, 2])
    expect(tasks[0].text.startsWith('新建社区食堂10个')).toBe(true)
    expect(tasks[0].text).toContain('3.建立运营补贴制度')
    expect(tasks[0].leads).toEqual(['县民政局'])
    expect(tasks[1].text.startsWith('新增公办幼儿园学位800个')).toBe(true)
    expect(tasks[1].leads).toEqual(['县教育局'])
    expect(tasks[1].coops).toEqual(['县财政局', '县住建局'])
  })

  it('leaves measures that carry notes of their own as the tasks', () => {
    const text = [
      '【工作目标】',
      '到年底,全县放心消费环境明显改善。',
      '【主要措施】',
      '1.开展放心消费创建活动。(牵头单位:县市场监管局)',
      '2.畅通消费维权渠道。(牵头单位:县商务局)',
    ].join('\n')
    const tasks = tasksOf(text)
    expect(tasks.map((t) => t.text)).toEqual(['开展放心消费创建活动。', '畅通消费维权渠道。'])
    expect(tasks.map((t) => t.leads)).toEqual([['县市场监管局'], ['县商务局']])
  })

  it('leaves a goal label with no measures label after it as found', () => {
    const text = ['【工作目标】', '到年底,全县放心消费环境明显改善。', '1.开展放心消费创建活动。(县市场监管局牵头)'].join('\n')
    expect(tasksOf(text).map((t) => t.text)).toEqual(['开展放心消费创建活动。'])
  })
})

describe('contact lines whose label is spaced out', () => {
  it('are furniture, so the unit note before them does not run on into a name', () => {
    expect(isFurniture('联 系 人:孙某')).toBe(true)
    expect(isFurniture('联 系 电 话:3236601')).toBe(true)
    expect(isFurniture('联络服务中心:3号楼')).toBe(false)
    const tasks = tasksOf(`${projects.split('\n').slice(0, 7).join('\n')}\n联 系 人:孙某\n联系电话:3236601`)
    expect(tasks[0].leads).toEqual(['县民政局'])
  })
})
