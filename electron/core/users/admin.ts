/** 人员管理: the administrator adds and edits people, maps 分管, resets passwords and retires accounts. */
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, Role } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { hashPassword, newSalt, oneTimePassword, tokenHash, verifyPassword } from './passwords'
import { isUnitRole, passwordProblem, requireActor, requireRole } from './rules'
import { createUser, userView, type UserView } from './service'

export interface PersonInput {
  username: string
  displayName: string
  role: Role
  unitId: number | null
  phone?: string | null
  /** 分管处室, for leaders only */
  leaderUnitIds?: number[]
}

/** Who a person is, as the audit log records it (never a password or hash). */
async function personSnapshot(trx: Transaction<Database>, id: number) {
  const u = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  if (!u) throw notFound('该人员')
  const units = await trx.selectFrom('leader_units').select('unit_id').where('leader_id', '=', id).orderBy('unit_id').execute()
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    unitId: u.unit_id,
    phone: u.phone,
    active: u.active === 1,
    leaderUnitIds: units.map((x) => x.unit_id),
  }
}

function checkPlacement(input: { role: Role; unitId: number | null; leaderUnitIds?: number[] }): void {
  if (isUnitRole(input.role) && !input.unitId) throw new DubanError('invalid_input', '处室负责人和工作人员必须指定所属处室')
  if (input.role !== 'leader' && input.leaderUnitIds?.length) throw new DubanError('invalid_input', '只有局领导可以设置分管处室')
}

/** Replaces the units a leader is in charge of (分管). */
export async function setLeaderUnits(trx: Transaction<Database>, leaderId: number, unitIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('leader_units').where('leader_id', '=', leaderId).execute()
  for (const unitId of new Set(unitIds)) await trx.insertInto('leader_units').values({ leader_id: leaderId, unit_id: unitId }).execute()
}

export interface NewPerson {
  user: UserView
  /** shown once; only its hash is kept */
  oneTimePassword: string
}

/** A new person gets a one-time password, shown once, to be changed at first sign-in. */
export async function createPerson(ctx: Ctx, input: PersonInput): Promise<NewPerson> {
  requireRole(ctx.actor, ['admin'])
  checkPlacement(input)
  const password = oneTimePassword()
  const user = await inTransaction(ctx, async (trx) => {
    const created = await createUser({ ...ctx, db: trx }, { ...input, password, mustChangePassword: true })
    if (input.role === 'leader' && input.leaderUnitIds?.length) {
      await setLeaderUnits(trx, created.id, input.leaderUnitIds)
      await writeAudit(trx, ctx, {
        action: 'user.leaderUnits',
        entity: 'user',
        entityId: created.id,
        after: { leaderUnitIds: input.leaderUnitIds },
      })
    }
    return created
  })
  return { user: await userView(ctx, user.id), oneTimePassword: password }
}

export async function updatePerson(ctx: Ctx, input: Partial<PersonInput> & { userId: number }): Promise<UserView> {
  const actor = requireRole(ctx.actor, ['admin'])
  await inTransaction(ctx, async (trx) => {
    const before = await personSnapshot(trx, input.userId)
    const next = {
      username: input.username ?? before.username,
      displayName: input.displayName ?? before.displayName,
      role: input.role ?? before.role,
      unitId: input.unitId === undefined ? before.unitId : input.unitId,
      phone: input.phone === undefined ? before.phone : input.phone || null,
    }
    const leaderUnitIds = next.role === 'leader' ? (input.leaderUnitIds ?? before.leaderUnitIds) : []
    checkPlacement({ ...next, leaderUnitIds })
    if (input.userId === actor.id && next.role !== 'admin') throw new DubanError('conflict', '不能取消自己的系统管理员角色')
    if (next.username !== before.username) {
      const taken = await trx.selectFrom('users').select('id').where('username', '=', next.username).executeTakeFirst()
      if (taken) throw new DubanError('conflict', `用户名“${next.username}”已被使用`)
    }
    await trx
      .updateTable('users')
      .set({ username: next.username, display_name: next.displayName, role: next.role, unit_id: next.unitId, phone: next.phone })
      .where('id', '=', input.userId)
      .execute()
    await setLeaderUnits(trx, input.userId, leaderUnitIds)
    // A changed role or unit changes what the person may see: open sessions end so the next call signs in afresh.
    if (next.role !== before.role || next.unitId !== before.unitId)
      await trx.deleteFrom('sessions').where('user_id', '=', input.userId).execute()
    await writeAudit(trx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: input.userId,
      before,
      after: await personSnapshot(trx, input.userId),
    })
  })
  return userView(ctx, input.userId)
}

/** A forgotten password: a new one-time password, shown once; the old one and every open session stop working. */
export async function resetPassword(ctx: Ctx, input: { userId: number }): Promise<{ user: UserView; oneTimePassword: string }> {
  requireRole(ctx.actor, ['admin'])
  const password = oneTimePassword()
  await inTransaction(ctx, async (trx) => {
    await personSnapshot(trx, input.userId)
    const salt = newSalt()
    await trx
      .updateTable('users')
      .set({ password_salt: salt, password_hash: hashPassword(password, salt), must_change_password: 1 })
      .where('id', '=', input.userId)
      .execute()
    await trx.deleteFrom('sessions').where('user_id', '=', input.userId).execute()
    await writeAudit(trx, ctx, {
      action: 'user.resetPassword',
      entity: 'user',
      entityId: input.userId,
      after: { mustChangePassword: true },
    })
  })
  return { user: await userView(ctx, input.userId), oneTimePassword: password }
}

/** Deactivating refuses sign-in and ends every open session at once; the person and their history stay. */
export async function setActive(ctx: Ctx, input: { userId: number; active: boolean }): Promise<UserView> {
  const actor = requireRole(ctx.actor, ['admin'])
  if (input.userId === actor.id && !input.active) throw new DubanError('conflict', '不能停用自己的账号')
  await inTransaction(ctx, async (trx) => {
    const before = await personSnapshot(trx, input.userId)
    await trx
      .updateTable('users')
      .set({ active: Number(input.active) })
      .where('id', '=', input.userId)
      .execute()
    let endedSessions = 0
    if (!input.active)
      endedSessions = Number((await trx.deleteFrom('sessions').where('user_id', '=', input.userId).executeTakeFirst()).numDeletedRows)
    await writeAudit(trx, ctx, {
      action: input.active ? 'user.activate' : 'user.deactivate',
      entity: 'user',
      entityId: input.userId,
      before: { active: before.active },
      after: { active: input.active, endedSessions },
    })
  })
  return userView(ctx, input.userId)
}

/** Everyone changes their own password: the old one must be right and the new one meet the rule. */
export async function changePassword(
  ctx: Ctx,
  input: { oldPassword: string; newPassword: string },
  currentToken: string | null,
): Promise<UserView> {
  const actor = requireActor(ctx.actor)
  const u = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.id).executeTakeFirstOrThrow()
  if (!verifyPassword(input.oldPassword, u.password_salt, u.password_hash)) throw new DubanError('wrong_password', '原密码不正确')
  const problem = passwordProblem(input.newPassword, u.username)
  if (problem) throw new DubanError('invalid_input', problem)
  if (input.newPassword === input.oldPassword) throw new DubanError('invalid_input', '新密码不能与原密码相同')
  await inTransaction(ctx, async (trx) => {
    const salt = newSalt()
    await trx
      .updateTable('users')
      .set({ password_salt: salt, password_hash: hashPassword(input.newPassword, salt), must_change_password: 0 })
      .where('id', '=', actor.id)
      .execute()
    // Sessions elsewhere (another computer) end; this one goes on.
    let others = trx.deleteFrom('sessions').where('user_id', '=', actor.id)
    if (currentToken) others = others.where('token_hash', '!=', tokenHash(currentToken))
    await others.execute()
    await writeAudit(trx, ctx, { action: 'user.changePassword', entity: 'user', entityId: actor.id, after: { mustChangePassword: false } })
  })
  return userView(ctx, actor.id)
}
