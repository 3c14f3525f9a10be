/** Supervision rules: notice numbers, who has not reported, when a notice is raised. Pure. */
import { taskLabel } from '../../contract/taskLabel'

/** 督办〔2021〕3号; the prefix is the bureau's own (本局信息) */
export const noticeNumber = (year: number, seq: number, prefix = '督办') => `${prefix}〔${year}〕${seq}号`

export const ESCALATION_LABELS = ['未升级', '已升级至分管领导'] as const

/**
 * The level a notice should be at today: unanswered after its reply deadline (the whole day counts),
 * it goes up one level, to the leader in charge.
 */
export function dueEscalationLevel(n: { replyDeadline: string | null; repliedAt: string | null }, today: string): number {
  if (n.repliedAt || !n.replyDeadline) return 0
  return today > n.replyDeadline ? 1 : 0
}

export interface OpenTask {
  id: number
  number: number
  listName?: string
  /** 重点3, 要点15, 民生5-2 */
  code: string
  text: string
  closedAt: string | null
  leads: { id: number; name: string }[]
}

export interface PeriodReport {
  taskId: number
  unitId: number
  period: string
  status: 'draft' | 'submitted' | 'returned' | 'approved'
}

export interface MissingByUnit {
  unitId: number
  unitName: string
  tasks: { id: number; number: number; code: string; text: string; label: string }[]
}

/** Per lead unit: its open tasks with no submitted or approved report for the period. */
export function missingReports(tasks: readonly OpenTask[], reports: readonly PeriodReport[], period: string): MissingByUnit[] {
  const sent = new Set(
    reports
      .filter((r) => r.period === period && (r.status === 'submitted' || r.status === 'approved'))
      .map((r) => `${r.taskId}:${r.unitId}`),
  )
  const byUnit = new Map<number, MissingByUnit>()
  for (const t of tasks) {
    if (t.closedAt) continue
    for (const lead of t.leads) {
      if (sent.has(`${t.id}:${lead.id}`)) continue
      const u = byUnit.get(lead.id) ?? { unitId: lead.id, unitName: lead.name, tasks: [] }
      u.tasks.push({ id: t.id, number: t.number, code: t.code, text: t.text, label: taskLabel(t) })
      byUnit.set(lead.id, u)
    }
  }
  return [...byUnit.values()].sort((a, b) => b.tasks.length - a.tasks.length || a.unitId - b.unitId)
}
