import type { BarSeriesOption } from 'echarts/charts'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type Overview } from './types'

export interface UnitBarItem {
  value: number
  unitId: number
  status: Overview['byStatus'][number]['status']
}

/** Tasks per lead unit, stacked by status (horizontal: unit names are long). Busiest unit on top. */
export function unitStatusBar(overview: Overview): DubanChartOption {
  // the core sorts busiest first; a category axis draws bottom-up, so reverse for top-down reading
  const units = [...overview.byLeadUnit].reverse()
  const series: BarSeriesOption[] = overview.byStatus.map(({ status, label }) => ({
    type: 'bar',
    name: label,
    stack: 'tasks',
    barMaxWidth: 18,
    itemStyle: { color: STATUS_COLORS[status] },
    emphasis: { focus: 'series' },
    data: units.map((u): UnitBarItem => ({ value: u.counts[status], unitId: u.unitId, status })),
  }))
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    color: overview.byStatus.map((s) => STATUS_COLORS[s.status]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12, data: overview.byStatus.map((s) => s.label) },
    grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: units.map((u) => u.unitName),
      axisTick: { show: false },
      axisLabel: { color: '#3c4a5a', width: 150, overflow: 'truncate' },
    },
    series,
  }
}

/** Height that keeps bars readable however many units lead tasks. */
export function unitStatusBarHeight(overview: Overview): number {
  return Math.max(360, overview.byLeadUnit.length * 30 + 70)
}
