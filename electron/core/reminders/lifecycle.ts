/**
 * The 督办单's lifecycle as rules, pure: issued → read (the unit's receipt) → replied → the office accepts
 * (办结) or returns it with a reason (returned) → the unit replies again. Escalation to the leader in charge is
 * a flag beside the state (dueEscalationLevel in rules.ts), not a state: an escalated notice is still answered.
 */
import type { NoticeStatus, NoticeStepAction, Role } from '../db/schema'

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  issued: '待签收',
  read: '待答复',
  replied: '待办结',
  returned: '已退回',
  closed: '已办结',
}

export interface NoticeActor {
  role: Role
  unitId: number | null
}

export type NoticeMove = { ok: true; to: NoticeStatus } | { ok: false; code: 'forbidden' | 'conflict' | 'invalid_input'; message: string }

const UNIT_ROLES: readonly Role[] = ['unit_head', 'unit_staff']
const OFFICE_ROLES: readonly Role[] = ['office', 'admin']

/** Whether this actor may take this step on a notice in this state, and the state it leads to. */
export function noticeMove(
  notice: { status: NoticeStatus; unitId: number },
  action: NoticeStepAction,
  actor: NoticeActor,
  detail: { body?: string } = {},
): NoticeMove {
  const ownUnit = UNIT_ROLES.includes(actor.role) && actor.unitId === notice.unitId
  const office = OFFICE_ROLES.includes(actor.role)
  const refuse = (message: string): NoticeMove => ({ ok: false, code: 'conflict', message })
  if (notice.status === 'closed') return refuse('该督办单已办结')
  switch (action) {
    case 'read':
      if (!ownUnit) return { ok: false, code: 'forbidden', message: '只有被督办单位可以签收该督办单' }
      return notice.status === 'issued' ? { ok: true, to: 'read' } : refuse('该督办单已签收')
    case 'reply':
      if (!ownUnit) return { ok: false, code: 'forbidden', message: '该督办单不是发给您所在处室的' }
      if (notice.status === 'replied') return refuse('该督办单已回复，正等待办公室办结')
      if (!detail.body?.trim()) return { ok: false, code: 'invalid_input', message: '请填写回复内容' }
      return { ok: true, to: 'replied' }
    case 'return':
      if (!office) return { ok: false, code: 'forbidden', message: '只有办公室可以退回督办单的回复' }
      if (notice.status !== 'replied') return refuse('该督办单尚未回复，不能退回')
      if (!detail.body?.trim()) return { ok: false, code: 'invalid_input', message: '请填写退回理由' }
      return { ok: true, to: 'returned' }
    case 'accept':
      if (!office) return { ok: false, code: 'forbidden', message: '只有办公室可以办结督办单' }
      if (notice.status !== 'replied') return refuse('该督办单尚未回复，不能办结')
      return { ok: true, to: 'closed' }
  }
}

/** Waiting on the unit (and so may be raised to the leader once the reply deadline has passed). */
export const awaitsUnit = (status: NoticeStatus) => status === 'issued' || status === 'read' || status === 'returned'
