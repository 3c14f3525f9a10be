import type { ReportDetail, ReportView } from '@/stores/reports'

export const scjgUser = {
  id: 6,
  username: 'scjg',
  displayName: '张强（市场监管处处长）',
  role: 'unit_head' as const,
  roleLabel: '处室负责人',
  unitId: 3,
  unitName: '市场监管处',
  phone: null,
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  leaderUnits: [],
}

export const currentPeriod = { period: '2021-07', dueOn: '2021-07-25', late: false, units: [] }

export function reportView(patch: Partial<ReportView> = {}): ReportView {
  return {
    id: 41,
    taskId: 7,
    taskNumber: 12,
    taskCode: '要点12',
    taskOrder: 12,
    taskText: '深入推进“两进一出”工程，推动快递进村。',
    unitId: 3,
    unitName: '市场监管处',
    unitRole: 'lead',
    period: '2021-07',
    percent: 60,
    progress: '已完成春季检查',
    problems: '',
    nextSteps: '开展秋季检查',
    status: 'submitted',
    statusLabel: '待审核',
    revision: 3,
    isFinal: false,
    noChange: false,
    noChangeReason: null,
    demo: false,
    version: 1,
    returnReason: null,
    reviewOpinion: null,
    createdBy: '张强（市场监管处处长）',
    reviewedBy: null,
    submittedAt: '2021-07-20T02:00:00.000Z',
    reviewedAt: null,
    updatedAt: '2021-07-20T02:00:00.000Z',
    indicatorValues: [],
    attachments: [],
    ...patch,
  }
}

export function reportDetail(patch: Partial<ReportView> = {}): ReportDetail {
  const v = reportView(patch)
  return {
    ...v,
    plan: {
      asOf: '2021-07-31',
      plannedPct: 50,
      milestones: [
        { dueOn: '2021-06-30', plannedPct: 50, title: '', expectedEvidence: null },
        { dueOn: '2021-12-31', plannedPct: 100, title: '全年', expectedEvidence: '年度总结、验收报告' },
      ],
      milestone: { dueOn: '2021-12-31', plannedPct: 100, title: '全年', expectedEvidence: '年度总结、验收报告' },
      indicators: [],
    },
    previous: null,
    versions: [
      {
        version: 1,
        percent: v.percent,
        progress: v.progress,
        problems: v.problems,
        nextSteps: v.nextSteps,
        isFinal: v.isFinal,
        noChange: v.noChange,
        noChangeReason: v.noChangeReason,
        indicatorValues: [],
        attachmentIds: [],
        outcome: 'submitted',
        returnReason: null,
        reviewOpinion: null,
        submittedBy: v.createdBy,
        submittedAt: v.submittedAt!,
        reviewedBy: null,
        reviewedAt: null,
      },
    ],
  }
}
