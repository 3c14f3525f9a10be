import { describe, expect, it } from 'vitest'
import {
  dayMs,
  gantt,
  ganttDrillOf,
  ganttHeight,
  ganttRows,
  milestoneMissed,
  GANTT_ROW_HEIGHT,
  type GanttTask,
} from '@/charts/options/gantt'
import { STATUS_COLORS } from '@/charts/options/types'

const QUARTERLY = [
  { dueOn: '2021-03-31', plannedPct: 25 },
  { dueOn: '2021-06-30', plannedPct: 50 },
  { dueOn: '2021-09-30', plannedPct: 75 },
  { dueOn: '2021-12-31', plannedPct: 100 },
]
const scjg = { id: 2, name: '市场监管处' }
const pbfw = { id: 3, name: '普遍服务处' }
const task = (over: Partial<GanttTask>): GanttTask => ({
  id: 1,
  number: 1,
  code: '要点1',
  text: '推动“快递进村”工程，提升农村寄递服务水平',
  listId: 10,
  listName: '工作要点',
  status: 'on_track',
  statusLabel: '正常推进',
  actualPct: 50,
  dueOn: '2021-12-31',
  leads: [scjg],
  milestones: QUARTERLY,
  ...over,
})
const tasks = [
  task({ id: 1, number: 1, code: '要点1' }),
  task({ id: 2, number: 2, code: '要点2', leads: [pbfw], status: 'overdue', statusLabel: '逾期', actualPct: 20, dueOn: '2021-06-30' }),
  task({ id: 3, number: 3, code: '要点3', leads: [scjg, pbfw], status: 'behind', statusLabel: '进度滞后', actualPct: 25 }),
  task({ id: 4, number: 4, code: '要点4', leads: [], milestones: [], dueOn: null }),
]
const input = { tasks, start: '2021-01-01', end: '2021-12-31', today: '2021-07-20' }

type Bar = { value: number[]; taskId: number; unitId: number | null; listId: number }
const series = () => gantt(input).series as { type: string; data: Bar[]; markLine?: { data: { xAxis: number }[] } }[]

describe('gantt rows', () => {
  it('groups tasks under their primary lead unit, in the order units first appear', () => {
    const rows = ganttRows(tasks)
    expect(rows.map((r) => (r.kind === 'unit' ? `[${r.label}·${r.count}]` : r.label.split(' ')[0]))).toEqual([
      '[市场监管处·2]',
      '要点1',
      '要点3',
      '[普遍服务处·1]',
      '要点2',
      '[未明确牵头单位·1]',
      '要点4',
    ])
  })

  it('splits a unit’s tasks by list when several lists are shown, since numbers restart in each list', () => {
    const mixed = [
      task({ id: 1, number: 1, code: '要点1' }),
      task({ id: 5, number: 1, code: '重点1', listId: 20, listName: '重点工作' }),
      task({ id: 2, number: 2, code: '要点2' }),
    ]
    expect(ganttRows(mixed).map((r) => `${r.kind}:${r.label.split(' ')[0]}`)).toEqual([
      'unit:市场监管处',
      'list:工作要点',
      'task:要点1',
      'task:要点2',
      'list:重点工作',
      'task:重点1',
    ])
  })

  it('names each task by its code and shortens long task text on the axis', () => {
    const row = ganttRows(tasks)[1]
    expect(row.label).toBe('要点1 推动“快递进村”工程，提升…')
  })

  it('names the task by its code in the tooltip, never by a bare number', () => {
    const o = gantt(input)
    const bar = (o.series as { data: unknown[] }[])[0].data[0]
    const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter({ data: bar })
    expect(html).toMatch(/^<b>要点\d+<\/b> /)
    expect(html).not.toMatch(/第\d+项/)
    // a task without a stored code still carries its list's name (the one naming rule)
    const bare = gantt({ ...input, tasks: [task({ code: '' })] })
    const html2 = (bare.tooltip as { formatter: (p: unknown) => string }).formatter({
      data: (bare.series as { data: unknown[] }[])[0].data[0],
    })
    expect(html2).toContain('<b>工作要点第1项</b>')
  })

  it('is as tall as its rows', () => {
    expect(ganttHeight(input)).toBe(7 * GANTT_ROW_HEIGHT + 76)
  })
})

describe('gantt option', () => {
  it('draws one bar per task from plan start to deadline, on the task’s row, coloured by status index', () => {
    const [bars] = series()
    expect(bars.type).toBe('custom')
    expect(bars.data.map((b) => b.taskId)).toEqual([1, 3, 2, 4])
    const overdue = bars.data.find((b) => b.taskId === 2)!
    expect(overdue.value[0]).toBe(4)
    expect(overdue.value[1]).toBe(dayMs('2021-01-01'))
    expect(overdue.value[2]).toBe(dayMs('2021-06-30'))
    // no deadline: the bar runs to the end of the year
    expect(bars.data.find((b) => b.taskId === 4)!.value[2]).toBe(dayMs('2021-12-31'))
  })

  it('renders the overdue bar in red and the progress part filled', () => {
    const [bars] = series()
    const renderItem = (gantt(input).series as { renderItem: (p: unknown, api: unknown) => unknown }[])[0].renderItem
    const overdue = bars.data.find((b) => b.taskId === 2)!
    const api = {
      value: (i: number) => overdue.value[i],
      coord: ([x, y]: number[]) => [x / 1e8, y * 30],
      size: () => [0, 30],
    }
    const shape = renderItem({}, api) as { children: { style: { fill: string; opacity?: number }; shape: { width: number } }[] }
    expect(shape.children[0].style.fill).toBe(STATUS_COLORS.overdue)
    expect(STATUS_COLORS.overdue).toBe('#d93025')
    expect(shape.children[1].shape.width).toBeCloseTo(shape.children[0].shape.width * 0.2)
  })

  it('puts a diamond at each milestone and marks the missed ones', () => {
    const diamonds = series()[1]
    expect(diamonds.data).toHaveLength(12)
    const missed = diamonds.data.filter((d) => d.value[3] === 1).map((d) => `${d.taskId}@${d.value[2]}`)
    // task 2 (20%) missed March (25%) and June (50%); task 3 (25%) missed June; task 1 (50%) is on plan
    expect(missed).toEqual(['3@50', '2@25', '2@50'])
  })

  it('marks today with a vertical line', () => {
    const [bars] = series()
    expect(bars.markLine?.data).toEqual([{ xAxis: dayMs('2021-07-20') }])
  })

  it('labels units in bold on the axis, tasks plainly', () => {
    const yAxis = gantt(input).yAxis as { data: string[]; inverse: boolean }
    expect(yAxis.inverse).toBe(true)
    expect(yAxis.data[0]).toBe('{unit|市场监管处（2项）}')
    expect(yAxis.data[1].startsWith('{task|要点1 ')).toBe(true)
  })

  it('carries the task, its unit and list on every bar for the click', () => {
    const [bars] = series()
    const third = bars.data.find((b) => b.taskId === 3)!
    expect(ganttDrillOf({ data: third })).toEqual({ taskId: 3, unitId: 2, listId: 10 })
    expect(ganttDrillOf({ data: { value: 1 } })).toBeNull()
    expect(ganttDrillOf(null)).toBeNull()
  })
})

describe('milestoneMissed', () => {
  it('is missed only after its day, below its planned progress, while the task is open', () => {
    const m = { dueOn: '2021-06-30', plannedPct: 50 }
    expect(milestoneMissed({ status: 'behind', actualPct: 40 }, m, '2021-07-01')).toBe(true)
    expect(milestoneMissed({ status: 'behind', actualPct: 40 }, m, '2021-06-30')).toBe(false)
    expect(milestoneMissed({ status: 'on_track', actualPct: 50 }, m, '2021-07-20')).toBe(false)
    expect(milestoneMissed({ status: 'done', actualPct: 0 }, m, '2021-07-20')).toBe(false)
  })
})
