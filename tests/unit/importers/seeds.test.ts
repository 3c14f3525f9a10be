import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import type { PlanDraft } from '../../../electron/core/importers/types'
import { SUZHOU_TASK_COUNT } from '../../support/expected'
import { expectedSuzhou } from '../parser/helpers'
import { readSeed, taskCount } from './helpers'

const codes = (d: PlanDraft) => d.warnings.map((w) => w.code)
const leadsOf = (d: PlanDraft) => d.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks.flatMap((t) => t.leads)))

describe('every seed document gives its title, its tasks and their leads, or says why not', () => {
  it('Suzhou: the title, 3 lists of 9 + 60 + 19 items as the hand-checked expectations count them, leads on every item', () => {
    const d = parsePlanText(readSeed('suzhou-2021-work-points.txt'))
    const expected = expectedSuzhou()
    expect(d.plan).toMatchObject({
      title: '苏州市邮政管理局关于印发2021年工作要点和邮政快递业更贴近民生7件实事分工安排的通知',
      issuer: expected.issuer,
      docNumber: expected.docNumber,
      issuedOn: expected.issuedOn,
      year: 2021,
    })
    expect(d.lists.map((l) => [l.name, l.sections.reduce((n, s) => n + s.tasks.length, 0)])).toEqual(
      expected.lists.map((l) => [l.name, l.expectedCount]),
    )
    expect(taskCount(d)).toBe(SUZHOU_TASK_COUNT)
    expect(d.lists.every((l) => l.sections.every((s) => s.tasks.every((t) => t.leads.length > 0)))).toBe(true)
    expect(d.lists[1].sections[0].tasks[0].leads).toEqual(expected.lists[1].sections[0].items[0].leads)
    expect(codes(d)).not.toContain('not_task_list')
  })

  it('Huai’an: 6 main tasks and 3 guarantee measures, general requirements left out, no leads named', () => {
    const d = parsePlanText(readSeed('huaian-express-credit-plan.txt'))
    expect(d.plan).toMatchObject({ title: '淮安市快递市场信用监管实施方案', issuer: '淮安市邮政管理局' })
    const sections = d.lists.flatMap((l) => l.sections)
    expect(sections.map((s) => [s.title, s.tasks.length])).toEqual([
      ['主要任务', 6],
      ['保障措施', 3],
    ])
    expect(sections[1].tasks.map((t) => t.text.slice(0, 6))).toEqual(['加强组织领导', '强化督导检查', '广泛宣传发动'])
    // The plan names no lead unit for any item: one warning says so, instead of inventing leads.
    expect(leadsOf(d)).toEqual([])
    expect(d.warnings).toContainEqual(
      expect.objectContaining({ code: 'missing_lead', message: expect.stringContaining('9项工作任务都没有写明牵头单位') }),
    )
    expect(codes(d)).not.toContain('not_task_list')
  })

  it('Xinyang: the notice’s title and number, 15 numbered main tasks under their headings, 9 table indicators', () => {
    const d = parsePlanText(readSeed('xinyang-14th-five-year-postal-plan.txt'))
    expect(d.plan).toMatchObject({
      title: '关于印发《信阳市邮政业发展“十四五”规划》的通知',
      docNumber: '信邮管〔2022〕2号',
      issuedOn: '2022-02-18',
    })
    expect(d.lists.map((l) => l.name)).toEqual(['信阳市邮政业发展“十四五”规划'])
    expect(taskCount(d)).toBe(15)
    // （四）创新应用 is prose without numbered items, so it brings no task.
    expect(d.lists[0].sections.map((s) => s.title)).toEqual([
      '统筹规划，构筑邮政快递网络',
      '扩容增效，拓展产业服务空间',
      '强化管理，提高行业安全水平',
      '环保低碳，加强绿色治理力度',
      '多措并举，健全现代治理体系',
    ])
    expect(d.lists[0].sections[0].tasks[0].text).toMatch(/^推进快递寄递网规划。/)
    expect(leadsOf(d)).toEqual([])
    expect(codes(d)).toContain('missing_lead')
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
    expect(leadsOf(d)).toEqual([])
  })

  it('Putian news page: the article’s headline as title (not the site’s name), no tasks, and a warning that it is not a task list', () => {
    const d = parsePlanText(readSeed('putian-1136-safety-system.txt'))
    expect(d.plan.title).toBe('莆田市邮政管理局打造“1136”寄递安全监管工作体系')
    expect(d.plan.issuer).toBeNull()
    expect(taskCount(d)).toBe(0)
    expect(d.warnings).toContainEqual({
      code: 'not_task_list',
      message: '该文件看起来不是工作任务清单（可能是新闻报道、网页或讲话稿），全文没有识别到工作任务，请确认是否选对了文件',
    })
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
