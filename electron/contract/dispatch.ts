import { z } from 'zod'
import type { Ctx, Clock } from '../core/context'
import type { Db } from '../core/db/connection'
import { DubanError } from '../core/errors'
import { resolveSession } from '../core/users/service'
import type { EventBus } from '../core/events/bus'
import { contract, type Envelope, type Method } from './index'
import { handlers } from './handlers'

z.config(z.locales.zhCN())

export interface CoreEnv {
  db: Db
  clock: Clock
  files: { dir: string }
  /** live updates to connected people (SSE, desktop IPC) */
  events?: EventBus
}

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
  console.error('[duban] internal error:', err)
  return { code: 'internal', message: '系统内部错误，操作未完成，请稍后重试或联系管理员' }
}

/** The single entry point both transports call: validate, authenticate, authorise, run. */
export async function dispatch(env: CoreEnv, method: string, rawInput: unknown, token: string | null): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
    const def = contract[method]
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw new DubanError('invalid_input', describeIssues(parsed.error))
    let actor = null
    if (def.roles !== 'public') {
      if (!token) throw new DubanError('unauthenticated', '请先登录')
      actor = await resolveSession(env, token)
      if (!def.roles.includes(actor.role)) throw new DubanError('forbidden', '您没有权限执行此操作')
    }
    const ctx: Ctx = { ...env, actor }
    const handler = handlers[method] as (ctx: Ctx, input: unknown, meta: { token: string | null }) => unknown
    const data = await handler(ctx, parsed.data, { token })
    return { ok: true, data }
  } catch (err) {
    return { ok: false, error: toApiError(err) }
  }
}

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  session_expired: 401,
  bad_credentials: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  stale: 409,
  internal: 500,
  busy: 503,
}

export const httpStatusOf = (code: string) => STATUS[code] ?? 400
