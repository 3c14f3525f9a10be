import { describe, expect, it } from 'vitest'
import { extractResponsibility } from '../../../electron/core/importers/parser/responsibility'
import { parsePlanText } from '../../../electron/core/importers/parser'

describe('every way a document names who is responsible', () => {
  it.each([
    ['推进快递进村（牵头单位：市场监管处；配合单位：普遍服务处、办公室）', ['市场监管处'], ['普遍服务处', '办公室']],
    ['推进快递进村。责任单位：普遍服务处', ['普遍服务处'], []],
    ['推进快递进村（办公室负责）', ['办公室'], []],
    ['推进快递进村（市场监管处牵头，普遍服务处配合）', ['市场监管处'], ['普遍服务处']],
    ['推进快递进村。市场监管处牵头，普遍服务处配合。', ['市场监管处'], ['普遍服务处']],
    ['推进快递进村（市场监管处牵头，）', ['市场监管处'], []],
  ])('%s', (text, leads, coops) => {
    const r = extractResponsibility(text)
    expect([r.leads, r.coops]).toEqual([leads, coops])
    expect(r.text).toMatch(/^推进快递进村。?$/)
  })

  it('does not take “负责” inside a sentence for a lead', () => {
    expect(extractResponsibility('各快递企业要安排专人负责本企业的信用档案录入工作。').found).toBe(false)
  })

  it('keeps a table’s time column as the deadline, not in the task text', () => {
    const d = parsePlanText('一、监管\n1. 推进快递进村（牵头单位：市场监管处）（完成时限：6月底前）')
    const t = d.lists[0].sections[0].tasks[0]
    expect([t.text, t.leads, t.deadlineText]).toEqual(['推进快递进村', ['市场监管处'], '6月底前'])
  })
})
