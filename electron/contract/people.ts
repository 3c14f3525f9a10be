import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import { id } from './plans'
import type { UnitView } from '../core/units/service'
import type { MergeResult } from '../core/units/admin'
import type { UserView } from '../core/users/service'
import type { NewPerson } from '../core/users/admin'
import type { RosterResult } from '../core/users/roster'
import type { ExportedFile } from '../core/exporters/common'
import { MAX_BASE64_CHARS } from '../core/files/rules'

const ADMIN = ['admin'] as const
const ROLES = ['admin', 'office', 'unit_head', 'unit_staff', 'leader'] as const
const UNIT_KINDS = ['division', 'bureau', 'center', 'association', 'collective'] as const

const unitName = z.string().trim().min(1, '请填写单位名称').max(40, '单位名称不超过40个字')
const unitFields = {
  name: unitName,
  kind: z.enum(UNIT_KINDS, { error: '单位类型无效' }),
  shortName: z.string().trim().max(20, '简称不超过20个字').nullable().optional(),
  aliases: z.array(z.string().trim().max(40, '别名不超过40个字')).max(30, '别名过多').optional(),
  sort: z.int32().min(0).max(100_000).optional(),
}

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名只能由字母、数字、下划线、点或连字符组成，2至32位')
const phone = z
  .string()
  .trim()
  .regex(/^(|1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/, '手机号格式不正确')
  .nullable()
  .optional()
const personFields = {
  username,
  displayName: z.string().trim().min(1, '请填写姓名').max(32, '姓名不超过32个字'),
  role: z.enum(ROLES, { error: '角色无效' }),
  unitId: id.nullable(),
  phone,
  leaderUnitIds: z.array(id).max(100).optional(),
}

const rosterRow = z.object({
  line: z.int32().min(0),
  displayName: z.string().max(100),
  username: z.string().max(100),
  roleLabel: z.string().max(40),
  unitName: z.string().max(100),
  leaderUnitNames: z.string().max(1000),
  phone: z.string().max(40),
})

export const peopleCalls = {
  'units.create': defineCall<UnitView>()({ input: z.object(unitFields), roles: ADMIN }),
  /** rename, order, short name, aliases; active: false retires the unit and keeps its history */
  'units.update': defineCall<UnitView>()({
    input: z.object({
      unitId: id,
      ...z.object(unitFields).partial().shape,
      active: z.boolean().optional(),
    }),
    roles: ADMIN,
  }),
  /** moves tasks, reports, notices, inbox, people and aliases from one unit into another */
  'units.merge': defineCall<MergeResult>()({ input: z.object({ fromUnitId: id, intoUnitId: id }), roles: ADMIN }),
  'users.create': defineCall<NewPerson>()({ input: z.object(personFields), roles: ADMIN }),
  'users.update': defineCall<UserView>()({ input: z.object({ userId: id, ...z.object(personFields).partial().shape }), roles: ADMIN }),
  /** a one-time password, shown once; the person changes it at next sign-in */
  'users.resetPassword': defineCall<NewPerson>()({ input: z.object({ userId: id }), roles: ADMIN }),
  /** active: false refuses sign-in and ends every open session at once */
  'users.setActive': defineCall<UserView>()({ input: z.object({ userId: id, active: z.boolean() }), roles: ADMIN }),
  /** preview (confirm: false) with per-row errors, then confirm: every row in one transaction */
  'users.importRoster': defineCall<RosterResult>()({
    input: z
      .object({
        fileBase64: z
          .string()
          .min(1, '文件是空的')
          .max(MAX_BASE64_CHARS, '文件过大')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确')
          .optional(),
        rows: z.array(rosterRow).min(1, '名册中没有人员').max(2000, '名册过长，请分批导入').optional(),
        confirm: z.boolean(),
      })
      .refine((v) => v.fileBase64 !== undefined || v.rows !== undefined, '请选择人员名册文件'),
    roles: ADMIN,
  }),
  'users.exportRoster': defineCall<ExportedFile>()({ input: z.object({}), roles: ADMIN }),
  /** everyone: old password and a new one that meets the rule */
  'auth.changePassword': defineCall<UserView>()({
    input: z.object({
      oldPassword: z.string().min(1, '请输入原密码').max(128),
      newPassword: z.string().min(1, '请输入新密码').max(128, '密码过长'),
    }),
    roles: ALL_ROLES,
  }),
}
