/** 人员名册: checking each row of a roster as the office keeps it in Excel. Pure: units and users are passed in. */
import type { Role } from '../db/schema'
import { ROLE_LABELS, isUnitRole } from './rules'

export const ROSTER_COLUMNS = ['姓名', '用户名', '角色', '处室', '分管处室', '手机'] as const

export interface RosterRow {
  /** the row in the sheet (2 = first under the header), so errors point at it */
  line: number
  displayName: string
  username: string
  roleLabel: string
  unitName: string
  /** 、-separated unit names, leaders only */
  leaderUnitNames: string
  phone: string
}

export interface CheckedRosterRow extends RosterRow {
  action: 'create' | 'update' | 'unchanged'
  errors: string[]
}

/** What the office writes in the 角色 column, including the usual short forms. */
const ROLE_WORDS: Record<string, Role> = {
  ...Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, label]) => [label, role as Role])),
  管理员: 'admin',
  督查专员: 'office',
  办公室督查专员: 'office',
  处长: 'unit_head',
  负责人: 'unit_head',
  工作人员: 'unit_staff',
  处室人员: 'unit_staff',
  领导: 'leader',
  局长: 'leader',
  副局长: 'leader',
}

export const roleOfLabel = (label: string): Role | null => ROLE_WORDS[label.trim()] ?? null

export const splitUnitNames = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

const USERNAME = /^[A-Za-z0-9_.-]{2,32}$/
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/

export interface RosterWorld {
  /** unit name or alias → unit id */
  unitId(name: string): number | null
  existing: Map<
    string,
    { id: number; displayName: string; role: Role; unitId: number | null; phone: string | null; leaderUnitIds: number[] }
  >
  /** the administrator importing may not take away their own role */
  actorUsername: string
}

export interface ResolvedRosterRow {
  row: CheckedRosterRow
  role: Role | null
  unitId: number | null
  leaderUnitIds: number[]
}

export function checkRosterRows(rows: readonly RosterRow[], world: RosterWorld): ResolvedRosterRow[] {
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(r.username.trim().toLowerCase(), (seen.get(r.username.trim().toLowerCase()) ?? 0) + 1)
  return rows.map((raw) => {
    const r = {
      ...raw,
      displayName: raw.displayName.trim(),
      username: raw.username.trim(),
      roleLabel: raw.roleLabel.trim(),
      unitName: raw.unitName.trim(),
      leaderUnitNames: raw.leaderUnitNames.trim(),
      phone: raw.phone.replace(/\s/g, ''),
    }
    const errors: string[] = []
    if (!r.displayName) errors.push('姓名未填写')
    else if (r.displayName.length > 32) errors.push('姓名不超过32个字')
    if (!r.username) errors.push('用户名未填写')
    else if (!USERNAME.test(r.username)) errors.push('用户名只能由字母、数字、下划线、点或连字符组成，2至32位')
    else if ((seen.get(r.username.toLowerCase()) ?? 0) > 1) errors.push(`用户名“${r.username}”在名册中重复`)
    const role = roleOfLabel(r.roleLabel)
    if (!r.roleLabel) errors.push('角色未填写')
    else if (!role) errors.push(`角色“${r.roleLabel}”无法识别，应为${Object.values(ROLE_LABELS).join('、')}之一`)
    let unitId: number | null = null
    if (r.unitName) {
      unitId = world.unitId(r.unitName)
      if (unitId === null) errors.push(`处室“${r.unitName}”不存在，请先在“单位管理”中添加`)
    } else if (role && isUnitRole(role)) errors.push('处室负责人和工作人员须填写所属处室')
    const leaderUnitIds: number[] = []
    const leaderNames = splitUnitNames(r.leaderUnitNames)
    if (leaderNames.length && role && role !== 'leader') errors.push('只有局领导可以填写分管处室')
    for (const name of leaderNames) {
      const id = world.unitId(name)
      if (id === null) errors.push(`分管处室“${name}”不存在`)
      else leaderUnitIds.push(id)
    }
    if (r.phone && !PHONE.test(r.phone)) errors.push(`手机号“${r.phone}”格式不正确`)
    const before = world.existing.get(r.username.toLowerCase())
    if (before && r.username.toLowerCase() === world.actorUsername.toLowerCase() && role !== 'admin') {
      errors.push('不能通过名册取消自己的系统管理员角色')
    }
    const same =
      before &&
      before.displayName === r.displayName &&
      before.role === role &&
      before.unitId === unitId &&
      (before.phone ?? '') === r.phone &&
      [...before.leaderUnitIds].sort().join() === [...leaderUnitIds].sort().join()
    const action = !before ? 'create' : same ? 'unchanged' : 'update'
    return { row: { ...r, action, errors }, role, unitId, leaderUnitIds }
  })
}
