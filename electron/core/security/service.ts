/** The admin's view of who is locked out and who is signed in, and the means to undo either. */
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { ROLE_LABELS } from '../users/rules'
import { SESSION_IDLE_MINUTES } from '../users/service'
import type { Role } from '../db/schema'

export interface LockView {
  kind: 'user' | 'address'
  subject: string
  failures: number
  lastFailedAt: string
  lockedUntil: string
}

export async function listLocks(ctx: Ctx): Promise<LockView[]> {
  requireRole(ctx.actor, ['admin'])
  const rows = await ctx.db
    .selectFrom('login_attempts')
    .selectAll()
    .where('locked_until', '>', ctx.clock.now().toISOString())
    .orderBy('locked_until', 'desc')
    .execute()
  return rows.map((r) => ({
    kind: r.kind,
    subject: r.subject,
    failures: r.failures,
    lastFailedAt: r.last_failed_at,
    lockedUntil: r.locked_until!,
  }))
}

export async function unlock(ctx: Ctx, input: { kind: 'user' | 'address'; subject: string }): Promise<{ ok: true }> {
  requireRole(ctx.actor, ['admin'])
  await inTransaction(ctx, async (trx) => {
    const gone = await trx
      .deleteFrom('login_attempts')
      .where('kind', '=', input.kind)
      .where('subject', '=', input.subject)
      .executeTakeFirst()
    if (!gone.numDeletedRows) throw new DubanError('not_found', '该锁定记录不存在或已解除')
    await writeAudit(trx, ctx, { action: 'auth.unlock', entity: 'login', entityId: null, before: input })
  })
  return { ok: true }
}

export interface SessionView {
  /** a prefix of the stored token hash: enough to name a session, useless to open one */
  id: string
  userId: number
  username: string
  displayName: string
  roleLabel: string
  createdAt: string
  lastSeenAt: string
  address: string | null
  userAgent: string | null
  current: boolean
}

const SESSION_ID_LENGTH = 16

/** Live sessions (idle ones are swept first), newest activity first. */
export async function listSessions(ctx: Ctx, currentTokenHash: string | null): Promise<SessionView[]> {
  requireRole(ctx.actor, ['admin'])
  const cutoff = new Date(ctx.clock.now().getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString()
  await ctx.db.deleteFrom('sessions').where('last_seen_at', '<', cutoff).execute()
  const rows = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['token_hash', 'user_id', 'username', 'display_name', 'role', 'sessions.created_at', 'last_seen_at', 'address', 'user_agent'])
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.token_hash.slice(0, SESSION_ID_LENGTH),
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    roleLabel: ROLE_LABELS[r.role as Role],
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    address: r.address,
    userAgent: r.user_agent,
    current: r.token_hash === currentTokenHash,
  }))
}

/** Ends a session at once: the next call with its token is refused, because every call reads the table. */
export async function revokeSession(ctx: Ctx, input: { sessionId: string }): Promise<{ ok: true }> {
  requireRole(ctx.actor, ['admin'])
  if (!/^[0-9a-f]{16}$/.test(input.sessionId)) throw new DubanError('invalid_input', '会话编号不正确')
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('sessions')
      .select(['token_hash', 'user_id'])
      .where('token_hash', 'like', `${input.sessionId}%`)
      .executeTakeFirst()
    if (!row) throw new DubanError('not_found', '该会话不存在或已结束')
    await trx.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute()
    await writeAudit(trx, ctx, { action: 'session.revoke', entity: 'user', entityId: row.user_id, before: { sessionId: input.sessionId } })
  })
  return { ok: true }
}
