/**
 * POST /api/<method>: the contract over HTTP. The session is checked in onRequest, before a single
 * byte of the body is read, so an unauthenticated 30 MB body costs the server nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { authorize, dispatchAuthorized, httpStatusOf, toApiError, type CoreEnv } from '../contract/dispatch'
import type { Actor } from '../core/context'
import type { Caller } from '../core/security/caller'
import { requireJson } from './guards'
import type { Gate } from './gate'

/** Calls that carry a whole document as base64 (import preview, Excel forms, the JSON upload). */
const LARGE_BODY_METHODS = new Set(['imports.previewFile', 'forms.preview', 'files.upload'])
export const SMALL_BODY_BYTES = 1024 * 1024
export const LARGE_BODY_BYTES = 30 * 1024 * 1024

export interface CallState {
  actor: Actor | null
  token: string | null
  method: string
}

declare module 'fastify' {
  interface FastifyRequest {
    call: CallState | null
  }
}

export function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null
}

export function sendError(reply: FastifyReply, err: unknown) {
  const error = toApiError(err)
  return reply.code(httpStatusOf(error.code)).header('cache-control', 'no-store').send({ ok: false, error })
}

export interface ApiDeps {
  env: CoreEnv
  callerOf(req: FastifyRequest): Caller
  /** caps how many large bodies are read at once */
  largeBodies: Gate
}

/** Method, content type, size and session: all decided from the headers alone. */
export async function admitCall(
  deps: ApiDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  method: string,
  opts: { extraTypes?: string[]; alwaysGate?: boolean; limit?: number } = {},
) {
  if (requireJson(req, reply, opts.extraTypes)) return reply
  const token = bearer(req)
  try {
    req.call = { actor: await authorize(deps.env, method, token), token, method }
  } catch (err) {
    return sendError(reply, err)
  }
  const length = Number(req.headers['content-length'] ?? 0)
  const limit = opts.limit ?? (LARGE_BODY_METHODS.has(method) ? LARGE_BODY_BYTES : SMALL_BODY_BYTES)
  if (length > limit) {
    const message = opts.limit
      ? `文件超过${Math.floor(limit / 1024 / 1024)}MB，请压缩后再上传`
      : `提交的数据过大（超过${limit / 1024 / 1024}MB）`
    return reply
      .code(413)
      .header('connection', 'close')
      .send({ ok: false, error: { code: 'too_large', message } })
  }
  const large = opts.alwaysGate || (LARGE_BODY_METHODS.has(method) && length > SMALL_BODY_BYTES)
  if (large && !deps.largeBodies.enter(reply)) {
    return reply.code(503).send({ ok: false, error: { code: 'busy', message: '服务器正在处理较多上传，请稍后再试' } })
  }
}

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps) {
  app.post<{ Params: { method: string } }>('/api/:method', {
    bodyLimit: LARGE_BODY_BYTES,
    onRequest: (req, reply) => admitCall(deps, req, reply, req.params.method),
    handler: async (req, reply) => {
      const call = req.call!
      const result = await dispatchAuthorized(deps.env, call.method, req.body, call.actor, call.token, deps.callerOf(req))
      return reply
        .code(result.ok ? 200 : httpStatusOf(result.error.code))
        .header('cache-control', 'no-store')
        .send(result)
    },
  })
  // Everything else under /api is a POST-only contract (the push channel registers its own GET).
  app.all('/api/*', (_req, reply) =>
    reply.code(405).send({ ok: false, error: { code: 'method_not_allowed', message: '请使用 POST 调用接口' } }),
  )
}
