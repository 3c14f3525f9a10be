import type { Role } from '../db/schema'
import type { Actor } from '../context'
import { DubanError, denied } from '../errors'

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '办公室',
  unit_head: '处室负责人',
  unit_staff: '处室工作人员',
  leader: '局领导',
}

/** Office, admin and leaders see the whole plan; unit people see their unit's tasks. */
export function seesAllTasks(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'office' || actor.role === 'leader'
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DubanError('unauthenticated', '请先登录')
  return actor
}

export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  const a = requireActor(actor)
  if (!roles.includes(a.role)) throw denied()
  return a
}

/** May this actor read a task whose lead/coop units are given? */
export function canReadTask(actor: Actor, taskUnitIds: readonly number[]): boolean {
  if (seesAllTasks(actor)) return true
  return actor.unitId !== null && taskUnitIds.includes(actor.unitId)
}
