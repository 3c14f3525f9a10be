import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { Output } from '../../../electron/contract'

export type Overview = Output<'dashboards.overview'>
import type { TaskStatus } from '../../../electron/contract/vocabulary'

export type { TaskStatus }

export type DubanChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | MarkLineComponentOption
>

/** What a clicked bar segment or pie slice carries, so the page can open the matching tasks. */
export interface DrillDown {
  status: TaskStatus
  unitId?: number
}

/** Fixed colours per status: the same meaning looks the same on every chart. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  done: '#2e7d32',
  on_track: '#67c23a',
  not_started: '#909399',
  due_soon: '#e6a23c',
  behind: '#f08c00',
  overdue: '#d93025',
}

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

/** Reads the drill-down payload from an ECharts click; null when the click hit something else. */
export function drillDownOf(params: unknown): DrillDown | null {
  const data = (params as { data?: unknown } | null)?.data
  if (!data || typeof data !== 'object' || !('status' in data)) return null
  const d = data as { status: TaskStatus; unitId?: number }
  return d.unitId === undefined ? { status: d.status } : { status: d.status, unitId: d.unitId }
}
