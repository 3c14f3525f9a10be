import { describe, expect, it } from 'vitest'
import { readResponsibility } from '../../../electron/core/importers/parser/responsibility-reader'

describe('reading who leads an item', () => {
  it('keeps the original characters of the item while reading a traditional note', () => {
    const r = readResponsibility('全面實施行政許可事項清單管理。(市政府辦公室、市審改辦牽頭,市級各有關部門及各縣市區政府按職責分工負責)')
    expect(r).toEqual({
      leads: ['市政府办公室', '市审改办'],
      coops: ['市级各有关部门', '各县市区政府'],
      text: '全面實施行政許可事項清單管理。',
      found: true,
      rule: 'bracket',
    })
  })

  it('removes a labelled note and every labelled bracket after it from the item text', () => {
    const r = readResponsibility('推进快递进村（牵头单位：市场监管处；配合单位：普遍服务处）（完成时限：6月底前）')
    expect(r).toMatchObject({ leads: ['市场监管处'], coops: ['普遍服务处'], text: '推进快递进村' })
  })

  it('reads a nested closing bracket', () => {
    const r = readResponsibility('持续加大简政放权力度。(责任单位:市行政审批局、住建局,各市(区)人民政府,医药高新区管委会)')
    expect(r.leads).toEqual(['市行政审批局', '住建局', '各市(区)人民政府', '医药高新区管委会'])
    expect(r.text).toBe('持续加大简政放权力度。')
  })

  it('falls back to the established reader for a closing sentence', () => {
    const r = readResponsibility('做好旺季服务保障工作。市场监管处牵头，普遍服务处配合。')
    expect(r).toMatchObject({ leads: ['市场监管处'], coops: ['普遍服务处'], found: true })
  })

  it('finds nothing in an item that names no unit', () => {
    expect(readResponsibility('扩大大豆和油料生产。实施玉米大豆带状复合种植。')).toMatchObject({ leads: [], coops: [], found: false })
  })
})
