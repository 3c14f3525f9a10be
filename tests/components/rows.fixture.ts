import type { TaskDetail, TaskRow } from '@/stores/tasks'

const base: TaskRow = {
  id: 1,
  planId: 1,
  listId: 2,
  listName: '工作要点',
  listKind: 'points',
  sectionId: 10,
  sectionNumber: '一',
  sectionTitle: '坚持党的领导，持续推进全面从严治党',
  number: 1,
  code: '要点1',
  codeOrder: 1001000,
  version: 1,
  text: '深入学习贯彻习近平新时代中国特色社会主义思想。',
  leaderId: 7,
  leaderName: '陈建国（局长）',
  deadline: '2021-12-31',
  deadlineText: '年底前',
  deadlineSource: 'document',
  closedAt: null,
  leads: [{ id: 1, name: '办公室' }],
  coops: [],
  milestones: [
    { dueOn: '2021-06-30', plannedPct: 50, title: '上半年', expectedEvidence: null },
    { dueOn: '2021-12-31', plannedPct: 100, title: '全年', expectedEvidence: null },
  ],
  actualPct: 55,
  status: 'on_track',
  statusLabel: '正常推进',
  light: 'green',
  plannedPct: 50,
  dueOn: '2021-12-31',
}

export const rows: TaskRow[] = [
  base,
  {
    ...base,
    id: 2,
    number: 2,
    code: '要点2',
    codeOrder: 1002000,
    text: '推动“两进一出”工程出实效。',
    leads: [
      { id: 3, name: '市场监管处' },
      { id: 4, name: '普遍服务处' },
    ],
    coops: [{ id: 5, name: '市快递协会' }],
    status: 'overdue',
    statusLabel: '逾期',
    light: 'red',
    actualPct: 20,
  },
  {
    ...base,
    id: 3,
    number: 3,
    code: '要点3',
    codeOrder: 1003000,
    sectionId: 11,
    sectionNumber: '二',
    sectionTitle: '加强政策赋能，持续提升行业营商环境',
    text: '推动落实城乡物流一体化发展三年行动计划。',
    leads: [{ id: 3, name: '市场监管处' }],
    status: 'behind',
    statusLabel: '进度滞后',
    light: 'yellow',
  },
]

/** tasks.get's answer: a row with its indicators and history. */
export function taskDetail(patch: Partial<TaskDetail> = {}): TaskDetail {
  return { ...base, indicators: [], twins: [], history: [], ...patch }
}
