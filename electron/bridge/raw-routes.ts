/**
 * Routes written over Node's own req/res (the push channel, GET /api/events) are listed here and
 * mounted by the server with reply.hijack(), behind the same Host/Origin checks as everything else.
 * The handler authenticates its caller itself (e.g. with authorize() from the contract's dispatch).
 */
import type { CoreEnv } from '../contract/dispatch'
import type { RawRoute } from './server'

export function rawRoutesFor(env: CoreEnv): RawRoute[] {
  void env
  return []
}
