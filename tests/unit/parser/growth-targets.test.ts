import { describe, expect, it } from 'vitest'
import { findGrowthTargets, withGrowthTargets } from '../../../electron/core/importers/parser/growth-targets'

describe('growth goals', () => {
  it('reads 左右 as about, 以上 as at least, a bare figure as the figure', () => {
    const g = (t: string) => findGrowthTargets(t).map((x) => [x.value, x.unit, x.comparator])
    expect(g('努力实现地区生产总值增长6.2%左右。')).toEqual([[6.2, '%', '=']])
    expect(g('地区生产总值增长8.5%以上。')).toEqual([[8.5, '%', '>=']])
    expect(g('社会消费品零售总额增长16%、外贸进出口总额增长16%。')).toEqual([
      [16, '%', '='],
      [16, '%', '='],
    ])
  })

  it('leaves reported growth (同比增长) out', () => {
    expect(findGrowthTargets('上半年地区生产总值同比增长28.6%,高出全省0.1个百分点')).toEqual([])
  })

  it('does not repeat a goal the general reader already found', () => {
    const found = [{ value: 8.5, unit: '%', comparator: '>=' as const, about: '地区生产总值', text: '8.5%以上' }]
    expect(withGrowthTargets('地区生产总值增长8.5%以上。', found)).toHaveLength(1)
  })
})
