import type { BarSeriesOption } from 'echarts/charts'
import type { Completion, Leader } from './overall'
import type { TaskDrill } from './drill'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type TaskStatus } from './types'

export type UnitFigures = Leader['units'][number]

export interface UnitBarItem {
  value: number
  unitId: number
  status: TaskStatus
  drill: TaskDrill
}

/** Tasks per lead unit, stacked by status (horizontal: unit names are long). Busiest unit on top. */
export function unitProgressBar(units: readonly UnitFigures[], overall: Completion, dark = false): DubanChartOption {
  const rows = [...units].reverse()
  const statuses = overall.byStatus.filter((s) => rows.some((u) => u.byStatus[s.status] > 0))
  const series: BarSeriesOption[] = statuses.map(({ status, label }) => ({
    type: 'bar',
    name: label,
    stack: 'tasks',
    barMaxWidth: dark ? 26 : 18,
    itemStyle: { color: STATUS_COLORS[status] },
    emphasis: { focus: 'series' },
    data: rows.map((u): UnitBarItem => ({
      value: u.byStatus[status],
      unitId: u.unitId,
      status,
      drill: { unitId: u.unitId, unitRole: 'lead', status },
    })),
  }))
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
    grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: dark ? 'rgba(90,130,180,0.25)' : '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.unitName),
      axisTick: { show: false },
      axisLabel: { color: dark ? '#c9d7ea' : '#3c4a5a', width: 150, overflow: 'truncate' },
    },
    series,
  }
}

export const unitProgressBarHeight = (units: readonly unknown[]) => Math.max(300, units.length * 34 + 70)

/** Completion rate and reporting punctuality per unit, side by side, in percent. */
export function unitRateBar(units: readonly UnitFigures[]): DubanChartOption {
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v as number}%` },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
    grid: { left: 12, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((u) => u.unitName),
      axisTick: { show: false },
      axisLabel: { color: '#3c4a5a', interval: 0, width: 80, overflow: 'truncate' },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'bar',
        name: '完成率',
        barMaxWidth: 22,
        itemStyle: { color: '#2e7d32' },
        label: { show: true, position: 'top', formatter: '{c}%', color: '#3c4a5a', fontSize: 11 },
        data: units.map((u) => ({ value: u.completionRate, drill: { unitId: u.unitId, unitRole: 'lead', status: 'done' } as TaskDrill })),
      },
      {
        type: 'bar',
        name: '按时报送率',
        barMaxWidth: 22,
        itemStyle: { color: '#2f6fb0' },
        label: { show: true, position: 'top', formatter: '{c}%', color: '#3c4a5a', fontSize: 11 },
        data: units.map((u) => ({ value: u.punctuality.rate, drill: { unitId: u.unitId, unitRole: 'lead' } as TaskDrill })),
      },
    ],
  }
}
