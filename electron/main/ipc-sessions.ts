import { dispatch, type CoreEnv } from '../contract/dispatch'
import type { Envelope } from '../contract'

/**
 * In the window the token never reaches the renderer's storage: the main process keeps it per
 * web contents and hands it to the same dispatcher the HTTP bridge uses. No electron import here.
 */
export function createIpcInvoker(env: CoreEnv) {
  const tokens = new Map<number, string>()
  return {
    async invoke(senderId: number, method: unknown, input: unknown): Promise<Envelope<unknown>> {
      if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: '调用格式不正确' } }
      const result = await dispatch(env, method, input, tokens.get(senderId) ?? null)
      if (result.ok && method === 'auth.login') tokens.set(senderId, (result.data as { token: string }).token)
      if (method === 'auth.logout' || (!result.ok && result.error.code === 'session_expired')) tokens.delete(senderId)
      return result
    },
    forget(senderId: number) {
      tokens.delete(senderId)
    },
  }
}
