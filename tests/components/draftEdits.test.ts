import { describe, expect, it } from 'vitest'
import type { PlanDraft, TaskDraft } from '../../electron/contract/types'
import { mergeIntoPrevious, removeTask, splitPoint, splitTask } from '@/views/import/draftEdits'

const task = (number: number, text: string, leads: string[] = ['办公室']): TaskDraft => ({
  number,
  text,
  leads,
  coops: [],
  deadline: null,
  deadlineText: null,
  targets: [],
  line: number,
})

function draft(): PlanDraft {
  return {
    plan: { title: '2021年工作要点', issuer: null, docNumber: null, issuedOn: null, year: 2021 },
    lists: [
      {
        name: '工作要点',
        kind: 'work_points',
        sections: [
          {
            number: '一',
            title: '服务',
            tasks: [task(1, '推进快递进村。'), task(2, '建成快递服务站10个；开展末端网点备案检查。', ['市场监管处'])],
          },
          { number: '二', title: '安全', tasks: [task(3, '开展寄递安全专项整治。', ['安全监管处'])] },
        ],
      },
      { name: '民生实事', kind: 'livelihood', sections: [{ number: null, title: null, tasks: [task(1, '新增智能快件箱100组。')] }] },
    ],
    indicators: [],
    warnings: [],
    links: [{ a: { list: '工作要点', number: 3 }, b: { list: '民生实事', number: 1 }, similarity: 0.8 }],
  }
}

const numbers = (d: PlanDraft) => d.lists[0].sections.flatMap((s) => s.tasks.map((t) => `${t.number}:${t.text}`))

describe('one-click corrections to a parsed draft', () => {
  it('不是任务 removes the task and the links that named it', () => {
    const d = draft()
    removeTask(d, { list: 0, section: 1, task: 0 })
    expect(numbers(d)).toEqual(['1:推进快递进村。', '2:建成快递服务站10个；开展末端网点备案检查。'])
    expect(d.links).toEqual([])
  })

  it('并入上一条 joins text and units into the previous task, across a section break, and moves its links', () => {
    const d = draft()
    expect(mergeIntoPrevious(d, { list: 0, section: 1, task: 0 })).toBe(true)
    const merged = d.lists[0].sections[0].tasks[1]
    expect(merged.text).toBe('建成快递服务站10个；开展末端网点备案检查。开展寄递安全专项整治。')
    expect(merged.leads).toEqual(['市场监管处', '安全监管处'])
    expect(d.lists[0].sections[1].tasks).toEqual([])
    expect(d.links?.[0].a).toEqual({ list: '工作要点', number: 2 })
    expect(mergeIntoPrevious(d, { list: 0, section: 0, task: 0 })).toBe(false)
  })

  it('拆分 cuts at the sentence break nearest the middle, numbers the new task next and moves later tasks and links up', () => {
    const d = draft()
    d.lists[0].sections[0].tasks[1].targets = [{ value: 10, unit: '个', comparator: '=', about: '快递服务站', text: '10个' }]
    expect(splitTask(d, { list: 0, section: 0, task: 1 })).toBe(true)
    expect(numbers(d)).toEqual(['1:推进快递进村。', '2:建成快递服务站10个；', '3:开展末端网点备案检查。', '4:开展寄递安全专项整治。'])
    const [first, second] = d.lists[0].sections[0].tasks.slice(1)
    expect(first.targets.map((g) => g.text)).toEqual(['10个'])
    expect(second.targets).toEqual([])
    expect(second.leads).toEqual(['市场监管处'])
    expect(d.links?.[0].a).toEqual({ list: '工作要点', number: 4 })
  })

  it('refuses to split an item with no break to cut at', () => {
    expect(splitPoint('推进快递进村')).toBeNull()
    const d = draft()
    d.lists[0].sections[0].tasks[0].text = '推进快递进村'
    expect(splitTask(d, { list: 0, section: 0, task: 0 })).toBe(false)
  })
})
