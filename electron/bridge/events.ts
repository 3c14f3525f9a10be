import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DubanEvent } from '../contract/events'
import type { CoreEnv } from '../contract/dispatch'
import { toApiError } from '../contract/dispatch'
import type { EventBus } from '../core/events/bus'
import { resolveSession, SESSION_IDLE_MINUTES } from '../core/users/service'
import { tokenHash } from '../core/users/passwords'

export const EVENTS_PATH = '/api/events'
export const HEARTBEAT_MS = 15_000

export interface EventStreamOptions {
  /** a comment line this often keeps proxies from closing the stream and lets the page notice a dead one */
  heartbeatMs?: number
}

/**
 * GET /api/events: Server-Sent Events for the signed-in person, authenticated like every call by the
 * session token in the Authorization header. The renderer reads the stream with fetch (not EventSource),
 * so the token never appears in a URL, a server log or the browser history, and no second kind of
 * credential (an event ticket) has to be issued, stored and expired. Each heartbeat also checks that the
 * session still exists: an idle-expired session's stream ends, and the page's reconnect is refused. Signing out
 * (and revoking, through EventBus.endSession) ends the session's streams at once.
 *
 * Written over Node's raw request and response so any server can host it (Fastify: reply.hijack()).
 */
export async function handleEventStream(
  env: CoreEnv & { events: EventBus },
  req: IncomingMessage,
  res: ServerResponse,
  opts: EventStreamOptions = {},
): Promise<void> {
  const auth = req.headers.authorization
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : ''
  let actor
  try {
    if (!token) throw Object.assign(new Error(), { code: 'unauthenticated' })
    actor = await resolveSession(env, token)
  } catch (err) {
    const error = token ? toApiError(err) : { code: 'unauthenticated', message: '请先登录' }
    res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(JSON.stringify({ ok: false, error }))
    return
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no', // a reverse proxy in front must not hold events back
  })
  res.flushHeaders()
  res.write(': 已连接\n\n')

  let seq = 0
  const send = (event: DubanEvent) => {
    res.write(`id: ${++seq}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`)
  }
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    clearInterval(heartbeat)
    unsubscribe()
    res.end()
  }
  const hash = tokenHash(token)
  const unsubscribe = env.events.subscribe(actor, send, end, hash)
  const heartbeat = setInterval(() => {
    void sessionAlive(env, hash).then(
      (alive) => (alive ? res.write(': ping\n\n') : end()),
      () => end(),
    )
  }, opts.heartbeatMs ?? HEARTBEAT_MS)
  req.on('close', end)
  res.on('error', end)
}

/** Still signed in? Read only: an open page must not keep an idle session alive by itself. */
async function sessionAlive(env: CoreEnv, hash: string): Promise<boolean> {
  const s = await env.db.selectFrom('sessions').select('last_seen_at').where('token_hash', '=', hash).executeTakeFirst()
  if (!s) return false
  return env.clock.now().getTime() - new Date(s.last_seen_at).getTime() <= SESSION_IDLE_MINUTES * 60_000
}
