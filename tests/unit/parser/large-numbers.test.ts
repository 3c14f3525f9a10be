import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { parseMarker } from '../../../electron/core/importers/parser/numbering'

describe('task numbers above 999', () => {
  it('are markers like any other', () => {
    expect(parseMarker('1000. 开展寄递渠道安全专项整治')).toMatchObject({ kind: 'arabic', value: 1000, rest: '开展寄递渠道安全专项整治' })
    expect(parseMarker('1205、推进快递进村')).toMatchObject({ kind: 'arabic', value: 1205 })
    expect(parseMarker('（1024）完善末端网点')).toMatchObject({ kind: 'arabicParen', value: 1024 })
  })

  it('but a line opening with years is not item 2021', () => {
    expect(parseMarker('2021、2022年连续两年实现快递业务量增长')).toBeNull()
    expect(parseMarker('2020.年度考核结果')).toBeNull()
    expect(parseMarker('2.5亿件')).toBeNull()
  })

  it('are all kept, in order, with no gap reported, in a plan of 1,205 tasks', () => {
    const lines = ['某市邮政管理局2022年工作要点', '一、加强监管']
    for (let i = 1; i <= 1205; i++) lines.push(`${i}. 开展第${i}项专项整治。（市场监管处牵头）`)
    const draft = parsePlanText(lines.join('\n'))
    const tasks = draft.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 1205 }, (_, i) => i + 1))
    expect(tasks[999]).toMatchObject({ number: 1000, text: '开展第1000项专项整治。', leads: ['市场监管处'] })
    expect(tasks[998].text).toBe('开展第999项专项整治。')
    expect(draft.warnings.filter((w) => w.code === 'numbering_gap')).toEqual([])
  })
})
