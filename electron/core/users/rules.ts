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

/** The strength rule, stated the same way everywhere it is checked. */
export const PASSWORD_RULE = '密码至少8位，须同时包含字母和数字，且不能与用户名相同'

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) return PASSWORD_RULE
  if (password.toLowerCase() === username.toLowerCase()) return PASSWORD_RULE
  return null
}

export const isUnitRole = (role: Role) => role === 'unit_head' || role === 'unit_staff'
