import type { Output } from '../../../electron/contract'
import type { TaskDrill } from './drill'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type TaskStatus } from './types'

export type Analysis = Output<'dashboards.analysis'>

/** A calm palette for shares that carry no status meaning (sections, units). */
export const SHARE_PALETTE = [
  '#1f4e79',
  '#2f6fb0',
  '#4f93d1',
  '#7fb3e0',
  '#2e7d32',
  '#67c23a',
  '#e6a23c',
  '#f08c00',
  '#8e6bbf',
  '#5b8c85',
  '#b0846a',
  '#909399',
]

export interface ShareSlice {
  name: string
  value: number
  share: number
  drill: TaskDrill
  itemStyle?: { color: string }
}

/** A ring of shares with a scrolling legend that carries the percent, so long names never collide. */
export function sharePie(slices: readonly ShareSlice[], name: string): DubanChartOption {
  const data = slices.filter((s) => s.value > 0)
  const shareOf = new Map(data.map((s) => [s.name, s.share]))
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    color: SHARE_PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} 项（{d}%）' },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { width: 170, overflow: 'truncate', color: '#3c4a5a' },
      formatter: (n: string) => `${n}  ${shareOf.get(n) ?? 0}%`,
    },
    series: [
      {
        type: 'pie',
        name,
        radius: ['42%', '70%'],
        center: ['30%', '50%'],
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: data.map((s) => ({ ...s })),
      },
    ],
  }
}

export const sectionSlices = (a: Analysis): ShareSlice[] =>
  a.bySection.map((r) => ({
    name: r.label,
    value: r.count,
    share: r.share,
    drill: r.key === null ? { listId: r.listId } : { listId: r.listId, sectionId: r.key },
  }))

export const unitSlices = (a: Analysis): ShareSlice[] =>
  a.byUnit.map((r) => ({ name: r.label, value: r.count, share: r.share, drill: { unitId: r.key, unitRole: 'lead' } }))

export const statusSlices = (a: Analysis): ShareSlice[] =>
  a.byStatus.map((r) => ({
    name: r.label,
    value: r.count,
    share: r.share,
    drill: { status: r.key as TaskStatus },
    itemStyle: { color: STATUS_COLORS[r.key as TaskStatus] },
  }))

/** How many closed tasks took how long, from issue to closure; the median is marked in the subtitle. */
export function closureHistogram(a: Analysis): DubanChartOption {
  const { buckets, medianDays, closed } = a.closure
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: `已办结 ${closed} 项`,
      subtext: medianDays === null ? '暂无办结任务' : `办结用时中位数 ${medianDays} 天`,
      left: 'right',
      top: 0,
      textStyle: { fontSize: 13, color: '#1f2d3d' },
      subtextStyle: { fontSize: 12, color: '#6b7785' },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 12, right: 12, top: 52, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisTick: { show: false }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}项' }, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'bar',
        name: '办结任务',
        barWidth: '60%',
        itemStyle: { color: '#2f6fb0', borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', formatter: (p) => (Number(p.value) > 0 ? `${p.value as number}项` : ''), color: '#3c4a5a' },
        data: buckets.map((b) => ({ value: b.count, drill: { ids: b.taskIds } as TaskDrill })),
      },
    ],
  }
}
