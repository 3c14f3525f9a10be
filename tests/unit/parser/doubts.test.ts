import { describe, expect, it } from 'vitest'
import { doubtsAbout } from '../../../electron/core/importers/parser/doubts'
import { parsePlanText } from '../../../electron/core/importers/parser'

const tasksOf = (text: string) => parsePlanText(text).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))

describe('doubts about a parsed task', () => {
  it('a clear task with a named lead raises none', () => {
    expect(doubtsAbout({ text: '推进快递进村，建制村快递服务覆盖率达到95%。', leads: ['市场监管处'] })).toEqual([])
  })

  it.each([
    [{ text: '推进快递进村，建制村快递服务覆盖率达到95%。', leads: [] }, '未识别到牵头单位'],
    [{ text: '推进快递进村，建制村快递服务覆盖率达到95%。', leads: ['各相关处室'] }, '泛称'],
    [{ text: '总体要求', leads: ['办公室'] }, '过短'],
    [{ text: '加强寄递安全监管。'.repeat(50), leads: ['办公室'] }, '很长'],
    [{ text: '加强寄递安全监管。2. 推进绿色包装，减少二次包装。', leads: ['办公室'] }, '另一编号'],
  ])('%o → %s', (task, reason) => {
    expect(doubtsAbout(task).join('；')).toContain(reason)
  })
})

describe('the basis of each task', () => {
  it('says how the task, its leads and its targets were found', () => {
    const [labelled, bracketed, none] = tasksOf(
      [
        '2021年工作要点',
        '一、提升服务',
        '1. 推进快递进村，建制村快递服务覆盖率达到95%以上。',
        '牵头单位：市场监管处',
        '2. 快递业务收入增长8%以上。（普遍服务处牵头，办公室配合）',
        '3. 开展行业调研，形成调研报告。',
      ].join('\n'),
    )
    expect(labelled.basis).toEqual({
      task: '原文第3行以“1.”式编号的条目',
      leads: '“牵头单位/责任单位：”标注',
      targets: ['目标动词或“以上/以内”后的数值'],
    })
    expect(bracketed.basis?.leads).toContain('括号')
    expect(bracketed.basis?.targets).toHaveLength(bracketed.targets.length)
    expect(none.basis?.leads).toBe('未找到牵头单位的标注')
    expect(none.doubts).toContain('未识别到牵头单位')
    expect(labelled.doubts).toEqual([])
  })
})
