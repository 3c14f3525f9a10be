import type { HomeSummary } from '@/stores/home'
import type { NoticeView } from '@/stores/reminders'

const byStatus: HomeSummary['byStatus'] = [
  { status: 'not_started', label: '未开始', count: 2 },
  { status: 'on_track', label: '正常推进', count: 30 },
  { status: 'behind', label: '进度滞后', count: 5 },
  { status: 'due_soon', label: '临期', count: 1 },
  { status: 'overdue', label: '逾期', count: 3 },
  { status: 'done', label: '已完成', count: 7 },
]
const brief = (id: number, number: number, text: string, status: 'overdue' | 'on_track' = 'overdue') => ({
  id,
  number,
  code: `要点${number}`,
  codeOrder: number * 1000,
  text,
  listId: 2,
  listName: '工作要点',
  status,
  statusLabel: status === 'overdue' ? '逾期' : '正常推进',
  light: status === 'overdue' ? ('red' as const) : ('green' as const),
  dueOn: '2021-06-30',
  leads: [{ id: 2, name: '市场监管处' }],
})
export const notice: NoticeView = {
  id: 9,
  kind: 'notice',
  number: '督办〔2021〕3号',
  status: 'issued',
  statusLabel: '待签收',
  revision: 1,
  signer: '刘伟',
  readAt: null,
  closedAt: null,
  steps: [],
  taskId: 17,
  taskNumber: 17,
  taskLabel: '要点17',
  taskCode: '要点17',
  taskText: '推动“快递进村”工程',
  unitId: 2,
  unitName: '市场监管处',
  period: null,
  issue: '该项任务进度滞后，请说明原因',
  requiredReply: '书面说明原因和整改措施',
  replyDeadline: '2021-07-30',
  reply: null,
  repliedAt: null,
  overdue: false,
  escalationLevel: 0,
  escalatedTo: null,
  escalatedAt: null,
  createdAt: '2021-07-20T01:00:00.000Z',
}
const base = {
  planId: 1,
  period: '2021-07',
  unread: { total: 3, byKind: { reminder: 1, notice: 2 } },
  byStatus,
  attention: [
    {
      listId: 2,
      listName: '工作要点',
      count: 1,
      byStatus: [{ status: 'overdue' as const, count: 1 }],
      items: [brief(21, 21, '完善快递末端网点备案管理')],
    },
  ],
}

export const officeSummary: HomeSummary = {
  ...base,
  role: 'office',
  pendingReview: { count: 4, items: [] },
  notReported: {
    period: '2021-07',
    dueOn: '2021-07-25',
    late: false,
    units: [
      { unitId: 2, unitName: '市场监管处', tasks: [{ id: 17, number: 17, code: '要点17', text: '推动“快递进村”工程', label: '要点17' }] },
      { unitId: 3, unitName: '普遍服务处', tasks: [] },
    ],
  },
  overdue: { count: 3, items: [brief(21, 21, '完善快递末端网点备案管理')] },
  noticesAwaitingReply: [notice],
}

export const unitSummary: HomeSummary = {
  ...base,
  role: 'unit',
  toReport: [brief(17, 17, '推动“快递进村”工程', 'on_track'), brief(21, 21, '完善快递末端网点备案管理')],
  returned: [],
  instructions: [],
  overdue: { count: 1, items: [brief(21, 21, '完善快递末端网点备案管理')] },
  noticesAwaitingReply: [notice],
}

export const leaderSummary: HomeSummary = {
  ...base,
  role: 'leader',
  overdue: { count: 3, items: [] },
  inCharge: [brief(5, 5, '深入开展党史学习教育', 'on_track'), brief(6, 6, '加强党风廉政建设', 'on_track')],
  escalated: [],
}
