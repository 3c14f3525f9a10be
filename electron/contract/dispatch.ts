import { z } from 'zod'
import type { Actor, Ctx, Clock } from '../core/context'
import { withTimeZone } from '../core/context'
import { readBureauTimeZone } from '../core/calendar/zone'
import type { Db } from '../core/db/connection'
import { DubanError } from '../core/errors'
import { resolveSession } from '../core/users/service'
import { UNKNOWN_CALLER, type Caller } from '../core/security/caller'
import type { ServerInfo } from '../core/security/server-info'
import type { EventBus } from '../core/events/bus'
import { contract, type Envelope, type Method } from './index'
import { handlers, type CallMeta } from './handlers'

z.config(z.locales.zhCN())

export interface CoreEnv {
  db: Db
  clock: Clock
  files: { dir: string }
  /** set by the bureau server so the admin page can show its address and certificate */
  server?: ServerInfo
  /** live updates to connected people (SSE, desktop IPC) */
  events?: EventBus
}

/** With a one-time password not yet changed, only these calls go through. */
const BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.me', 'auth.logout', 'auth.changePassword'])
export const PASSWORD_CHANGE_REQUIRED = '您正在使用初始密码，请先修改密码后再继续使用督办台'

const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(contract, name)

function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
  return `输入有误：${first.join('；')}`
}

/** Turns any failure into something safe to show: no stack traces, no SQL. */
export function toApiError(err: unknown): { code: string; message: string } {
  if (err instanceof DubanError) return { code: err.code, message: err.message }
  const code = (err as { code?: string })?.code ?? ''
  if (code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) return { code: 'invalid_reference', message: '引用的单位、人员或任务不存在' }
  if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'conflict', message: '数据与已有记录冲突，未保存' }
  if (code === 'SQLITE_BUSY') return { code: 'busy', message: '数据库正忙，请稍后再试' }
  // PostgreSQL's SQLSTATE: foreign key, unique (and check, not null), serialization failure or deadlock left after retries
  if (code === '23503') return { code: 'invalid_reference', message: '引用的单位、人员或任务不存在' }
  if (code === '23505' || code === '23514' || code === '23502') return { code: 'conflict', message: '数据与已有记录冲突，未保存' }
  if (code === '40001' || code === '40P01') return { code: 'busy', message: '数据库正忙，请稍后再试' }
  console.error('[duban] internal error:', err)
  return { code: 'internal', message: '系统内部错误，操作未完成，请稍后重试或联系管理员' }
}

/**
 * Who may make this call with this token: the method must exist, and unless it is public the session
 * must be alive and its role allowed. The HTTP bridge runs this before it reads a request's body.
 */
export async function authorize(env: CoreEnv, method: string, token: string | null): Promise<Actor | null> {
  if (!isMethod(method)) throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
  const def = contract[method]
  if (def.roles === 'public') return null
  if (!token) throw new DubanError('unauthenticated', '请先登录')
  const actor = await resolveSession(env, token)
  if (!def.roles.includes(actor.role)) throw new DubanError('forbidden', '您没有权限执行此操作')
  if (actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(method)) {
    throw new DubanError('password_change_required', PASSWORD_CHANGE_REQUIRED)
  }
  return actor
}

/** Validates the input and runs the use case for an actor already authorised by `authorize`. */
export async function dispatchAuthorized(
  env: CoreEnv,
  method: string,
  rawInput: unknown,
  actor: Actor | null,
  token: string | null,
  caller: Caller,
): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
    const parsed = contract[method].input.safeParse(rawInput ?? {})
    if (!parsed.success) throw new DubanError('invalid_input', describeIssues(parsed.error))
    // Read per call, so a changed 本局信息 setting counts from the next call on, in every process.
    const clock = withTimeZone(env.clock, await readBureauTimeZone(env.db))
    const ctx: Ctx = { ...env, clock, actor }
    const handler = handlers[method] as (ctx: Ctx, input: unknown, meta: CallMeta) => unknown
    const data = await handler(ctx, parsed.data, { token, ...caller })
    return { ok: true, data }
  } catch (err) {
    return { ok: false, error: toApiError(err) }
  }
}

/**
 * The single entry point both transports call: validate, authenticate, authorise, run.
 * `caller` is what the transport knows about the other end; left out, the caller counts as remote.
 */
export async function dispatch(
  env: CoreEnv,
  method: string,
  rawInput: unknown,
  token: string | null,
  caller: Caller = UNKNOWN_CALLER,
): Promise<Envelope<unknown>> {
  let actor: Actor | null
  try {
    if (!isMethod(method)) throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
    const parsed = contract[method].input.safeParse(rawInput ?? {})
    if (!parsed.success) throw new DubanError('invalid_input', describeIssues(parsed.error))
    actor = await authorize(env, method, token)
  } catch (err) {
    return { ok: false, error: toApiError(err) }
  }
  return dispatchAuthorized(env, method, rawInput, actor, token, caller)
}

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  session_expired: 401,
  bad_credentials: 401,
  forbidden: 403,
  setup_code: 403,
  throttled: 429,
  locked: 429,
  password_change_required: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  stale: 409,
  internal: 500,
  busy: 503,
}

export const httpStatusOf = (code: string) => STATUS[code] ?? 400
