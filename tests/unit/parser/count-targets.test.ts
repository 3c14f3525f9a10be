import { describe, expect, it } from 'vitest'
import { findListCounts, withCountRules } from '../../../electron/core/importers/parser/count-targets'
import { findTargets } from '../../../electron/core/importers/parser/targets'

const brief = (ts: { value: number; unit: string; comparator: string }[]) => ts.map((t) => `${t.value}${t.unit}${t.comparator}`)

describe('counts and scope thresholds', () => {
  it('reads the count that closes a list of named places as a goal', () => {
    expect(brief(findListCounts('建成投用沿浦、宜山、莒溪等8家卫生院'))).toEqual(['8家='])
    expect(brief(findListCounts('打通县城人民大道(苍南大道至山海大道)等12条断头路。'))).toEqual(['12条='])
  })

  it('drops a figure with 以上 that qualifies the noun after it, and keeps 10%以上增长', () => {
    const text = '投资10亿元以上项目10个;实现10%以上增长'
    expect(brief(withCountRules(text, findTargets(text)))).toEqual(['10%>='])
  })

  it('reads the goal verbs of livelihood projects and areas in 万平方米, 万亩 and 公顷', () => {
    expect(brief(findTargets('5 月底前开工老旧小区改造项目 50个,约 605 万平方米'))).toEqual(['50个=', '605万平方米='])
    expect(brief(findTargets('推广杂交稻旱种50万亩,增加180公顷绿色林地'))).toEqual(['50万亩=', '180公顷='])
    expect(brief(findTargets('消除100条中小河流中的劣V类水体'))).toEqual(['100条='])
  })

  it('reads 新增学位3800位, a rate per person, and 扩建 …5所', () => {
    expect(brief(findTargets('建成投用中小学3所,新增学位3800位。'))).toEqual(['3所=', '3800位='])
    expect(brief(findTargets('全员劳动生产率46000元/人以上。'))).toEqual(['46000元/人>='])
    expect(brief(findTargets('新(改、扩)建公办园5所,新增公办幼儿学位1000个。'))).toEqual(['5所=', '1000个='])
  })
})
