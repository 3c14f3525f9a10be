import { describe, it, expect } from 'vitest'
import { parseMarker, chineseToNumber, numberToChinese } from '../../../electron/core/importers/parser/numbering'
import { extractResponsibility, splitNames } from '../../../electron/core/importers/parser/responsibility'
import { findDeadline } from '../../../electron/core/importers/parser/deadline'
import { findTargets } from '../../../electron/core/importers/parser/targets'
import { normalizeLine, isFurniture } from '../../../electron/core/importers/parser/lines'
import { parseDocNumber, parseIssueDate } from '../../../electron/core/importers/parser/metadata'
import { listNameFrom, detectListHeading } from '../../../electron/core/importers/parser/lists'

describe('numbering', () => {
  it.each([
    ['一、坚持党的领导', 'cn', 1, '坚持党的领导'],
    ['十二、其他', 'cn', 12, '其他'],
    ['（一）政府推动', 'cnParen', 1, '政府推动'],
    ['(三) 统筹规划', 'cnParen', 3, '统筹规划'],
    ['1. 开展学习', 'arabic', 1, '开展学习'],
    ['12、加强宣传', 'arabic', 12, '加强宣传'],
    ['3．推进建设', 'arabic', 3, '推进建设'],
    ['（1）完善制度', 'arabicParen', 1, '完善制度'],
    ['(2) 强化监管', 'arabicParen', 2, '强化监管'],
    ['③ 开展评比', 'circled', 3, '开展评比'],
  ])('%s', (line, kind, value, rest) => {
    expect(parseMarker(line)).toMatchObject({ kind, value, rest })
  })

  it.each(['2021年是建党100周年', '2.5亿件快递', '一是坚持', '普通段落', '1.', ''])('no marker in %s', (line) => {
    expect(parseMarker(line)).toBeNull()
  })

  it('reads Chinese numerals', () => {
    expect([chineseToNumber('七'), chineseToNumber('十'), chineseToNumber('十七'), chineseToNumber('二十三')]).toEqual([7, 10, 17, 23])
    expect(chineseToNumber('abc')).toBeNaN()
  })
})

describe('responsibility', () => {
  it.each([
    ['开展学习。（办公室牵头）', ['办公室'], [], '开展学习。', 'bracket'],
    ['推动工程。（市场监管处、普遍服务处牵头）', ['市场监管处', '普遍服务处'], [], '推动工程。', 'bracket'],
    ['推进建设。（市场监管处牵头，）', ['市场监管处'], [], '推进建设。', 'bracket'],
    ['加强监管。（市场监管处牵头，办公室配合）', ['市场监管处'], ['办公室'], '加强监管。', 'bracket'],
    ['加强监管。(市场监管处牵头,办公室、协会配合)', ['市场监管处'], ['办公室', '协会'], '加强监管。', 'bracket'],
    ['做好统计。牵头单位：市场监管处；配合单位：办公室、普遍服务处', ['市场监管处'], ['办公室', '普遍服务处'], '做好统计。', 'label'],
    ['做好统计。（牵头单位：市场监管处；配合单位：办公室）', ['市场监管处'], ['办公室'], '做好统计。', 'bracket'],
    ['做好统计。责任单位：普遍服务处', ['普遍服务处'], [], '做好统计。', 'label'],
    ['做好统计。（普遍服务处负责）', ['普遍服务处'], [], '做好统计。', 'bracket'],
    ['推进合作。（市场监管处和普遍服务处牵头）', ['市场监管处', '普遍服务处'], [], '推进合作。', 'bracket'],
    ['推进合作。（发展和改革委员会牵头）', ['发展和改革委员会'], [], '推进合作。', 'bracket'],
  ])('%s', (text, leads, coops, rest, rule) => {
    expect(extractResponsibility(text)).toEqual({ leads, coops, text: rest, found: true, rule })
  })

  it('leaves other brackets alone', () => {
    const r = extractResponsibility('可循环快递箱（盒）使用量达10万个')
    expect(r).toEqual({ leads: [], coops: [], text: '可循环快递箱（盒）使用量达10万个', found: false })
  })

  it('splits names on 、，,和及', () => {
    expect(splitNames('办公室、市场监管处，普遍服务处,协会及安全中心')).toEqual(['办公室', '市场监管处', '普遍服务处', '协会', '安全中心'])
  })
})

describe('deadlines', () => {
  it.each([
    ['3月底前完成', '2021-03-31', '3月底前'],
    ['6月底前出台方案', '2021-06-30', '6月底前'],
    ['年底前建成', '2021-12-31', '年底前'],
    ['上半年完成', '2021-06-30', '上半年'],
    ['第三季度开展', '2021-09-30', '第三季度'],
    ['2021年6月30日前报送', '2021-06-30', '2021年6月30日前'],
    ['全年培训2000人次', '2021-12-31', '全年'],
    ['十月底前完成', '2021-10-31', '十月底前'],
    ['2月底前', '2021-02-28', '2月底前'],
  ])('%s', (text, date, words) => {
    expect(findDeadline(text, 2021)).toEqual({ date, text: words })
  })

  it('keeps ongoing work undated', () => {
    expect(findDeadline('长期坚持开展', 2021)).toEqual({ date: null, text: '长期坚持' })
    expect(findDeadline('常态化开展快递工程专业职称评审工作', 2021)).toEqual({ date: null, text: '常态化' })
    expect(findDeadline('常态化', 2021)).toEqual({ date: null, text: '常态化' })
    // an adjective of a noun, not a time: 建立常态化疫情防控机制
    expect(findDeadline('建立常态化疫情防控机制,全面落实科学防控', 2021)).toBeNull()
    expect(findDeadline('开展学习教育', 2021)).toBeNull()
  })

  it('keeps the words when the plan year is unknown', () => {
    expect(findDeadline('6月底前完成', null)).toEqual({ date: null, text: '6月底前' })
  })

  it('takes the latest of several dates', () => {
    expect(findDeadline('3月底前制定方案，9月底前完成验收', 2021)?.date).toBe('2021-09-30')
  })

  it('does not take the day something starts (…起) for a deadline', () => {
    expect(findDeadline('自2019年1月1日起按标准调整到位', 2019)).toBeNull()
    expect(findDeadline('2022年5月1日起施行，6月底前完成清理', 2022)).toEqual({ date: '2022-06-30', text: '6月底前' })
  })
})

describe('targets', () => {
  it('reads an indicator measured in years after 年限/寿命, but no other figure in 年', () => {
    expect(findTargets('劳动年龄人口平均受教育年限12.5年。').map((t) => [t.value, t.unit, t.comparator, t.about])).toEqual([
      [12.5, '年', '=', '劳动年龄人口平均受教育年限'],
    ])
    expect(findTargets('人均预期寿命达到79岁以上').map((t) => [t.value, t.unit, t.comparator])).toEqual([[79, '岁', '>=']])
    expect(findTargets('用3年时间完成改造')).toEqual([])
  })

  it('does not read a span of time counted with 个 (4个工作小时, 3个月) as a goal', () => {
    expect(findTargets('严格落实企业开办4个工作小时办结制,缩短企业开办时间')).toEqual([])
    expect(findTargets('完成3个月的集中整治')).toEqual([])
    expect(findTargets('新建5个社区服务站').map((t) => t.value)).toEqual([5])
  })

  it('reads comparators from 以上, 超 and 达到', () => {
    const t = findTargets('电商快件不再二次包装率保持在95%以上，全年培训从业人员力争超2000人次，建制村通达率达到100%。')
    expect(t.map((x) => [x.value, x.unit, x.comparator, x.about])).toEqual([
      [95, '%', '>=', '电商快件不再二次包装率'],
      [2000, '人次', '>', '培训从业人员'],
      [100, '%', '=', '建制村通达率'],
    ])
    expect(t[0].text).toBe('95%以上')
  })

  it('ignores years, anniversaries, quoted names and adjectives', () => {
    expect(findTargets('落实“29551”工程，开展过度包装2个专项治理，庆祝建党100周年，完成2018-2020年创建，落实苏州邮管〔2021〕21号')).toEqual(
      [],
    )
  })

  it('reads 不低于 and 以内', () => {
    const t = findTargets('满意率不低于90%，投诉处理时限控制在7天以内')
    expect(t.map((x) => [x.value, x.unit, x.comparator])).toEqual([
      [90, '%', '>='],
      [7, '天', '<='],
    ])
  })
})

describe('lines and metadata', () => {
  it('normalises odd spaces and full-width digits', () => {
    expect(normalizeLine('\u3000\u00A0１２．加强　宣传 \t')).toBe('12.加强 宣传')
  })

  it.each(['（此件公开发布）', '- 3 -', '—12—', '第 2 页 共 9 页'])('drops furniture %s', (line) => {
    expect(isFurniture(line)).toBe(true)
  })

  it('reads document numbers and dates', () => {
    expect(parseDocNumber('苏州邮管〔2021〕21号')).toBe('苏州邮管〔2021〕21号')
    expect(parseDocNumber('苏州邮管[2021]21号')).toBe('苏州邮管〔2021〕21号')
    expect(parseIssueDate('2021年4月9日')).toBe('2021-04-09')
    expect(parseIssueDate('二〇二一年四月九日')).toBe('2021-04-09')
    expect(parseIssueDate('2021年2月30日')).toBeNull()
  })

  it('names lists from their headings', () => {
    expect(listNameFrom('2021年邮政业更贴近民生七件实事分工安排')).toBe('更贴近民生七件实事')
    expect(listNameFrom('2021年邮政快递业更贴近民生7件实事分工安排')).toBe('更贴近民生七件实事')
    expect(detectListHeading('着力抓好9项重点工作：')).toMatchObject({ name: '重点工作', kind: 'key_works' })
    expect(detectListHeading('苏州市邮政管理局2021年工作要点')).toMatchObject({ name: '工作要点', kind: 'work_points' })
    expect(detectListHeading('苏州市邮政管理局关于印发2021年工作要点的通知')).toBeNull()
  })
})

describe('numberToChinese', () => {
  it('writes section numbers as documents do, and round-trips with chineseToNumber', () => {
    expect([1, 10, 12, 20, 23, 99].map(numberToChinese)).toEqual(['一', '十', '十二', '二十', '二十三', '九十九'])
    for (let n = 1; n < 100; n++) expect(chineseToNumber(numberToChinese(n))).toBe(n)
    expect(numberToChinese(120)).toBe('120')
  })
})
