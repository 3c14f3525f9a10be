import type { Leader } from './overall'
import type { TaskDrill } from './drill'
import { FONT_FAMILY, type DubanChartOption } from './types'

export type SectionFigures = Leader['sections'][number]

/** Ahead or on plan is green, a little behind is amber, clearly behind is red. */
export function gapColor(gap: number): string {
  if (gap >= 0) return '#2e7d32'
  if (gap > -10) return '#f08c00'
  return '#d93025'
}

/** '一坚持党的领导，…' reads better with the list in front and a short tail. */
export function sectionName(s: SectionFigures, lists: Leader['lists']): string {
  const list = lists.find((l) => l.listId === s.listId)?.name ?? ''
  return list ? `${list}｜${s.label}` : s.label
}

const drillOf = (s: SectionFigures): TaskDrill =>
  s.sectionId === null ? { listId: s.listId } : { listId: s.listId, sectionId: s.sectionId }

/** Average actual progress per section as bars, the planned progress on the same day as a marker. */
export function sectionProgressBar(sections: readonly SectionFigures[], lists: Leader['lists']): DubanChartOption {
  const rows = [...sections].reverse()
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v as number}%` },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12, data: ['实际进度', '计划进度'] },
    grid: { left: 12, right: 40, top: 34, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: rows.map((s) => sectionName(s, lists)),
      axisTick: { show: false },
      axisLabel: { color: '#3c4a5a', width: 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '实际进度',
        barMaxWidth: 14,
        itemStyle: { color: '#2f6fb0' },
        label: { show: true, position: 'right', formatter: '{c}%', color: '#3c4a5a', fontSize: 11 },
        data: rows.map((s) => ({ value: s.avgActualPct, drill: drillOf(s), itemStyle: { color: gapColor(s.gap) } })),
      },
      {
        type: 'scatter',
        name: '计划进度',
        symbol: 'rect',
        symbolSize: [3, 20],
        itemStyle: { color: '#1f2d3d' },
        z: 5,
        data: rows.map((s) => ({ value: s.avgPlannedPct, drill: drillOf(s) })),
      },
    ],
  }
}

export const sectionProgressBarHeight = (sections: readonly unknown[]) => Math.max(300, sections.length * 30 + 60)
