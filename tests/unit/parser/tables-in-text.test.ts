import { describe, expect, it } from 'vitest'
import { rebuildFlatTables } from '../../../electron/core/importers/parser/flat-table'
import { rebuildPipeTables } from '../../../electron/core/importers/parser/pipe-table'
import { layoutLines } from '../../../electron/core/importers/parser/layout'
import { splitLines } from '../../../electron/core/importers/parser/lines'
import { parsePlanText } from '../../../electron/core/importers/parser'

const texts = (s: string) => splitLines(s).map((l) => l.text)

const FLAT = `2016年民生实事目标任务分解表
序号
民生实事
责任单位
完成时限
1
启动建设综合治理工程。
县水务局
县住建局
12月底前
2
新建2座人行天桥。
县住建局
9月投入使用
3
开工建设县老年养护楼。
县民政局
5月底前动工
开工建设老年大学。
12月底前
4
城区再新建1个农贸市场。
县商务局
12月底前
分享到:`

describe('a table flattened to one cell per line', () => {
  it('becomes numbered task lines with their units and time column', () => {
    expect(texts(FLAT).length).toBeGreaterThan(10)
    const out = rebuildFlatTables(splitLines(FLAT)).map((l) => l.text)
    expect(out).toEqual([
      '2016年民生实事目标任务分解表',
      '1. 启动建设综合治理工程。（牵头单位：县水务局、县住建局）（完成时限：12月底前）',
      '2. 新建2座人行天桥。（牵头单位：县住建局）（完成时限：9月投入使用）',
      '3. 开工建设县老年养护楼。开工建设老年大学。（牵头单位：县民政局）（完成时限：5月底前动工）',
      '4. 城区再新建1个农贸市场。（牵头单位：县商务局）（完成时限：12月底前）',
      '分享到:',
    ])
  })

  it('is read by the parser as tasks with leads, deadlines and targets', () => {
    const tasks = parsePlanText(FLAT).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => [t.number, t.leads])).toEqual([
      [1, ['县水务局', '县住建局']],
      [2, ['县住建局']],
      [3, ['县民政局']],
      [4, ['县商务局']],
    ])
    expect(tasks[0].deadlineText).toBe('12月底前')
    expect(tasks[1].targets.map((t) => [t.value, t.unit])).toEqual([[2, '座']])
  })

  it('leaves short lines that are not a task header alone', () => {
    const s = '序号\n姓名\n电话\n1\n张三\n123'
    expect(rebuildFlatTables(splitLines(s)).map((l) => l.text)).toEqual(texts(s))
  })
})

describe('pipe-separated rows', () => {
  const PIPE = `序号 | 工作任务 | 责任单位 | 进展情况 |
1 | 新改扩建公办中小学校1所 | 教体局 | 完成80% |
新增学位810个 | |||
2 | 完成结对帮扶学校2所 | 教体局 | 顺利推进 |`

  it('become task lines; a one-cell row without a number continues the task above', () => {
    expect(rebuildPipeTables(splitLines(PIPE)).map((l) => l.text)).toEqual([
      '1. 新改扩建公办中小学校1所，新增学位810个（牵头单位：教体局）',
      '2. 完成结对帮扶学校2所（牵头单位：教体局）',
    ])
  })

  it('read a row whose merged 序号 cell was dropped (cells moved left, an empty cell at the end) as more of the task above', () => {
    const s = `序号 | 实事项目名称 | 完成情况 | 占全年计划 |
1 | 新增4000张养老床位 | 4385 | 110% |
新增800张困难重度残疾人养护床位 | 810 | 101% | |
2 | 新增30个社区长者食堂 | 39 | 130% |`
    const draft = parsePlanText(s)
    const tasks = draft.lists.flatMap((l) => l.sections.flatMap((x) => x.tasks))
    expect(tasks.map((t) => t.number)).toEqual([1, 2])
    expect(tasks[0].text).toContain('新增800张困难重度残疾人养护床位')
    expect(tasks[0].targets.map((t) => `${t.value}${t.unit}`)).toEqual(['4000张', '800张'])
    // a row that starts with a number is a task of its own, even when it ends empty
    const own = `序号 | 实事项目名称 | 完成情况 | 占全年计划 |
1 | 新增4000张养老床位 | 4385 | 110% |
2 | 新增30个社区长者食堂 | 39 | |`
    expect(rebuildPipeTables(splitLines(own)).length).toBe(2)
  })

  it('leave a header block without a task column as it is', () => {
    const s = '索引号: | 11341602003166647K | 信息分类: | 规范性文件 |\n发布机构: | 谯城区政府 | 主题分类: | 综合政务 |'
    expect(rebuildPipeTables(splitLines(s)).map((l) => l.text)).toEqual(texts(s))
  })
})

describe('small-form punctuation', () => {
  it('reads 1﹒ as 1.', () => {
    expect(layoutLines(splitLines('1﹒全省生产总值增长7%以上。')).map((l) => l.text)).toEqual(['1.全省生产总值增长7%以上。'])
  })
})
