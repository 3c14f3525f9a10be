import type { CustomSeriesRenderItem } from 'echarts'
import { formatDate } from '@/utils/format'
import { escapeHtml } from '@/utils/html'
import { taskName } from '@/utils/taskName'
import { FONT_FAMILY, STATUS_COLORS, type DubanChartOption, type TaskStatus } from './types'
import { TASK_STATUSES } from '../../../electron/contract/vocabulary'

/** One task as the timeline needs it: its row from tasks.list plus its milestones. */
export interface GanttTask {
  id: number
  number: number
  /** 重点3, 要点15, 民生5-2: the task's name on the axis and in the tooltip */
  code: string
  text: string
  listId: number
  listName: string
  status: TaskStatus
  statusLabel: string
  actualPct: number
  dueOn: string | null
  leads: readonly { id: number; name: string }[]
  milestones: readonly { dueOn: string; plannedPct: number }[]
}

export interface GanttInput {
  tasks: readonly GanttTask[]
  /** the plan's first day (bars start here) and the last day shown, ISO */
  start: string
  end: string
  today: string
}

export type GanttRow =
  | { kind: 'unit'; unitId: number | null; label: string; count: number }
  | { kind: 'list'; unitId: number | null; label: string }
  | { kind: 'task'; unitId: number | null; label: string; task: GanttTask }

/** What a clicked bar or diamond carries, so the page can open the task. */
export interface GanttDrill {
  taskId: number
  unitId: number | null
  listId: number
}

export const GANTT_ROW_HEIGHT = 30
const GRID_TOP = 40
const GRID_BOTTOM = 36
const LABEL_CHARS = 16
/** on the axis the code comes first (要点15, 民生5-2), so the text gets fewer characters to stay inside the label column */
const AXIS_CHARS = 13
export const NO_LEAD = '未明确牵头单位'
const STATUS_INDEX: readonly TaskStatus[] = TASK_STATUSES
const NAVY = '#1f4e79'
const RED = '#d93025'

/** '2021-07-20' → local midnight in ms (the axis is shown in local time). */
export function dayMs(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return new Date(y, m - 1, d).getTime()
}

const short = (text: string, max = LABEL_CHARS) => (text.length > max ? text.slice(0, max) + '…' : text)

/**
 * Rows top to bottom: a header per primary lead unit (in the order units first appear), then its tasks;
 * when several lists are shown, a unit's tasks are split by list, since numbers restart in each list.
 */
export function ganttRows(tasks: readonly GanttTask[]): GanttRow[] {
  const lists = [...new Set(tasks.map((t) => t.listId))]
  const groups = new Map<string, { unitId: number | null; name: string; tasks: GanttTask[] }>()
  for (const t of tasks) {
    const lead = t.leads[0]
    const key = lead ? String(lead.id) : 'none'
    const g = groups.get(key) ?? { unitId: lead?.id ?? null, name: lead?.name ?? NO_LEAD, tasks: [] }
    g.tasks.push(t)
    groups.set(key, g)
  }
  const rows: GanttRow[] = []
  for (const g of groups.values()) {
    rows.push({ kind: 'unit', unitId: g.unitId, label: g.name, count: g.tasks.length })
    const ordered = [...g.tasks].sort((a, b) => lists.indexOf(a.listId) - lists.indexOf(b.listId))
    ordered.forEach((t, i) => {
      if (lists.length > 1 && (i === 0 || ordered[i - 1].listId !== t.listId))
        rows.push({ kind: 'list', unitId: g.unitId, label: t.listName })
      rows.push({ kind: 'task', unitId: g.unitId, label: `${taskName(t)} ${short(t.text, AXIS_CHARS)}`, task: t })
    })
  }
  return rows
}

export function ganttHeight(input: Pick<GanttInput, 'tasks'>): number {
  return ganttRows(input.tasks).length * GANTT_ROW_HEIGHT + GRID_TOP + GRID_BOTTOM
}

/** A milestone counts as missed when its day has passed and the task's approved progress is below its plan. */
export function milestoneMissed(task: Pick<GanttTask, 'status' | 'actualPct'>, m: { dueOn: string; plannedPct: number }, today: string) {
  return task.status !== 'done' && m.dueOn < today && task.actualPct < m.plannedPct
}

const renderBar: CustomSeriesRenderItem = (_params, api) => {
  const row = api.value(0) as number
  const [x0, y] = api.coord([api.value(1), row])
  const [x1] = api.coord([api.value(2), row])
  const color = STATUS_COLORS[STATUS_INDEX[api.value(3) as number] ?? 'not_started']
  const pct = Math.max(0, Math.min(100, api.value(4) as number))
  const h = ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? GANTT_ROW_HEIGHT) * 0.5
  const width = Math.max(x1 - x0, 3)
  return {
    type: 'group',
    children: [
      { type: 'rect', shape: { x: x0, y: y - h / 2, width, height: h, r: 3 }, style: { fill: color, opacity: 0.28 } },
      { type: 'rect', shape: { x: x0, y: y - h / 2, width: (width * pct) / 100, height: h, r: 3 }, style: { fill: color } },
      { type: 'rect', shape: { x: x0, y: y - h / 2, width, height: h, r: 3 }, style: { fill: 'none', stroke: color, lineWidth: 1 } },
    ],
  }
}

const renderDiamond: CustomSeriesRenderItem = (_params, api) => {
  const [x, y] = api.coord([api.value(1), api.value(0)])
  const missed = api.value(3) === 1
  const passed = api.value(4) === 1
  const r = 6
  return {
    type: 'polygon',
    shape: {
      points: [
        [x, y - r],
        [x + r, y],
        [x, y + r],
        [x - r, y],
      ],
    },
    style: { fill: missed ? RED : passed ? NAVY : '#fff', stroke: missed ? RED : NAVY, lineWidth: 1.5 },
  }
}

interface BarDatum extends GanttDrill {
  value: [number, number, number, number, number]
  task: GanttTask
}
interface DiamondDatum extends GanttDrill {
  value: [number, number, number, number, number]
  milestone: { dueOn: string; plannedPct: number }
  missed: boolean
}

function tooltip(params: unknown): string {
  const data = (params as { data?: BarDatum | DiamondDatum }).data
  if (!data || !('value' in data)) return ''
  if ('milestone' in data) {
    const m = data.milestone
    return `进度节点：${formatDate(m.dueOn)}<br/>计划完成 ${m.plannedPct}%${data.missed ? '（未达到）' : ''}`
  }
  const t = data.task
  return [
    `<b>${escapeHtml(taskName(t))}</b> ${escapeHtml(short(t.text))}`,
    `牵头：${escapeHtml(t.leads.map((u) => u.name).join('、') || NO_LEAD)}`,
    `完成时限：${formatDate(t.dueOn)}`,
    `状态：${escapeHtml(t.statusLabel)}　实际进度 ${Math.round(t.actualPct)}%`,
  ].join('<br/>')
}

/** The timeline: a bar per task from plan start to deadline, milestone diamonds, a red "today" line. */
export function gantt(input: GanttInput): DubanChartOption {
  const rows = ganttRows(input.tasks)
  const startMs = dayMs(input.start)
  const endMs = dayMs(input.end)
  const todayMs = dayMs(input.today)
  const bars: BarDatum[] = []
  const diamonds: DiamondDatum[] = []
  rows.forEach((row, i) => {
    if (row.kind !== 'task') return
    const t = row.task
    const drill: GanttDrill = { taskId: t.id, unitId: row.unitId, listId: t.listId }
    const due = t.dueOn ? Math.min(dayMs(t.dueOn), endMs) : endMs
    bars.push({ ...drill, value: [i, startMs, Math.max(due, startMs), STATUS_INDEX.indexOf(t.status), t.actualPct], task: t })
    for (const m of t.milestones) {
      const missed = milestoneMissed(t, m, input.today)
      const passed = m.dueOn <= input.today
      diamonds.push({ ...drill, value: [i, dayMs(m.dueOn), m.plannedPct, missed ? 1 : 0, passed ? 1 : 0], milestone: m, missed })
    }
  })
  const labels = rows.map((r) =>
    r.kind === 'unit' ? `{unit|${r.label}（${r.count}项）}` : r.kind === 'list' ? `{list|${r.label}}` : `{task|${r.label}}`,
  )
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    animation: false,
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    grid: { left: 260, right: 32, top: GRID_TOP, bottom: GRID_BOTTOM, containLabel: false },
    xAxis: {
      type: 'time',
      position: 'top',
      min: startMs,
      max: endMs,
      splitNumber: 12,
      axisLabel: { formatter: (v: number) => `${new Date(v).getMonth() + 1}月`, color: '#3c4a5a' },
      splitLine: { show: true, lineStyle: { color: '#eef0f4' } },
      axisLine: { lineStyle: { color: '#c8d0da' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c8d0da' } },
      splitLine: { show: false },
      axisLabel: {
        interval: 0,
        align: 'left',
        margin: 250,
        rich: {
          unit: { fontWeight: 'bold', color: NAVY, fontSize: 13 },
          list: { color: '#6b7785', fontSize: 12, padding: [0, 0, 0, 8] },
          task: { color: '#3c4a5a', fontSize: 12, padding: [0, 0, 0, 8] },
        },
      },
    },
    series: [
      {
        type: 'custom',
        name: '计划',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: bars,
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          lineStyle: { color: RED, type: 'dashed', width: 1.5 },
          // the legend names the line; a label here would sit on the month labels
          label: { show: false },
          data: [{ xAxis: todayMs }],
        },
      },
      { type: 'custom', name: '节点', renderItem: renderDiamond, encode: { x: 1, y: 0 }, data: diamonds, z: 3 },
    ],
  }
}

/** Reads the task from an ECharts click on a bar or diamond; null for anything else. */
export function ganttDrillOf(params: unknown): GanttDrill | null {
  const data = (params as { data?: unknown } | null)?.data
  if (!data || typeof data !== 'object' || !('taskId' in data)) return null
  const d = data as GanttDrill
  return { taskId: d.taskId, unitId: d.unitId, listId: d.listId }
}
