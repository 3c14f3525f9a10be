import { describe, expect, it } from 'vitest'
import type { BarSeriesOption } from 'echarts/charts'
import { unitStatusBar, unitStatusBarHeight } from '@/charts/options/unitStatusBar'
import { STATUS_COLORS, drillDownOf } from '@/charts/options/types'
import { overview } from './overview.fixture'

const series = () => unitStatusBar(overview).series as BarSeriesOption[]

describe('unitStatusBar', () => {
  it('has one stacked series per status, in the core order, named by the core labels', () => {
    expect(series().map((s) => s.name)).toEqual(['已完成', '正常推进', '未开始', '临期', '进度滞后', '逾期'])
    expect(new Set(series().map((s) => s.stack))).toEqual(new Set(['tasks']))
  })

  it('gives every status its fixed colour', () => {
    const colours = series().map((s) => (s.itemStyle as { color: string }).color)
    expect(colours).toEqual(['#2e7d32', '#67c23a', '#909399', '#e6a23c', '#f08c00', '#d93025'])
    expect(STATUS_COLORS.overdue).toBe('#d93025')
  })

  it('puts the busiest unit on top (category axes draw bottom-up)', () => {
    const yAxis = unitStatusBar(overview).yAxis as { type: string; data: string[] }
    expect(yAxis.type).toBe('category')
    expect(yAxis.data).toEqual(['办公室', '市场监管处'])
  })

  it('carries the counts and a drill-down payload on every bar segment', () => {
    const overdue = series().find((s) => s.name === '逾期')!
    expect(overdue.data).toEqual([
      { value: 0, unitId: 1, status: 'overdue' },
      { value: 1, unitId: 3, status: 'overdue' },
    ])
    expect(drillDownOf({ data: (overdue.data as object[])[1] })).toEqual({ unitId: 3, status: 'overdue' })
  })

  it('grows with the number of units but never below a readable minimum', () => {
    expect(unitStatusBarHeight(overview)).toBe(360)
    const many = { ...overview, byLeadUnit: Array.from({ length: 20 }, (_, i) => ({ ...overview.byLeadUnit[0], unitId: i + 1 })) }
    expect(unitStatusBarHeight(many)).toBe(20 * 30 + 70)
  })
})
