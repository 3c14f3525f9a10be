import { escapeHtml } from '@/utils/html'
import type { Leader } from './overall'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption } from './types'

export type LivelihoodPanel = Leader['livelihood']

/** '1. 因地制宜推动交快、邮快…' – short enough for an axis. */
export const taskLabel = (t: LivelihoodPanel['tasks'][number], max = 16) =>
  `${t.number}. ${t.text.length > max ? t.text.slice(0, max) + '…' : t.text}`

/** Every 民生实事 task: actual progress coloured by status, the planned progress as a marker. */
export function livelihoodBar(panel: LivelihoodPanel, dark = false): DubanChartOption {
  const rows = [...panel.tasks].reverse()
  const text = dark ? '#c9d7ea' : '#3c4a5a'
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const p = (Array.isArray(ps) ? ps[0] : ps) as { dataIndex: number }
        const t = rows[p.dataIndex]
        return `${t.number}. ${escapeHtml(t.text.slice(0, 40))}<br/>${escapeHtml(t.statusLabel)}：实际 ${t.actualPct}% / 计划 ${t.plannedPct}%`
      },
    },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12, data: ['实际进度', '计划进度'], textStyle: { color: text } },
    grid: { left: 12, right: 40, top: 34, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: '{value}%', color: text },
      splitLine: { lineStyle: { color: dark ? 'rgba(90,130,180,0.25)' : '#eef0f4' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((t) => taskLabel(t)),
      axisTick: { show: false },
      axisLabel: { color: text, width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '实际进度',
        barMaxWidth: 12,
        itemStyle: { color: '#2f6fb0' },
        label: { show: true, position: 'right', formatter: '{c}%', color: text, fontSize: dark ? 14 : 11 },
        data: rows.map((t) => ({ value: t.actualPct, drill: { open: t.taskId }, itemStyle: { color: STATUS_COLORS[t.status] } })),
      },
      {
        type: 'scatter',
        name: '计划进度',
        symbol: 'rect',
        symbolSize: [3, 16],
        itemStyle: { color: dark ? '#ffffff' : '#1f2d3d' },
        z: 5,
        data: rows.map((t) => ({ value: t.plannedPct, drill: { open: t.taskId } })),
      },
    ],
  }
}

export const livelihoodBarHeight = (panel: LivelihoodPanel) => Math.max(260, panel.tasks.length * 24 + 60)
