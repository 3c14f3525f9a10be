import { describe, expect, it } from 'vitest'
import type { PieSeriesOption } from 'echarts/charts'
import { statusPie } from '@/charts/options/statusPie'
import { drillDownOf } from '@/charts/options/types'
import { overview } from './overview.fixture'

const pie = () => (statusPie(overview).series as PieSeriesOption[])[0]

describe('statusPie', () => {
  it('is a ring', () => {
    expect(pie().type).toBe('pie')
    expect(pie().radius).toEqual(['48%', '70%'])
  })

  it('shows only statuses that have tasks, with counts, labels and fixed colours', () => {
    expect(pie().data).toEqual([
      { name: '已完成', value: 2, status: 'done', itemStyle: { color: '#2e7d32' } },
      { name: '正常推进', value: 5, status: 'on_track', itemStyle: { color: '#67c23a' } },
      { name: '进度滞后', value: 2, status: 'behind', itemStyle: { color: '#f08c00' } },
      { name: '逾期', value: 1, status: 'overdue', itemStyle: { color: '#d93025' } },
    ])
  })

  it('prints the total in the middle of the ring', () => {
    expect(statusPie(overview).title).toMatchObject({ text: '10', subtext: '项任务' })
  })

  it('a clicked slice drills down by status only', () => {
    const slice = (pie().data as object[])[3]
    expect(drillDownOf({ data: slice })).toEqual({ status: 'overdue' })
    expect(drillDownOf({ data: null })).toBeNull()
    expect(drillDownOf({ componentType: 'legend' })).toBeNull()
  })
})
