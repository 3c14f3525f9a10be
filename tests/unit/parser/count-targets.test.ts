import { describe, expect, it } from 'vitest'
import { findListCounts, withCountRules } from '../../../electron/core/importers/parser/count-targets'
import { findTargets, withoutRestatedGoals } from '../../../electron/core/importers/parser/targets'

const brief = (ts: { value: number; unit: string; comparator: string }[]) => ts.map((t) => `${t.value}${t.unit}${t.comparator}`)

describe('counts and scope thresholds', () => {
  it('reads the count that closes a list of named places as a goal', () => {
    expect(brief(findListCounts('建成投用沿浦、宜山、莒溪等8家卫生院'))).toEqual(['8家='])
    expect(brief(findListCounts('打通县城人民大道(苍南大道至山海大道)等12条断头路。'))).toEqual(['12条='])
  })

  it('reads the count right after the last name of a 、-list without 等, but not a breakdown of figures', () => {
    expect(brief(findListCounts('增加三利广场商圈、成都农村商业银行网点2个“就近办”“多点办”点位'))).toEqual(['2个='])
    expect(brief(findListCounts('新建幼儿园15所,其中,中心城区6所、学位1680个'))).toEqual([])
    expect(brief(findListCounts('完成住建、交通2个月的专项检查'))).toEqual([])
  })

  it('reads no goal in the count of a list that no goal verb leads to (the sectors a policy covers)', () => {
    expect(
      brief(
        findListCounts(
          '在已实施制造业等6个行业留抵退税政策的基础上,按要求在新扩围的批发和零售业,教育,文化、体育和娱乐业等7个行业,实施按月全额退还',
        ),
      ),
    ).toEqual([])
    expect(brief(findListCounts('完成邓城大道生资市场等46个积水渍涝点改造。'))).toEqual(['46个='])
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

describe('a list that names its verb once', () => {
  it('reads every figure of the list as a goal of that verb', () => {
    expect(brief(findTargets('新增屋顶光伏装机5万千瓦, 家庭屋顶光伏1.2万户, 家庭屋顶装机容量2.4万千瓦。'))).toEqual([
      '5万千瓦=',
      '1.2万户=',
      '2.4万千瓦=',
    ])
    expect(brief(findTargets('新增托位1140个,普惠托位685个'))).toEqual(['1140个=', '685个='])
  })

  it('reads every figure of a 、-list under one verb as a goal', () => {
    expect(brief(findTargets('新增托位1140个、普惠托位685个、示范园3个。'))).toEqual(['1140个=', '685个=', '3个='])
    expect(brief(findTargets('新增屋顶光伏装机5万千瓦、家庭屋顶光伏1.2万户'))).toEqual(['5万千瓦=', '1.2万户='])
    // a 、 between names is no break: the list of places stays one object
    expect(brief(findTargets('建成沿浦、宜山卫生院2家'))).toEqual(['2家='])
  })

  it('gives the next items of a list the verb’s comparison, not a bound or qualifier of the first figure alone', () => {
    expect(brief(findTargets('培育市级示范单位不少于40个、示范街区4个。'))).toEqual(['40个>=', '4个='])
    expect(brief(findTargets('新增托位1140个以上,普惠托位685个'))).toEqual(['1140个>=', '685个='])
    // a bound that is the only verb, or that comes before the verb, holds for the whole list
    expect(brief(findTargets('森林覆盖率不低于40%、湿地保护率50%'))).toEqual(['40%>=', '50%>='])
    expect(brief(findTargets('至少新建示范点5个,示范街区2个'))).toEqual(['5个>=', '2个>='])
  })

  it('counts a goal a task states twice (in its goal, then in a measure) once', () => {
    const text = '培育示范单位不少于40个、示范街区4个。1.开展培育活动,培育示范单位不少于40个、街区4个、示范协会4个。'
    expect(brief(withoutRestatedGoals(findTargets(text)))).toEqual(['40个>=', '4个=', '4个='])
    expect(withoutRestatedGoals(findTargets(text)).map((t) => t.about)).toEqual(['培育示范单位', '示范街区', '示范协会'])
    // the same figure for different things stays twice
    expect(brief(withoutRestatedGoals(findTargets('新建幼儿园3所,改造小学3所。')))).toEqual(['3所=', '3所='])
  })

  it('reads 改造, 开通, 开办 and 打造 as goal verbs', () => {
    expect(brief(findTargets('开办500个小学生爱心暑托班'))).toEqual(['500个='])
    expect(brief(findTargets('打造60条敬老爱老服务公交线路'))).toEqual(['60条='])
    expect(brief(findTargets('全市改造老旧小区118个,其中,中心城区53个。'))).toEqual(['118个='])
    expect(brief(findTargets('新开通中心城区到近郊镇公交线路2条'))).toEqual(['2条='])
  })

  it('reads 万人 and 万名 as units', () => {
    expect(brief(findTargets('完成生态搬迁1.5万人。为7万名学龄儿童实施免费窝沟封闭。'))).toEqual(['1.5万人=', '7万名='])
  })

  it('does not carry the verb past a full stop, to a breakdown, to who is affected, or from 约', () => {
    expect(brief(findTargets('新增托位1140个。普惠托位685个'))).toEqual(['1140个='])
    expect(brief(findTargets('完成投资10亿元,其中中央资金5亿元'))).toEqual(['10亿元='])
    expect(brief(findTargets('开工老旧小区改造项目 50个,约 605 万平方米,涉及居民 6.2 万户'))).toEqual(['50个=', '605万平方米='])
    expect(brief(findTargets('约 605 万平方米,居民6.2万户'))).toEqual(['605万平方米='])
  })
})

describe('targets written with separators, ranges and words', () => {
  const one = (text: string) => {
    const found = findTargets(text)
    expect(found).toHaveLength(1)
    return found[0]
  }

  it('reads thousands separators without breaking the clause at the comma', () => {
    expect(one('全年新增就业岗位达到12,000个')).toMatchObject({ value: 12000, unit: '个', comparator: '=', text: '12,000个' })
    expect(one('完成高标准农田建设约 1,500 亩')).toMatchObject({ value: 1500, unit: '亩' })
  })

  it('reads a range as met at its lower end', () => {
    expect(one('新建城市书房3-5个')).toMatchObject({ value: 3, unit: '个', comparator: '>=', text: '3-5个' })
    expect(one('培育龙头企业10至15家')).toMatchObject({ value: 10, unit: '家', comparator: '>=', text: '10至15家' })
  })

  it('reads 至少 and 超过 as lower bounds', () => {
    expect(one('每个乡镇至少建成1个快递服务站')).toMatchObject({ value: 1, comparator: '>=' })
    expect(one('快递业务量超过5亿件')).toMatchObject({ value: 5, unit: '亿件', comparator: '>' })
  })

  it('reads 减半 as a 50% reduction of its subject', () => {
    expect(one('较大以上安全事故起数减半')).toMatchObject({ value: 50, unit: '%', comparator: '>=', text: '减半' })
    expect(findTargets('一半以上的建制村通快递')).toHaveLength(0)
  })

  it('keeps a comma between two numbers of a list as a break', () => {
    expect(findTargets('新建公园2个,建成绿地3处').map((t) => t.value)).toEqual([2, 3])
  })
})

describe('scope thresholds with an aside', () => {
  it('a figure with 以下 qualifying a noun after a bracketed aside is not a goal', () => {
    const text = '辖区范围内6亩以下（不含6亩）的土地使用转让手续，区政府审查后办理'
    expect(withCountRules(text, findTargets(text))).toEqual([])
  })
})
