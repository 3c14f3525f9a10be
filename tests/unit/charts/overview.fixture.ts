import type { Output } from '../../../electron/contract'

type Overview = Output<'dashboards.overview'>
const counts = (c: Partial<Record<'done' | 'on_track' | 'not_started' | 'due_soon' | 'behind' | 'overdue', number>>) => ({
  done: 0,
  on_track: 0,
  not_started: 0,
  due_soon: 0,
  behind: 0,
  overdue: 0,
  ...c,
})

export const overview: Overview = {
  asOf: '2021-07-20',
  total: 10,
  byStatus: [
    { status: 'done', label: '已完成', count: 2 },
    { status: 'on_track', label: '正常推进', count: 5 },
    { status: 'not_started', label: '未开始', count: 0 },
    { status: 'due_soon', label: '临期', count: 0 },
    { status: 'behind', label: '进度滞后', count: 2 },
    { status: 'overdue', label: '逾期', count: 1 },
  ],
  byLeadUnit: [
    { unitId: 3, unitName: '市场监管处', total: 6, counts: counts({ done: 1, on_track: 3, behind: 1, overdue: 1 }) },
    { unitId: 1, unitName: '办公室', total: 4, counts: counts({ done: 1, on_track: 2, behind: 1 }) },
  ],
}
