import { describe, expect, it } from 'vitest'
import { hasTraditional, toSimplified } from '../../../electron/core/importers/parser/script'

describe('traditional characters for the rules', () => {
  it('reads 牽頭/負責/單位 as 牵头/负责/单位, one character for one', () => {
    const t = '(市政府辦公室牽頭,市級各有關部門按職責分工負責)'
    const s = toSimplified(t)
    expect(s).toBe('(市政府办公室牵头,市级各有关部门按职责分工负责)')
    expect(s.length).toBe(t.length)
  })

  it('reads the variant 爲 as 为, so 排在首位的爲牽頭單位 is understood', () => {
    expect(toSimplified('排在首位的爲牽頭單位')).toBe('排在首位的为牵头单位')
  })

  it('leaves simplified text as it is, including characters both scripts share', () => {
    const s = '显著提升快递服务质量(市场监管处牵头)'
    expect(toSimplified(s)).toBe(s)
    expect(hasTraditional(s)).toBe(false)
    expect(hasTraditional('郵政')).toBe(true)
  })
})

describe('targets in traditional characters', () => {
  it('are read on the simplified copy, while the task keeps its original text', async () => {
    const { parsePlanText } = await import('../../../electron/core/importers/parser')
    const draft = parsePlanText('某市民生實事\n1.新建改擴建公益普惠性幼兒園15所,增加學位2900個。\n2.全市改造老舊小區118個。')
    const tasks = draft.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => t.targets.map((g) => `${g.value}${g.unit}${g.comparator}`))).toEqual([['15所=', '2900个='], ['118个=']])
    expect(tasks[0].text).toContain('幼兒園')
  })
})
