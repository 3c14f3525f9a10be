/** Brute-force protection for auth.login, shared by every transport because it lives in the core. */
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database } from '../db/schema'
import { DubanError } from '../errors'
import { writeAudit } from '../audit/service'
import type { Caller } from './caller'
import { ADDRESS_LOCK_AFTER, LOCK_MINUTES, USER_LOCK_AFTER, afterFailure, judge, userSubject, type Verdict } from './rules'

type Kind = 'user' | 'address'
interface Subject {
  kind: Kind
  subject: string
  lockAfter: number
}

function subjectsOf(username: string, caller: Caller): Subject[] {
  return [
    { kind: 'user', subject: userSubject(username), lockAfter: USER_LOCK_AFTER },
    { kind: 'address', subject: caller.remoteAddress, lockAfter: ADDRESS_LOCK_AFTER },
  ]
}

function refusal(kind: Kind, verdict: Exclude<Verdict, { allowed: true }>): DubanError {
  if (verdict.reason === 'wait') return new DubanError('throttled', `登录尝试过于频繁，请${verdict.seconds}秒后再试`)
  const minutes = Math.max(1, Math.ceil(verdict.seconds / 60))
  return kind === 'user'
    ? new DubanError('locked', `该账号连续登录失败次数过多，已临时锁定，请${minutes}分钟后再试，或请系统管理员解锁`)
    : new DubanError('locked', `本机登录失败次数过多，已临时锁定，请${minutes}分钟后再试，或请系统管理员解锁`)
}

/** Throws before any password is checked when the user or the address must wait or is locked. */
export async function assertMayTryLogin(ctx: Ctx, username: string, caller: Caller): Promise<void> {
  const now = ctx.clock.now()
  for (const s of subjectsOf(username, caller)) {
    const row = await ctx.db
      .selectFrom('login_attempts')
      .select(['failures', 'last_failed_at', 'locked_until'])
      .where('kind', '=', s.kind)
      .where('subject', '=', s.subject)
      .executeTakeFirst()
    const verdict = judge(row, now, s.kind === 'user')
    if (!verdict.allowed) throw refusal(s.kind, verdict)
  }
}

/** Counts one failure for the user and the address; reaching the threshold locks and is audited. */
export async function recordLoginFailure(trx: Transaction<Database>, ctx: Ctx, username: string, caller: Caller): Promise<void> {
  const now = ctx.clock.now()
  for (const s of subjectsOf(username, caller)) {
    const row = await trx
      .selectFrom('login_attempts')
      .select(['failures', 'last_failed_at', 'locked_until'])
      .where('kind', '=', s.kind)
      .where('subject', '=', s.subject)
      .executeTakeFirst()
    const next = afterFailure(row, now, s.lockAfter)
    await trx
      .insertInto('login_attempts')
      .values({ kind: s.kind, subject: s.subject, ...next })
      .onConflict((oc) => oc.columns(['kind', 'subject']).doUpdateSet(next))
      .execute()
    if (next.locked_until) {
      await writeAudit(trx, ctx, {
        action: 'auth.lock',
        entity: 'login',
        entityId: null,
        after: { kind: s.kind, subject: s.subject, failures: next.failures, lockedUntil: next.locked_until, minutes: LOCK_MINUTES },
      })
    }
  }
}

/** A successful login clears the user's count; the address's count only fades with time. */
export async function clearUserFailures(trx: Transaction<Database>, username: string): Promise<void> {
  await trx.deleteFrom('login_attempts').where('kind', '=', 'user').where('subject', '=', userSubject(username)).execute()
}
