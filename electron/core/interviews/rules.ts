/** The 约谈 list's states and who may see or act on a 约谈. Pure: no database here. */
import type { Actor } from '../context'
import type { InterviewStatus } from '../db/schema'

export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  pending: '待约谈',
  held: '已约谈',
  rectified: '整改完成',
}

export const INTERVIEW_SOURCE_LABELS = { rule: '按规则', manual: '办公室添加' } as const

/** 待约谈 → 已约谈 → 整改完成, one step at a time; why not, or null when the step is allowed. */
export function stepProblem(from: InterviewStatus, to: InterviewStatus): string | null {
  if (to === 'held') return from === 'pending' ? null : '该约谈已记录，不能重复记录'
  if (to === 'rectified') return from === 'held' ? null : from === 'pending' ? '请先记录约谈情况，再确认整改完成' : '该约谈已整改完成'
  return '不能退回到待约谈'
}

/** The office sees every 约谈; a leader those of the units in their charge (分管); nobody else. */
export function seesInterview(actor: Actor, unitId: number, leaderUnits: readonly number[]): boolean {
  if (actor.role === 'admin' || actor.role === 'office') return true
  return actor.role === 'leader' && leaderUnits.includes(unitId)
}
