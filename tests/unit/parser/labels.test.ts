import { describe, expect, it } from 'vitest'
import { readDutyClauses, readLabelledNote } from '../../../electron/core/importers/parser/labels'

describe('label/value responsibility notes', () => {
  it('takes 责任单位 beside 牵头单位 as co-units', () => {
    const n = readLabelledNote('努力实现地区生产总值增长6.2%左右。牵头单位:区发改局责任单位:立山经济开发区,全区经济运行各专班')
    expect(n).toMatchObject({ leads: ['区发改局'], coops: ['立山经济开发区', '全区经济运行各专班'] })
    expect(n!.start).toBe('努力实现地区生产总值增长6.2%左右。'.length)
  })

  it('takes a sole 责任单位 as the leads', () => {
    expect(
      readLabelledNote(
        '加强市场体系建设。〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕',
      ),
    ).toMatchObject({
      leads: ['省发展改革委', '省市场监管局', '商务厅', '省大数据中心'],
      coops: [],
    })
  })

  it('ignores people and progress given as labels', () => {
    const n = readLabelledNote(
      '地区生产总值比上年增长8.5%左右。牵头负责领导:宁波。牵头责任单位:市发展和改革委员会。协同责任单位:市政府各部门、各直属单位。完成时限:2021年12月31日',
    )
    expect(n).toMatchObject({ leads: ['市发展和改革委员会'], coops: ['市政府各部门', '各直属单位'] })
    expect(readLabelledNote('牵头领导:林静国 项目责任人:尹文德 实际完成情况:已完成。')).toBeNull()
  })

  it('starts a bracketed note at its bracket, and stops a value where its bracket closes', () => {
    const text = '地区生产总值增长11%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]'
    const n = readLabelledNote(text)
    expect(n).toMatchObject({ leads: ['县发改局(粮食局)'], coops: ['各镇人民政府', '嘉鱼经济开发区'] })
    expect(text[n!.start]).toBe('[')
    expect(readLabelledNote('推进快递进村（牵头单位：市场监管处）（完成时限：6月底前）')).toMatchObject({ leads: ['市场监管处'] })
  })

  it('reads a bureau’s own sections named with 科室 labels', () => {
    expect(readLabelledNote('落实中心组学习列席旁听制度。(责任科室:组干科、机关党委)')).toMatchObject({
      leads: ['组干科', '机关党委'],
      coops: [],
    })
    expect(readLabelledNote('推进快递进村。牵头科室:市场监管科;配合科室:普遍服务科')).toMatchObject({
      leads: ['市场监管科'],
      coops: ['普遍服务科'],
    })
  })

  it('reads 部门分工:X牵头，Y配合', () => {
    expect(readLabelledNote('地区生产总值增长6%以上。分管省领导:林克庆 部门分工:省发展改革委牵头,各地、各部门配合。')).toMatchObject({
      leads: ['省发展改革委'],
      coops: ['各地', '各部门'],
    })
  })

  it('finds nothing in prose that merely mentions a label word', () => {
    expect(readLabelledNote('各牵头单位要加强统筹,责任单位要积极配合。')).toBeNull()
  })
})

describe('duty clauses', () => {
  it('makes units 按职责分工负责 beside a lead its co-units, and the lead when alone', () => {
    expect(readDutyClauses('市政府办公室、市审改办牵头,市级各有关部门及各县市区政府按职责分工负责')).toEqual({
      leads: ['市政府办公室', '市审改办'],
      coops: ['市级各有关部门', '各县市区政府'],
    })
    expect(readDutyClauses('省发展改革委、商务厅按职责分工负责')).toEqual({ leads: ['省发展改革委', '商务厅'], coops: [] })
  })

  it('reads X牵头，Y配合 and X负责', () => {
    expect(readDutyClauses('区政务服务局牵头,区发改局、区级相关部门配合')).toEqual({
      leads: ['区政务服务局'],
      coops: ['区发改局', '区级相关部门'],
    })
    expect(readDutyClauses('办公室负责')).toEqual({ leads: ['办公室'], coops: [] })
  })

  it('makes units 负责落实 beside a lead its co-units, as 按职责分工负责 does', () => {
    expect(readDutyClauses('市政府办公厅牵头,各区政府、市政府各部门负责落实')).toEqual({
      leads: ['市政府办公厅'],
      coops: ['各区政府', '市政府各部门'],
    })
    expect(readDutyClauses('市财政局负责,市税务局配合')).toEqual({ leads: ['市财政局'], coops: ['市税务局'] })
  })
})

describe('lists that run over several clauses, and a first-listed lead', () => {
  it('carries units of a clause without a duty word into the next clause', () => {
    expect(readDutyClauses('区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合')).toEqual({
      leads: ['区发改局'],
      coops: ['区财政局', '区水务局', '区国投公司', '各街道办事处'],
    })
  })

  it('reads a first-listed lead and drops the remark when it follows the list after a comma', () => {
    expect(readLabelledNote('落实车船税政策。(责任单位:市税务局、市财政局,排在首位的为牵头单位,下同)')).toMatchObject({
      leads: ['市税务局'],
      coops: ['市财政局'],
    })
    expect(readDutyClauses('省发展改革委、省财政厅、省人力资源社会保障厅等负责,列第一位者为牵头单位,下同')).toEqual({
      leads: ['省发展改革委'],
      coops: ['省财政厅', '省人力资源社会保障厅'],
    })
  })

  it('makes the first unit of 责任单位 the lead when the note says the first listed leads', () => {
    expect(readLabelledNote('支持企业发展。责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)')).toMatchObject({
      leads: ['市经信局'],
      coops: ['市财政局', '市税务局'],
    })
  })
})
