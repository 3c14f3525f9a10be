/** Whatever goes wrong inside a request becomes a Chinese envelope with a status; nothing reaches the process. */
import type { FastifyError, FastifyInstance } from 'fastify'

const KNOWN: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', message: '提交的数据过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: '请以 JSON（application/json）格式提交数据' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: '提交的数据不是有效的JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: '提交的数据不是有效的JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: '请求长度与内容不符' },
}

export function installErrorHandlers(app: FastifyInstance) {
  // Empty JSON bodies are an empty input, and unparsable JSON gets a message people understand.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, {})
    try {
      done(null, JSON.parse(text))
    } catch {
      done(Object.assign(new Error('提交的数据不是有效的JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined)
    }
  })

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = err.code ? KNOWN[err.code] : undefined
    if (known) return reply.code(known.status).send({ ok: false, error: { code: known.code, message: known.message } })
    if (err.statusCode === 429) {
      return reply.code(429).send({ ok: false, error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' } })
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ ok: false, error: { code: 'bad_request', message: '请求格式不正确' } })
    }
    req.log.error({ err }, 'request failed')
    return reply.code(500).send({ ok: false, error: { code: 'internal', message: '系统内部错误，操作未完成，请稍后重试或联系管理员' } })
  })

  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, error: { code: 'not_found', message: '未找到' } }))
}
