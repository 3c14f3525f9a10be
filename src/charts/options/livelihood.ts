import { escapeHtml } from '@/utils/html'
import { taskName } from '@/utils/taskName'
import type { Leader } from './overall'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption } from './types'

export type LivelihoodPanel = Leader['livelihood']

/** '民生1 因地制宜推动交快、邮快…': named by its code (the one naming rule), short enough for an axis. */
export const taskLabel = (t: LivelihoodPanel['tasks'][number], max = 16) =>
  `${taskName(t)} ${t.text.length > max ? t.text.slice(0, max) + '…' : t.text}`

export interface LivelihoodBarSize {
  /** the axis labels' size in px (the big screen reads from across a meeting room) */
  fontSize?: number
  /** the task names' column in px: longer names are cut with … and shown whole in the tooltip */
  labelWidth?: number
}

/**
 * Every 民生实事 task: actual progress coloured by status, the planned progress as a marker. Every row
 * keeps its label (no automatic thinning), and the percentages stand in a column of their own on the
 * right, so neither the planned marker nor a long bar ever covers them.
 */
export function livelihoodBar(panel: LivelihoodPanel, dark = false, size: LivelihoodBarSize = {}): DubanChartOption {
  const rows = [...panel.tasks].reverse()
  const text = dark ? '#c9d7ea' : '#3c4a5a'
  const fontSize = size.fontSize ?? (dark ? 16 : 12)
  const category = { type: 'category' as const, axisTick: { show: false }, axisLine: { show: false } }
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const p = (Array.isArray(ps) ? ps[0] : ps) as { dataIndex: number }
        const t = rows[p.dataIndex]
        return `<b>${escapeHtml(taskName(t))}</b> ${escapeHtml(t.text.slice(0, 40))}<br/>${escapeHtml(t.statusLabel)}：实际 ${t.actualPct}% / 计划 ${t.plannedPct}%`
      },
    },
    legend: {
      top: 0,
      left: 'center',
      itemWidth: 12,
      itemHeight: 12,
      data: ['实际进度', '计划进度'],
      textStyle: { color: text, fontSize },
    },
    grid: { left: 8, right: 8, top: fontSize + 22, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      max: 100,
      interval: 25,
      axisLabel: { formatter: '{value}%', color: text, fontSize },
      splitLine: { lineStyle: { color: dark ? 'rgba(90,130,180,0.25)' : '#eef0f4' } },
    },
    yAxis: [
      {
        ...category,
        data: rows.map((t) => taskLabel(t)),
        axisLabel: { color: text, fontSize, interval: 0, width: size.labelWidth ?? 200, overflow: 'truncate' },
      },
      {
        ...category,
        position: 'right',
        data: rows.map((t) => `${t.actualPct}%`),
        axisLabel: {
          interval: 0,
          fontSize,
          margin: 8,
          color: dark ? '#ffffff' : '#1f2d3d',
          fontWeight: 'bold',
        },
      },
    ],
    series: [
      {
        type: 'bar',
        name: '实际进度',
        barMaxWidth: dark ? 14 : 12,
        itemStyle: { color: '#2f6fb0' },
        data: rows.map((t) => ({ value: t.actualPct, drill: { open: t.taskId }, itemStyle: { color: STATUS_COLORS[t.status] } })),
      },
      {
        type: 'scatter',
        name: '计划进度',
        symbol: 'rect',
        symbolSize: [3, Math.round(fontSize * 1.1)],
        itemStyle: { color: dark ? '#ffffff' : '#1f2d3d' },
        z: 5,
        data: rows.map((t) => ({ value: t.plannedPct, drill: { open: t.taskId } })),
      },
    ],
  }
}

export const livelihoodBarHeight = (panel: LivelihoodPanel) => Math.max(260, panel.tasks.length * 24 + 60)
