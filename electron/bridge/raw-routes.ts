/**
 * Routes written over Node's own req/res (the push channel, GET /api/events) are listed here and
 * mounted by the server with reply.hijack(), behind the same Host/Origin checks as everything else.
 * The handler authenticates its caller itself.
 */
import type { CoreEnv } from '../contract/dispatch'
import type { RawRoute } from './server'
import { EVENTS_PATH, handleEventStream } from './events'

export function rawRoutesFor(env: CoreEnv, opts: { heartbeatMs?: number } = {}): RawRoute[] {
  const events = env.events
  if (!events) return []
  return [{ method: 'GET', url: EVENTS_PATH, handler: (req, res) => handleEventStream({ ...env, events }, req, res, opts) }]
}
