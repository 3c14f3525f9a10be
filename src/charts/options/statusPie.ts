import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type Overview } from './types'

export interface StatusSlice {
  name: string
  value: number
  status: Overview['byStatus'][number]['status']
  itemStyle: { color: string }
}

/** Status distribution as a ring; empty statuses are left out so labels do not pile up. */
export function statusPie(overview: Overview): DubanChartOption {
  const data: StatusSlice[] = overview.byStatus
    .filter((s) => s.count > 0)
    .map((s) => ({ name: s.label, value: s.count, status: s.status, itemStyle: { color: STATUS_COLORS[s.status] } }))
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: { bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
    title: {
      text: String(overview.total),
      subtext: '项任务',
      left: 'center',
      top: '36%',
      textStyle: { fontSize: 28, fontWeight: 'bold', color: '#1f4e79' },
      subtextStyle: { fontSize: 13, color: '#6b7785' },
    },
    series: [
      {
        type: 'pie',
        name: '任务状态',
        radius: ['48%', '70%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b} {c}', color: '#3c4a5a' },
        data,
      },
    ],
  }
}
