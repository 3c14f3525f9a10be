import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { readSeed, taskCount } from './helpers'

describe('other bureaus’ documents', () => {
  it('Huai’an: 6 main tasks and 3 guarantee measures, general requirements left out', () => {
    const d = parsePlanText(readSeed('huaian-express-credit-plan.txt'))
    const sections = d.lists.flatMap((l) => l.sections)
    expect(sections.map((s) => [s.title, s.tasks.length])).toEqual([
      ['主要任务', 6],
      ['保障措施', 3],
    ])
    expect(sections[1].tasks.map((t) => t.text.slice(0, 6))).toEqual(['加强组织领导', '强化督导检查', '广泛宣传发动'])
  })

  it('Xinyang: the main-indicator table gives 9 indicators with 2020 values, 2025 targets and growth', () => {
    const d = parsePlanText(readSeed('xinyang-14th-five-year-postal-plan.txt'))
    const table = d.indicators.filter((i) => i.targetYear === 2025 && i.baselineYear === 2020)
    expect(table).toHaveLength(9)
    expect(table[0]).toMatchObject({ name: '邮政业业务总量', unit: '亿元', baseline: 19.6, target: 26.23, growthPct: 6 })
    expect(table.find((i) => i.name === '就业岗位')).toMatchObject({ target: 7000, comparator: '>=', baseline: 6452, growthPct: null })
    expect(table.find((i) => i.name === '省际地市间包裹时限达标率')).toMatchObject({
      unit: '%',
      target: 95,
      comparator: '>=',
      baseline: null,
    })
  })

  it('national meeting news (traditional characters, pinyin debris): its five key works with a low-confidence warning', () => {
    const d = parsePlanText(readSeed('national-2020-market-supervision-meeting.txt'))
    expect(taskCount(d)).toBe(5)
    const tasks = d.lists[0].sections[0].tasks
    expect(tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5])
    expect(tasks[1].text).toMatch(/^實施“兩進一出”工程/)
    expect(tasks.every((t) => !/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/.test(t.text))).toBe(true)
    expect(d.warnings[0].code).toBe('low_confidence')
    expect(d.plan.title).toBe('2020年全國郵政市場監管工作電視電話會議召開')
  })

  it('Putian parses without throwing', () => {
    expect(() => parsePlanText(readSeed('putian-1136-safety-system.txt'))).not.toThrow()
  })
})

describe('Suzhou checks and links', () => {
  const d = parsePlanText(readSeed('suzhou-2021-work-points.txt'))
  const livelihood = '更贴近民生七件实事'

  it('flags the gap at livelihood item 17', () => {
    expect(d.warnings).toContainEqual(expect.objectContaining({ code: 'numbering_gap', at: { list: livelihood, number: 17 } }))
  })

  it('links livelihood items to the work points they restate, and nothing unrelated', () => {
    const pairs = d.links!.map((l) => `${l.a.number}↔${l.b.number}`)
    expect(pairs).toEqual(expect.arrayContaining(['45↔12', '22↔3', '23↔2', '24↔4', '9↔19']))
    expect(d.links!.every((l) => l.a.list === '工作要点' && l.b.list === livelihood)).toBe(true)
    expect(d.links).toHaveLength(12)
    expect(d.warnings.filter((w) => w.code === 'near_duplicate')).toHaveLength(12)
  })

  it('names both items and both values when linked tasks disagree: 10万个 vs 15万个', () => {
    const conflicts = d.warnings.filter((w) => w.code === 'target_conflict')
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0].message).toContain('「工作要点」第45项')
    expect(conflicts[0].message).toContain(`「${livelihood}」第12项`)
    expect(conflicts[0].message).toMatch(/10万个.*15万个/)
    expect(conflicts[0].at).toEqual({ list: livelihood, number: 12 })
  })
})
