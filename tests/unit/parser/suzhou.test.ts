import { describe, it, expect } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { expectedSuzhou, readSeed, sameAbout } from './helpers'

const draft = parsePlanText(readSeed('suzhou-2021-work-points.txt'))
const expected = expectedSuzhou()

describe('苏州市邮政管理局2021年工作要点', () => {
  it('reads the document number, issuer, issue date and year', () => {
    expect(draft.plan.docNumber).toBe(expected.docNumber)
    expect(draft.plan.issuer).toBe(expected.issuer)
    expect(draft.plan.issuedOn).toBe(expected.issuedOn)
    expect(draft.plan.year).toBe(2021)
    expect(draft.plan.title).toContain('2021年工作要点')
  })

  it('finds the three lists in document order with their kinds', () => {
    expect(draft.lists.map((l) => l.name)).toEqual(expected.lists.map((l) => l.name))
    expect(draft.lists.map((l) => l.kind)).toEqual(['key_works', 'work_points', 'livelihood'])
  })

  it('counts 9, 60 and 19 tasks', () => {
    const counts = draft.lists.map((l) => l.sections.reduce((n, s) => n + s.tasks.length, 0))
    expect(counts).toEqual([9, 60, 19])
    expect(counts).toEqual(expected.lists.map((l) => l.expectedCount))
  })

  for (const list of expected.lists) {
    describe(list.name, () => {
      const actual = () => draft.lists.find((l) => l.name === list.name)!

      it('has every section with its number and title', () => {
        expect(actual().sections.map((s) => [s.number, s.title])).toEqual(list.sections.map((s) => [s.number ?? null, s.title]))
      })

      it('has every item with its number, opening words and leads', () => {
        const got = actual().sections.flatMap((s) => s.tasks)
        const want = list.sections.flatMap((s) => s.items)
        expect(got.map((t) => t.number)).toEqual(want.map((i) => i.number))
        want.forEach((item, i) => {
          // textStart is the first 12 characters as written; a short item runs into its （…牵头） note
          const start = item.textStart.replace(/[（(][^）)]*$/, '')
          expect(got[i].text.startsWith(start), `${list.name} ${item.number}: ${got[i].text}`).toBe(true)
          expect(got[i].leads, `${list.name} ${item.number}`).toEqual(item.leads)
          expect(got[i].text).not.toMatch(/牵头[）)]$/)
        })
      })

      it('finds every listed target', () => {
        const got = actual().sections.flatMap((s) => s.tasks)
        for (const item of list.sections.flatMap((s) => s.items).filter((i) => i.targets)) {
          const task = got.find((t) => t.number === item.number)!
          expect(task.targets.length, `${list.name} ${item.number}`).toBe(item.targets!.length)
          item.targets!.forEach((want, k) => {
            const t = task.targets[k]
            expect(t.value).toBe(want.value)
            expect(t.unit).toBe(want.unit)
            if (want.comparator) expect(t.comparator).toBe(want.comparator)
            expect(sameAbout(want.about, t.about), `${want.about} vs ${t.about}`).toBe(true)
          })
        }
      })
    })
  }

  it('ignores numbers that are not goals', () => {
    const all = draft.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    const values = all.flatMap((t) => t.targets.map((x) => x.value))
    for (const v of [2021, 29551, 2018, 2020, 2]) expect(values).not.toContain(v)
    // 建党100周年, “29551”工程, 三年行动, 2018-2020年 are not goals
    const wp = draft.lists[1].sections.flatMap((s) => s.tasks)
    for (const n of [3, 6, 7, 14, 36, 44]) expect(wp.find((t) => t.number === n)!.targets, `item ${n}`).toEqual([])
    const withTargets = all.filter((t) => t.targets.length > 0).length
    expect(withTargets).toBe(6)
  })

  it('warns about the missing 17th livelihood item and the collective lead', () => {
    const gaps = draft.warnings.filter((w) => w.code === 'numbering_gap')
    expect(gaps).toEqual([
      {
        code: 'numbering_gap',
        message: '「更贴近民生七件实事」编号不连续：缺少第17项',
        at: { list: '更贴近民生七件实事', number: 17 },
      },
    ])
    const collective = draft.warnings.filter((w) => w.code === 'collective_lead')
    expect(collective).toHaveLength(1)
    expect(collective[0].at).toEqual({ list: '重点工作', number: 2 })
    expect(draft.warnings.filter((w) => w.code === 'missing_lead')).toEqual([])
  })

  it('reads the four annual indicators', () => {
    expect(draft.indicators.map((i) => ({ name: i.name, target: i.target, unit: i.unit, growthPct: i.growthPct }))).toEqual(
      expected.annualIndicators,
    )
    expect(draft.indicators.every((i) => i.targetYear === 2021)).toBe(true)
  })

  it('resolves year-end wording to the plan year', () => {
    const wp = draft.lists[1].sections.flatMap((s) => s.tasks)
    const t45 = wp.find((t) => t.number === 45)!
    expect(t45.deadline).toBe('2021-12-31')
    expect(t45.deadlineText).toBe('年底')
  })

  it('keeps 1-based source lines', () => {
    const first = draft.lists[0].sections[0].tasks[0]
    const lines = readSeed('suzhou-2021-work-points.txt').split('\n')
    expect(lines[first.line - 1]).toContain('开展党史学习教育，学党史')
  })
})
