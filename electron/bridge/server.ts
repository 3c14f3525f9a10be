/**
 * The contract over HTTP(S), on Fastify: the loopback twin of the desktop window (npm run web) and the
 * bureau server on the LAN (npm run serve) are the same server with different options.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import compress from '@fastify/compress'
import type { CoreEnv } from '../contract/dispatch'
import type { Caller } from '../core/security/caller'
import { isLoopbackAddress, isLoopbackHost } from './config'
import { checkHostAndOrigin, LOOPBACK_NAMES } from './guards'
import { registerApiRoutes, LARGE_BODY_BYTES, type ApiDeps } from './api-routes'
import { registerFileRoutes } from './file-routes'
import { createGate } from './gate'
import { CSP_DIRECTIVES, registerStatic } from './static'
import { installErrorHandlers } from './errors'
import { rawRoutesFor } from './raw-routes'

/** A handler over Node's own req/res (the push channel), mounted with reply.hijack(). */
export interface RawRoute {
  method: 'GET' | 'POST'
  url: string
  handler(req: IncomingMessage, res: ServerResponse, caller: Caller): void | Promise<void>
}

export interface BridgeOptions {
  env: CoreEnv
  /** folder of the built renderer; omitted in API-only tests */
  staticRoot?: string
  port: number
  /** default 127.0.0.1 */
  host?: string
  tls?: { cert: string; key: string }
  /** extra names and addresses that mean this server (DUBAN_ALLOWED_HOSTS, the machine's own addresses) */
  allowedHosts?: string[]
  /**
   * Whether a loopback peer counts as "on this machine" (first-admin setup without a code). True only
   * when the server is bound to loopback: on a LAN-bound server a local reverse proxy would make every
   * request look local. Tests set it to false to stand in for a remote desk.
   */
  loopbackIsLocal?: boolean
  /** requests per minute per address; false turns the limit off (the load bench) */
  rateLimitPerMinute?: number | false
  /** gzip responses (worth it on the LAN; on loopback it only costs CPU) */
  compress?: boolean
  /** how many large uploads may be read at once */
  maxConcurrentUploads?: number
  logger?: FastifyServerOptions['logger']
  rawRoutes?: RawRoute[]
  /** how often an open event stream is kept alive and its session re-checked (tests shorten it) */
  eventHeartbeatMs?: number
}

/** Never a password or a token in a log line: pino's request serializer omits bodies; headers are redacted. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'body.password', 'body.token']

export async function buildBridge(opts: BridgeOptions): Promise<FastifyInstance> {
  const host = opts.host ?? '127.0.0.1'
  const tls = !!opts.tls
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: LARGE_BODY_BYTES,
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
    // A malformed URL (POST /api/%E0%A4%A) is answered, never thrown.
    frameworkErrors: (err, _req, reply) => {
      const bad = err.code === 'FST_ERR_BAD_URL'
      const error = { code: bad ? 'bad_url' : 'bad_request', message: bad ? '请求地址格式不正确（含无效的编码）' : '请求格式不正确' }
      void (reply as unknown as FastifyReply).code(400).send({ ok: false, error })
    },
  }) as unknown as FastifyInstance
  installErrorHandlers(app)

  const allowed = new Set([...LOOPBACK_NAMES, ...(opts.allowedHosts ?? []).map((h) => h.toLowerCase())])
  if (host !== '0.0.0.0' && host !== '::') allowed.add(host.toLowerCase())
  app.addHook('onRequest', checkHostAndOrigin({ tls, allowedHosts: allowed }))
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES, ...(tls ? { 'upgrade-insecure-requests': [] } : {}) } },
    crossOriginEmbedderPolicy: false,
    hsts: tls ? { maxAge: 180 * 24 * 3600 } : false,
  })
  if (opts.rateLimitPerMinute !== false) {
    await app.register(rateLimit, { max: opts.rateLimitPerMinute ?? 1200, timeWindow: '1 minute' })
  }
  if (opts.compress ?? true) await app.register(compress, { threshold: 2048 })

  const loopbackIsLocal = opts.loopbackIsLocal ?? isLoopbackHost(host)
  const deps: ApiDeps = {
    env: opts.env,
    largeBodies: createGate(opts.maxConcurrentUploads ?? 4),
    callerOf: (req: FastifyRequest) => ({
      remoteAddress: req.ip,
      local: loopbackIsLocal && isLoopbackAddress(req.socket.remoteAddress),
      userAgent: req.headers['user-agent'] ?? null,
    }),
  }
  app.get('/healthz', async (_req, reply) => {
    await opts.env.db.selectFrom('settings').select('key').limit(1).execute()
    return reply.header('cache-control', 'no-store').send({ ok: true })
  })
  for (const r of opts.rawRoutes ?? rawRoutesFor(opts.env, { heartbeatMs: opts.eventHeartbeatMs })) {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (req, reply) => {
        reply.hijack()
        await r.handler(req.raw, reply.raw, deps.callerOf(req))
      },
    })
  }
  await registerFileRoutes(app, deps)
  registerApiRoutes(app, deps)
  if (opts.staticRoot) await registerStatic(app, opts.staticRoot)
  return app
}

/** Builds and listens; resolves with the address people (and tests) use. */
export async function startBridge(opts: BridgeOptions): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const app = await buildBridge(opts)
  const host = opts.host ?? '127.0.0.1'
  await app.listen({ port: opts.port, host })
  const { port } = app.server.address() as AddressInfo
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  // Closing waits for requests in flight; a keep-alive connection that goes idle after its last answer is
  // closed at once instead of lingering until its keep-alive timeout.
  const close = async () => {
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50)
    try {
      await app.close()
    } finally {
      clearInterval(sweep)
    }
  }
  return { app, url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`, close }
}
