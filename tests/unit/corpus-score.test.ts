import { describe, expect, it } from 'vitest'
import { drops, figuresOf } from '../corpus/baseline'
import { normaliseText, sameUnitSet, stripNumbering } from '../corpus/normalise'
import { pairTasks, rates, scoreDocument, textSimilarity, type ExpectedTask, type FoundTask } from '../corpus/score'

const expected = (over: Partial<ExpectedTask>): ExpectedTask => ({
  number: '1',
  text: '',
  leads: [],
  coUnits: [],
  deadline: null,
  targets: [],
  ...over,
})
const found = (over: Partial<FoundTask>): FoundTask => ({
  number: 1,
  text: '',
  leads: [],
  coops: [],
  deadline: null,
  deadlineText: null,
  targets: [],
  ...over,
})

describe('corpus scoring', () => {
  it('pairs a parsed task with the expected one by the start of its text, across width, spaces and script', () => {
    expect(textSimilarity('全面实施行政许可事项清单管理', '全面實施行政許可事項清單管理。依據國家')).toBe(1)
    expect(textSimilarity('新增学位810个', '新增学位 810 个')).toBe(1)
    expect(textSimilarity('精简项目审批手续', '(一)精简项目审批手续。加快推进')).toBe(1)
    expect(textSimilarity('精简项目审批手续', '提高土地审批效率')).toBeLessThan(0.6)
  })

  it('reads past the pinyin a conversion site left after a character, but not past a bracketed word', () => {
    expect(textSimilarity('勞動年齡人口平均受教育年限', '勞動(dòng)年齡人口平均受教育年限12.5年')).toBe(1)
    expect(normaliseText('民营企业(含个体工商户)(a)')).toBe('民营企业(含个体工商户)(a)')
  })

  it('keeps a leading number that is part of the text (a year, a decimal)', () => {
    expect(stripNumbering('2022年全省粮食播种面积')).toBe('2022年全省粮食播种面积')
    expect(stripNumbering('5.5%以上')).toBe('5.5%以上')
    expect(stripNumbering('3.加快老旧小区')).toBe('加快老旧小区')
  })

  it('pairs one to one, using the visible number only to break ties', () => {
    const e = [expected({ number: '一/1', text: '完成年度目标任务' }), expected({ number: '一/2', text: '完成年度目标任务' })]
    const f = [found({ number: 2, text: '完成年度目标任务' }), found({ number: 1, text: '完成年度目标任务' })]
    expect(pairTasks(e, f)).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    )
    expect(pairTasks(e, f.slice(0, 1))).toHaveLength(1)
  })

  it('counts leads only when the whole set agrees, so co-units merged into the leads are a miss', () => {
    const e = [expected({ text: '努力实现地区生产总值增长', leads: ['区发改局'], coUnits: ['立山经济开发区'] })]
    const merged = scoreDocument({ tasks: e, notTasks: [] }, [
      found({ text: '努力实现地区生产总值增长6.2%左右。', leads: ['区发改局', '立山经济开发区'] }),
    ])
    expect(merged.tallies.leads).toEqual({ expected: 1, found: 1, hit: 0 })
    expect(merged.tallies.coUnits).toEqual({ expected: 1, found: 0, hit: 0 })
    const split = scoreDocument({ tasks: e, notTasks: [] }, [
      found({ text: '努力实现地区生产总值增长6.2%左右。', leads: ['区发改局'], coops: ['立山经济开发区'] }),
    ])
    expect(split.tallies.leads.hit).toBe(1)
    expect(split.tallies.coUnits.hit).toBe(1)
  })

  it('compares unit names after width, bracket shape and script only', () => {
    expect(sameUnitSet(['县发改局(粮食局)'], ['县发改局（粮食局）'])).toBe(true)
    expect(sameUnitSet(['市政府辦公室'], ['市政府办公室'])).toBe(true)
    expect(sameUnitSet(['市卫生健康委'], ['市卫生健康委等'])).toBe(false)
  })

  it('accepts a deadline as written or as an ISO date, and any of several acceptable ones', () => {
    const e = [expected({ text: '精简项目审批手续', deadline: ['5月底前', '2016-05-31'] })]
    const byText = scoreDocument({ tasks: e, notTasks: [] }, [found({ text: '精简项目审批手续', deadlineText: '5月底前' })])
    const byIso = scoreDocument({ tasks: e, notTasks: [] }, [found({ text: '精简项目审批手续', deadline: '2016-05-31' })])
    const wrong = scoreDocument({ tasks: e, notTasks: [] }, [
      found({ text: '精简项目审批手续', deadline: '2016-12-31', deadlineText: '年底前' }),
    ])
    expect([byText.tallies.deadlines.hit, byIso.tallies.deadlines.hit, wrong.tallies.deadlines.hit]).toEqual([1, 1, 0])
  })

  it('needs value, unit and comparison of a target, and counts targets of unpaired tasks as found', () => {
    const e = [expected({ text: '进出口总额增长5%以上', targets: [{ value: 5, unit: '%', comparator: '>=' }] })]
    const s = scoreDocument({ tasks: e, notTasks: ['附件:1.'] }, [
      found({ text: '进出口总额增长5%以上', targets: [{ value: 5, unit: '%', comparator: '=' }] }),
      found({ text: '附件:1.2022年区政府工作报告', targets: [{ value: 2022, unit: '年', comparator: '=' }] }),
    ])
    expect(s.tallies.targets).toEqual({ expected: 1, found: 2, hit: 0 })
    expect(s.tallies.tasks).toEqual({ expected: 1, found: 2, hit: 1 })
    expect(s.notTaskHits).toHaveLength(1)
  })

  it('names the expected tasks nobody found', () => {
    const s = scoreDocument({ tasks: [expected({ number: '3', text: '城区再新建1个农贸市场' })], notTasks: [] }, [])
    expect(s.missed).toEqual(['3 城区再新建1个农贸市场'])
    expect(rates(s.tallies.tasks)).toEqual({ recall: 0, precision: 1 })
  })
})

describe('corpus baseline', () => {
  it('reports a figure that fell below the recorded one, beyond rounding noise only', () => {
    const t = (hit: number) => ({ expected: 10, found: 10, hit })
    const before = figuresOf({ tasks: t(8), leads: t(5), coUnits: t(5), deadlines: t(5), targets: t(5) })
    const same = figuresOf({ tasks: t(8), leads: t(5), coUnits: t(5), deadlines: t(5), targets: t(5) })
    const worse = figuresOf({ tasks: t(7), leads: t(6), coUnits: t(5), deadlines: t(5), targets: t(5) })
    expect(drops(before, same)).toEqual([])
    expect(drops(before, worse)).toEqual(['tasks recall 0.7000 < 0.8000', 'tasks precision 0.7000 < 0.8000'])
  })
})
