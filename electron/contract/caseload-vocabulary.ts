/**
 * The words of the 督查室's caseload (issue 14), shared by the core and the renderer as plain values.
 * Nothing is imported here, so the renderer can use these without pulling in zod or the core.
 */

/** Where a matter comes from; 'plan' is an item of an imported annual plan. */
export const MATTER_SOURCES = ['meeting', 'instruction', 'superior', 'incoming', 'other'] as const
export type MatterSource = (typeof MATTER_SOURCES)[number]
export type SourceKind = 'plan' | MatterSource

export const SOURCE_LABELS: Record<SourceKind, string> = {
  plan: '年度工作要点',
  meeting: '会议议定事项',
  instruction: '领导批示件',
  superior: '上级交办',
  incoming: '来文办理',
  other: '其他事项',
}

export const URGENCIES = ['urgent', 'normal', 'complex'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '急件', normal: '一般', complex: '复杂' }

export const REPORT_CADENCES = ['monthly', 'quarterly', 'half_yearly'] as const
export type ReportCadence = (typeof REPORT_CADENCES)[number]
export const CADENCE_LABELS: Record<ReportCadence, string> = { monthly: '每月', quarterly: '每季度', half_yearly: '每半年' }

export const EXTENSION_STATUS_LABELS = { pending: '待审批', approved: '已同意', refused: '未同意' } as const

export type FollowupState = 'none' | 'awaiting' | 'closed' | 'reinstructed'
export const FOLLOWUP_LABELS: Record<FollowupState, string> = {
  none: '',
  awaiting: '已回访，待领导确认',
  closed: '回访期满，视为办结',
  reinstructed: '领导已再次批示',
}
