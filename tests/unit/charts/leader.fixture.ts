import type { Output } from '../../../electron/contract'

type Leader = Output<'dashboards.leader'>
type Analysis = Output<'dashboards.analysis'>
const byStatus = (c: Record<string, number>) =>
  (
    [
      ['done', '已完成'],
      ['on_track', '正常推进'],
      ['not_started', '未开始'],
      ['due_soon', '临期'],
      ['behind', '进度滞后'],
      ['overdue', '逾期'],
    ] as const
  ).map(([status, label]) => ({ status, label, count: c[status] ?? 0 }))

const completion = (total: number, c: Record<string, number>, avgActualPct = 50, avgPlannedPct = 50) => ({
  total,
  done: c.done ?? 0,
  doneRate: Math.round(((c.done ?? 0) / total) * 1000) / 10,
  byStatus: byStatus(c),
  avgActualPct,
  avgPlannedPct,
})

const punctuality = (onTime: number, due: number) => ({ onTime, due, periodsDue: due, rate: Math.round((onTime / due) * 1000) / 10 })

export const leader: Leader = {
  asOf: '2021-07-20',
  plan: {
    id: 1,
    title: '2021年工作要点',
    issuer: '苏州市邮政管理局',
    docNumber: '苏州邮管〔2021〕21号',
    issuedOn: '2021-04-09',
    year: 2021,
  },
  scopeUnitId: null,
  reportingDay: 5,
  overall: completion(10, { done: 2, on_track: 5, behind: 2, overdue: 1 }, 57.3, 50),
  lists: [
    { listId: 1, name: '工作要点', kind: 'work_points', ...completion(6, { done: 1, on_track: 3, behind: 1, overdue: 1 }) },
    { listId: 2, name: '民生实事', kind: 'livelihood', ...completion(4, { done: 1, on_track: 2, behind: 1 }) },
  ],
  units: [
    {
      unitId: 3,
      unitName: '市场监管处',
      led: 6,
      done: 1,
      completionRate: 16.7,
      behind: 1,
      overdue: 1,
      dueSoon: 0,
      byStatus: { done: 1, on_track: 3, not_started: 0, due_soon: 0, behind: 1, overdue: 1 },
      avgActualPct: 53.8,
      punctuality: punctuality(3, 4),
    },
    {
      unitId: 1,
      unitName: '办公室',
      led: 4,
      done: 1,
      completionRate: 25,
      behind: 1,
      overdue: 0,
      dueSoon: 0,
      byStatus: { done: 1, on_track: 2, not_started: 0, due_soon: 0, behind: 1, overdue: 0 },
      avgActualPct: 59.5,
      punctuality: punctuality(4, 4),
    },
  ],
  sections: [
    {
      sectionId: 11,
      listId: 1,
      label: '一、坚持党的领导',
      total: 3,
      done: 1,
      behind: 0,
      overdue: 0,
      avgActualPct: 62,
      avgPlannedPct: 50,
      gap: 12,
    },
    {
      sectionId: 12,
      listId: 1,
      label: '二、优化营商环境',
      total: 3,
      done: 0,
      behind: 1,
      overdue: 1,
      avgActualPct: 30,
      avgPlannedPct: 50,
      gap: -20,
    },
    {
      sectionId: null,
      listId: 2,
      label: '（未分板块）',
      total: 4,
      done: 1,
      behind: 1,
      overdue: 0,
      avgActualPct: 46,
      avgPlannedPct: 50,
      gap: -4,
    },
  ],
  trend: [
    { period: '2021-05', on: '2021-05-31', plannedPct: 25, actualPct: 26, done: 0 },
    { period: '2021-06', on: '2021-06-30', plannedPct: 50, actualPct: 57.3, done: 2 },
    { period: '2021-07', on: '2021-07-20', plannedPct: 50, actualPct: 57.3, done: 2 },
    { period: '2021-08', on: '2021-08-31', plannedPct: 75, actualPct: null, done: null },
  ],
  indicators: [
    {
      indicatorId: 1,
      taskId: 44,
      name: '建制村快递服务通达率',
      unit: '%',
      comparator: '>=',
      target: 100,
      targetYear: 2021,
      latest: { value: 96, period: '2021-06' },
      attainment: 96,
      met: false,
      trajectory: null,
    },
    {
      indicatorId: 2,
      taskId: null,
      name: '快递业务量',
      unit: '亿件',
      comparator: '>=',
      target: 40,
      targetYear: 2025,
      latest: null,
      attainment: null,
      met: null,
      trajectory: [
        { year: 2020, planned: 30, actual: 30 },
        { year: 2021, planned: 32, actual: 33 },
        { year: 2022, planned: 34, actual: null },
      ],
    },
  ],
  livelihood: {
    listIds: [2],
    ...completion(2, { done: 1, behind: 1 }),
    tasks: [
      {
        taskId: 70,
        number: 1,
        code: '民生1',
        text: '推动主要品牌快递服务有效下沉，建制村通达率达到100%',
        listId: 2,
        sectionId: null,
        status: 'behind',
        statusLabel: '进度滞后',
        actualPct: 45,
        plannedPct: 50,
        dueOn: '2021-12-31',
        leads: [{ id: 3, name: '市场监管处' }],
        latestProgress: '已完成阶段性任务',
      },
      {
        taskId: 71,
        number: 2,
        code: '民生2',
        text: '建设智能快件箱',
        listId: 2,
        sectionId: null,
        status: 'done',
        statusLabel: '已完成',
        actualPct: 100,
        plannedPct: 50,
        dueOn: '2021-06-30',
        leads: [{ id: 1, name: '办公室' }],
        latestProgress: null,
      },
    ],
  },
}

export const analysis: Analysis = {
  asOf: '2021-07-20',
  total: 10,
  bySection: [
    { key: 11, label: '工作要点·一、坚持党的领导', count: 3, share: 30, listId: 1 },
    { key: null, label: '民生实事·（未分板块）', count: 7, share: 70, listId: 2 },
  ],
  byList: [
    { key: 1, label: '工作要点', count: 6, share: 60 },
    { key: 2, label: '民生实事', count: 4, share: 40 },
  ],
  byUnit: [
    { key: 3, label: '市场监管处', count: 6, share: 60 },
    { key: 1, label: '办公室', count: 4, share: 40 },
  ],
  byStatus: byStatus({ done: 2, on_track: 5, behind: 2, overdue: 1 }).map((s) => ({
    key: s.status,
    label: s.label,
    count: s.count,
    share: s.count * 10,
  })),
  closure: {
    closed: 2,
    medianDays: 77,
    buckets: [
      { key: 'le30', label: '30天以内', count: 0, share: 0, taskIds: [] },
      { key: 'le90', label: '61–90天', count: 2, share: 100, taskIds: [2, 3] },
    ],
  },
}
