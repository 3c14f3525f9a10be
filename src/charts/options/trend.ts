import type { Leader } from './overall'
import { FONT_FAMILY, type DubanChartOption } from './types'

export type TrendPoint = Leader['trend'][number]

/** '2021-03' → '3月'; another year's months keep their year. */
export function monthLabel(period: string, year?: number): string {
  const [y, m] = period.split('-').map(Number)
  return year === undefined || y === year ? `${m}月` : `${y}年${m}月`
}

/** Average actual against planned progress at each month's end, with the number of tasks closed. */
export function trendLine(points: readonly TrendPoint[], opts: { year?: number; dark?: boolean } = {}): DubanChartOption {
  const muted = opts.dark ? '#c9d7ea' : '#3c4a5a'
  const split = opts.dark ? 'rgba(90,130,180,0.25)' : '#eef0f4'
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, data: ['实际平均进度', '计划平均进度', '累计完成任务'] },
    grid: { left: 12, right: 12, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => monthLabel(p.period, opts.year)),
      axisTick: { show: false },
      axisLabel: { color: muted },
    },
    yAxis: [
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: muted }, splitLine: { lineStyle: { color: split } } },
      { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}项', color: muted }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: '累计完成任务',
        yAxisIndex: 1,
        barMaxWidth: 16,
        itemStyle: { color: opts.dark ? 'rgba(103,194,58,0.55)' : '#cfe8c4' },
        data: points.map((p) => ({ value: p.done ?? '-', drill: { status: 'done' as const } })),
      },
      {
        type: 'line',
        name: '计划平均进度',
        smooth: false,
        symbol: 'emptyCircle',
        lineStyle: { type: 'dashed', color: opts.dark ? '#9fb3cc' : '#8a94a6', width: 2 },
        itemStyle: { color: opts.dark ? '#9fb3cc' : '#8a94a6' },
        data: points.map((p) => ({ value: p.plannedPct, drill: {} })),
      },
      {
        type: 'line',
        name: '实际平均进度',
        symbol: 'circle',
        connectNulls: false,
        lineStyle: { color: opts.dark ? '#4fc3f7' : '#1f4e79', width: 3 },
        itemStyle: { color: opts.dark ? '#4fc3f7' : '#1f4e79' },
        areaStyle: { color: opts.dark ? 'rgba(79,195,247,0.15)' : 'rgba(31,78,121,0.08)' },
        data: points.map((p) => ({ value: p.actualPct ?? '-', drill: {} })),
      },
    ],
  }
}
