import { describe, expect, it } from 'vitest'
import { closingBracketGroup } from '../../../electron/core/importers/parser/brackets'

describe('the bracket group that closes an item', () => {
  it('respects nesting and bracket shapes', () => {
    const text = '加强市场体系建设。〔责任单位:省市场监管局、相关市(州)人民政府〕'
    const g = closingBracketGroup(text)!
    expect(g.inner).toBe('责任单位:省市场监管局、相关市(州)人民政府')
    expect(text.slice(0, g.start)).toBe('加强市场体系建设。')
    expect(closingBracketGroup('简政放权。(责任单位:住建局,各市(区)人民政府,医药高新区管委会)。')!.inner).toBe(
      '责任单位:住建局,各市(区)人民政府,医药高新区管委会',
    )
  })

  it('pairs half- and full-width round brackets, and finds nothing when the item does not end with a bracket', () => {
    expect(closingBracketGroup('推进工作（市场监管处牵头)')!.inner).toBe('市场监管处牵头')
    expect(closingBracketGroup('完成审批(含备案)后上线运行。')).toBeNull()
    expect(closingBracketGroup('未闭合的括号)')).toBeNull()
  })
})
