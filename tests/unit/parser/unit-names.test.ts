import { describe, expect, it } from 'vitest'
import { cleanUnitName, splitUnits } from '../../../electron/core/importers/parser/unit-names'

describe('splitting unit names', () => {
  it('keeps separators inside brackets as part of the name', () => {
    expect(splitUnits('市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)')).toEqual([
      '市疫情防控指挥部办公室',
      '市卫生健康委',
      '各县(市、区)政府(管委会)',
    ])
    expect(splitUnits('县发改局（粮食局）；县财政局')).toEqual(['县发改局（粮食局）', '县财政局'])
  })

  it('splits on 、，,；/ and on 及/和 between units, and drops a closing 等 or 等部门', () => {
    expect(splitUnits('区财政局、区水务局等部门,区国投公司、各街道办事处')).toEqual(['区财政局', '区水务局', '区国投公司', '各街道办事处'])
    expect(splitUnits('市级各有关部门及各县市区政府')).toEqual(['市级各有关部门', '各县市区政府'])
    expect(splitUnits('市场监管处/普遍服务处')).toEqual(['市场监管处', '普遍服务处'])
  })

  it('drops a closing 等 that names a level of government (等省有关部门, 等市直单位), but keeps 等区 in a name', () => {
    expect(splitUnits('能源局等省有关部门和各地级以上市人民政府')).toEqual(['能源局', '各地级以上市人民政府'])
    expect(splitUnits('市财政局、市税务局等市直单位')).toEqual(['市财政局', '市税务局'])
    expect(cleanUnitName('南山、福田等区')).toBe('南山、福田等区')
  })

  it('does not cut a name at 和 inside brackets or when the left side is no unit', () => {
    expect(splitUnits('市文化和旅游局')).toEqual(['市文化和旅游局'])
    expect(splitUnits('省文化和旅游厅、省税务局')).toEqual(['省文化和旅游厅', '省税务局'])
  })

  it('reads 市直有关部门、单位 as one group', () => {
    expect(splitUnits('市直有关部门、单位,各区市政府、开发区管委')).toEqual(['市直有关部门、单位', '各区市政府', '开发区管委'])
  })

  it("keeps a name that shares the next name's suffix (各乡、镇人民政府) as one name", () => {
    expect(splitUnits('市统计局,各乡、镇人民政府,人民大垸、荒湖管理区,监利经济开发区')).toEqual([
      '市统计局',
      '各乡、镇人民政府',
      '人民大垸、荒湖管理区',
      '监利经济开发区',
    ])
    expect(splitUnits('各县、市人民政府')).toEqual(['各县、市人民政府'])
    // names that end like units, or a generic group, are not glued
    expect(splitUnits('各乡、县财政局')).toEqual(['各乡', '县财政局'])
    expect(splitUnits('各相关单位、各乡镇人民政府')).toEqual(['各相关单位', '各乡镇人民政府'])
    expect(splitUnits('区发改局、区人民政府')).toEqual(['区发改局', '区人民政府'])
  })

  it('drops a time written after the units in the same note', () => {
    expect(splitUnits('州司法局、州委编办及州直相关单位,各县市人民政府,6月底完成')).toEqual([
      '州司法局',
      '州委编办',
      '州直相关单位',
      '各县市人民政府',
    ])
    expect(splitUnits('市财政局,2022年底前')).toEqual(['市财政局'])
    expect(splitUnits('区行政审批服务局,年底前完成')).toEqual(['区行政审批服务局'])
  })

  it('strips duty words and unbalanced brackets from a name', () => {
    expect(cleanUnitName('省大数据中心按职责分工负责')).toBe('省大数据中心')
    expect(cleanUnitName('医药高新区管委会)')).toBe('医药高新区管委会')
    expect(cleanUnitName('各县(市、区)人民政府')).toBe('各县(市、区)人民政府')
  })
})
