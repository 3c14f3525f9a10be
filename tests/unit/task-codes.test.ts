import { describe, expect, it } from 'vitest'
import { abbrProblem, codeMatches, defaultAbbr, listAbbrs, taskCodes, type CodeList } from '../../electron/core/plans/codes'

const lists: CodeList[] = [
  { id: 1, name: '重点工作', kind: 'key_works', sort: 0, abbr: null },
  { id: 2, name: '工作要点', kind: 'work_points', sort: 1, abbr: null },
  { id: 3, name: '更贴近民生七件实事', kind: 'livelihood', sort: 2, abbr: null },
]
const sections = [
  { id: 10, listId: 1, number: null, title: null, sort: 0 },
  { id: 20, listId: 2, number: '一', title: '坚持党的领导', sort: 0 },
  { id: 21, listId: 2, number: '二', title: '加强政策赋能', sort: 1 },
  { id: 30, listId: 3, number: '一', title: '推动实现快递服务直投到村', sort: 0 },
  { id: 34, listId: 3, number: '五', title: '加快推进快递包装绿色转型', sort: 4 },
]
const tasks = [
  { id: 1, listId: 1, sectionId: 10, number: 3, sort: 2 },
  { id: 2, listId: 2, sectionId: 20, number: 1, sort: 3 },
  { id: 3, listId: 2, sectionId: 21, number: 15, sort: 4 },
  { id: 4, listId: 3, sectionId: 30, number: 1, sort: 5 },
  { id: 5, listId: 3, sectionId: 30, number: 2, sort: 6 },
  { id: 6, listId: 3, sectionId: 34, number: 12, sort: 7 },
  { id: 7, listId: 3, sectionId: 34, number: 13, sort: 8 },
  { id: 8, listId: 2, sectionId: 21, number: 2, sort: 9 },
]

describe('task codes', () => {
  it('default abbreviations come from the list kind or name', () => {
    expect(defaultAbbr('work_points', '工作要点')).toBe('要点')
    expect(defaultAbbr('key_works', '重点工作')).toBe('重点')
    expect(defaultAbbr('livelihood', '更贴近民生七件实事')).toBe('民生')
    expect(defaultAbbr('other', '2021年安全生产专项整治清单')).toBe('安全')
  })

  it('numbers tasks by list, and sub-items of a 民生实事 by their item (民生5-2)', () => {
    const codes = taskCodes(lists, sections, tasks)
    expect([...tasks].map((t) => codes.get(t.id)!.code)).toEqual([
      '重点3',
      '要点1',
      '要点15',
      '民生1-1',
      '民生1-2',
      '民生5-1',
      '民生5-2',
      '要点2',
    ])
  })

  it('orders codes by list, then number, not as text (要点2 before 要点15)', () => {
    const codes = taskCodes(lists, sections, tasks)
    const sorted = [...codes.values()].sort((a, b) => a.order - b.order).map((c) => c.code)
    expect(sorted).toEqual(['重点3', '要点1', '要点2', '要点15', '民生1-1', '民生1-2', '民生5-1', '民生5-2'])
  })

  it('uses the office’s abbreviation, and keeps codes unique when two lists share one', () => {
    const custom = lists.map((l) => (l.id === 1 ? { ...l, abbr: '重点任务' } : l))
    expect(taskCodes(custom, sections, tasks).get(1)!.code).toBe('重点任务3')
    const twins: CodeList[] = [...lists, { id: 4, name: '工作要点（补充）', kind: 'work_points', sort: 3, abbr: null }]
    expect(listAbbrs(twins).get(4)).toBe('要点甲')
    const all = taskCodes(twins, sections, [...tasks, { id: 9, listId: 4, sectionId: null, number: 1, sort: 10 }])
    expect(new Set([...all.values()].map((c) => c.code)).size).toBe(all.size)
  })

  it('a 民生实事 list without numbered items is numbered like any other', () => {
    const flat = taskCodes([lists[2]], [], [{ id: 1, listId: 3, sectionId: null, number: 5, sort: 0 }])
    expect(flat.get(1)!.code).toBe('民生5')
  })

  it('search finds a code, or every sub-item of an item', () => {
    expect(codeMatches('民生5-2', '民生5')).toBe(true)
    expect(codeMatches('民生5-2', '民生5-2')).toBe(true)
    expect(codeMatches('要点15', '要点1')).toBe(false)
    expect(codeMatches('要点1', ' 要点1 ')).toBe(true)
  })

  it('refuses abbreviations that would blur the number', () => {
    expect(abbrProblem('要点')).toBeNull()
    expect(abbrProblem('要点2')).toMatch('数字')
    expect(abbrProblem('')).toMatch('不能为空')
    expect(abbrProblem('一二三四五六七')).toMatch('6个字')
  })
})

describe('heading numbers', () => {
  it('reads Chinese and Arabic item numbers', async () => {
    const { headingNumber } = await import('../../electron/core/plans/codes')
    expect(['五', '十', '十二', '二十三', '7', '（三）', '甲'].map(headingNumber)).toEqual([5, 10, 12, 23, 7, 3, null])
  })
})
