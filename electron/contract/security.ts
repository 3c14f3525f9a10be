import { z } from 'zod'
import { defineCall } from './define'
import type { LockView, SessionView } from '../core/security/service'
import type { ServerInfo } from '../core/security/server-info'

export type { LockView, SessionView, ServerInfo }

/** The admin's 服务器与安全 page: locked logins, live sessions, and the server's address and certificate. */
export const securityCalls = {
  'security.locks': defineCall<LockView[]>()({ input: z.object({}), roles: ['admin'] }),
  'security.unlock': defineCall<{ ok: true }>()({
    input: z.object({ kind: z.enum(['user', 'address']), subject: z.string().min(1).max(64) }),
    roles: ['admin'],
  }),
  'sessions.list': defineCall<SessionView[]>()({ input: z.object({}), roles: ['admin'] }),
  'sessions.revoke': defineCall<{ ok: true }>()({
    input: z.object({ sessionId: z.string().regex(/^[0-9a-f]{16}$/, '会话编号不正确') }),
    roles: ['admin'],
  }),
  'server.info': defineCall<ServerInfo>()({ input: z.object({}), roles: ['admin'] }),
}
