import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch, httpStatusOf, type CoreEnv } from '../contract/dispatch'
import { serveStatic } from './static'
import { EVENTS_PATH, handleEventStream } from './events'

/** Request bodies beyond this are refused before they are read into memory. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024

export interface BridgeOptions {
  env: CoreEnv
  /** folder of the built renderer; omitted in API-only tests */
  staticRoot?: string
  port: number
  /** how often an open event stream is kept alive and its session re-checked (tests shorten it) */
  eventHeartbeatMs?: number
}

class BodyError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message)
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new BodyError('too_large', '提交的数据过大（超过30MB）')
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new BodyError('invalid_json', '提交的数据不是有效的JSON')
  }
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null
}

/** The contract over HTTP on 127.0.0.1: POST /api/<method>, JSON in, { ok, data | error } out. */
export function startBridge(opts: BridgeOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/'
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (url === EVENTS_PATH && req.method === 'GET' && opts.env.events)
      return handleEventStream({ ...opts.env, events: opts.env.events }, req, res, { heartbeatMs: opts.eventHeartbeatMs })
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return send(405, { ok: false, error: { code: 'method_not_allowed', message: '请使用 POST 调用接口' } })
      let input: unknown
      try {
        input = await readJson(req)
      } catch (err) {
        const e = err as BodyError
        return send(e.code === 'too_large' ? 413 : 400, { ok: false, error: { code: e.code, message: e.message } })
      }
      const method = decodeURIComponent(url.slice(5).split('?')[0])
      const result = await dispatch(opts.env, method, input, bearer(req))
      return send(result.ok ? 200 : httpStatusOf(result.error.code), result)
    }
    if (!opts.staticRoot || (req.method !== 'GET' && req.method !== 'HEAD'))
      return send(404, { ok: false, error: { code: 'not_found', message: '未找到' } })
    await serveStatic(opts.staticRoot, url, res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}` })
    })
  })
}
