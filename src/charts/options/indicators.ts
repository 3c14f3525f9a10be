import { escapeHtml } from '@/utils/html'
import type { Leader } from './overall'
import type { TaskDrill } from './drill'
import { FONT_FAMILY, type DubanChartOption } from './types'

export type IndicatorFigure = Leader['indicators'][number]

export function attainmentColor(i: IndicatorFigure): string {
  if (i.latest === null) return '#c0c4cc'
  return i.met ? '#2e7d32' : '#f08c00'
}

/** A percent bar is capped so one runaway indicator does not flatten the rest. */
const CAP = 150

const drillOf = (i: IndicatorFigure): TaskDrill => (i.taskId === null ? {} : { open: i.taskId })

/** Latest actual as a percent of target for every indicator; no actual yet shows as a grey stub. */
export function indicatorBar(indicators: readonly IndicatorFigure[]): DubanChartOption {
  const rows = [...indicators].reverse()
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const i = rows[(p as { dataIndex: number }).dataIndex]
        const unit = escapeHtml(i.unit)
        const latest = i.latest ? `${escapeHtml(i.latest.value)}${unit}（${escapeHtml(i.latest.period)}）` : '暂无填报'
        const comparator = i.comparator === '>=' ? '≥' : i.comparator === '<=' ? '≤' : ''
        return `${escapeHtml(i.name)}<br/>目标：${comparator}${escapeHtml(i.target)}${unit}<br/>最新：${latest}`
      },
    },
    grid: { left: 12, right: 90, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: CAP, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: rows.map((i) => i.name),
      axisTick: { show: false },
      axisLabel: { color: '#3c4a5a', width: 230, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '目标完成度',
        barMaxWidth: 12,
        showBackground: true,
        backgroundStyle: { color: '#f3f5f8' },
        label: {
          show: true,
          position: 'right',
          color: '#3c4a5a',
          fontSize: 11,
          formatter: (p) => {
            const i = rows[p.dataIndex]
            return i.latest ? `${i.latest.value}/${i.target}${i.unit}` : '暂无填报'
          },
        },
        data: rows.map((i) => ({
          value: i.attainment === null ? 0 : Math.min(i.attainment, CAP),
          drill: drillOf(i),
          itemStyle: { color: attainmentColor(i) },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#d93025', type: 'dashed' },
          label: { formatter: '目标', color: '#d93025' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  }
}

export const indicatorBarHeight = (indicators: readonly unknown[]) => Math.max(260, indicators.length * 28 + 50)

/** Multi-year indicators (2020 baseline → 2025 target): the planned trajectory against the yearly actuals. */
export function indicatorTrajectory(i: IndicatorFigure): DubanChartOption | null {
  if (!i.trajectory) return null
  const drill = drillOf(i)
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: i.name, left: 'center', top: 0, textStyle: { fontSize: 13, color: '#1f2d3d', fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === undefined || v === null ? '—' : `${v as number}${i.unit}`) },
    legend: { bottom: 0, left: 'center', itemWidth: 14, itemHeight: 10, data: ['规划值', '实际值'] },
    grid: { left: 8, right: 16, top: 32, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: i.trajectory.map((p) => `${p.year}年`), axisTick: { show: false } },
    yAxis: { type: 'value', scale: true, name: i.unit, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'line',
        name: '规划值',
        lineStyle: { type: 'dashed', color: '#8a94a6' },
        itemStyle: { color: '#8a94a6' },
        data: i.trajectory.map((p) => ({ value: p.planned, drill })),
      },
      {
        type: 'line',
        name: '实际值',
        lineStyle: { color: '#1f4e79', width: 3 },
        itemStyle: { color: '#1f4e79' },
        data: i.trajectory.map((p) => ({ value: p.actual ?? '-', drill })),
      },
    ],
  }
}
