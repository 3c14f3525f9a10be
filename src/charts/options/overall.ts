import type { BarSeriesOption } from 'echarts/charts'
import type { Output } from '../../../electron/contract'
import type { TaskDrill } from './drill'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type TaskStatus } from './types'

export type Leader = Output<'dashboards.leader'>
export type Completion = Leader['overall']

export interface RingSlice {
  name: string
  value: number
  status: TaskStatus
  drill: TaskDrill
  itemStyle: { color: string }
}

/** A ring of the statuses with the completion rate in the middle; empty statuses are left out. */
export function completionRing(c: Completion, opts: { listId?: number; dark?: boolean; label?: boolean } = {}): DubanChartOption {
  const data: RingSlice[] = c.byStatus
    .filter((s) => s.count > 0)
    .map((s) => ({
      name: s.label,
      value: s.count,
      status: s.status,
      drill: opts.listId === undefined ? { status: s.status } : { listId: opts.listId, status: s.status },
      itemStyle: { color: STATUS_COLORS[s.status] },
    }))
  const text = opts.dark ? '#ffffff' : '#1f4e79'
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    title: {
      text: `${c.doneRate}%`,
      subtext: '完成率',
      left: 'center',
      top: opts.label ? '38%' : '34%',
      itemGap: 4,
      textStyle: { fontSize: opts.dark ? 34 : 24, fontWeight: 'bold', color: text },
      subtextStyle: { fontSize: opts.dark ? 18 : 12, color: opts.dark ? '#9fb3cc' : '#6b7785' },
    },
    series: [
      {
        type: 'pie',
        name: '任务状态',
        radius: opts.label ? ['50%', '68%'] : ['58%', '80%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: opts.dark ? '#0b1f3a' : '#fff', borderWidth: 2 },
        label: opts.label
          ? { formatter: '{b}\n{c}项', color: opts.dark ? '#e6eef8' : '#3c4a5a', fontSize: opts.dark ? 16 : 12 }
          : { show: false },
        labelLine: { show: !!opts.label },
        data,
      },
    ],
  }
}

/** Each list (工作要点, 重点工作, 民生实事) as one stacked bar of its statuses. */
export function listStatusBar(lists: Leader['lists'], overall: Completion): DubanChartOption {
  const rows = [...lists].reverse()
  const series: BarSeriesOption[] = overall.byStatus
    .filter((s) => lists.some((l) => (l.byStatus.find((x) => x.status === s.status)?.count ?? 0) > 0))
    .map((s) => ({
      type: 'bar',
      name: s.label,
      stack: 'lists',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLORS[s.status] },
      emphasis: { focus: 'series' },
      data: rows.map((l) => ({
        value: l.byStatus.find((x) => x.status === s.status)?.count ?? 0,
        drill: { listId: l.listId, status: s.status },
      })),
    }))
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 24, top: 34, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: rows.map((l) => l.name),
      axisTick: { show: false },
      axisLabel: { color: '#3c4a5a', width: 120, overflow: 'truncate' },
    },
    series,
  }
}
