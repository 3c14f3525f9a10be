import type { Envelope, Input, Method, Output } from '../../electron/contract'
import { zh } from '@/locales/zh-CN'

/** An error the core (or the transport) reports: `message` is meant for people. */
export class ApiError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

interface DubanBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>
}

declare global {
  interface Window {
    duban?: DubanBridge
  }
}

const TOKEN_KEY = 'duban.token'
const SESSION_LOST = new Set(['unauthenticated', 'session_expired'])

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
}

type SessionLostHandler = (error: ApiError) => void
let sessionLost: SessionLostHandler | null = null

/** The router registers what happens when the core says the session is gone. */
export function onSessionLost(handler: SessionLostHandler | null): void {
  sessionLost = handler
}

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const t = token.get()
  if (t) headers.authorization = 'Bearer ' + t
  let res: Response
  try {
    res = await fetch('/api/' + method, { method: 'POST', headers, body: JSON.stringify(input ?? {}) })
  } catch {
    throw new ApiError('network', zh.errors.network)
  }
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    throw new ApiError('bad_response', zh.errors.badResponse)
  }
}

/** The one way the renderer talks to the core: over the preload bridge in Electron, over HTTP in a browser. */
export async function invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = typeof window !== 'undefined' ? window.duban : undefined
  let envelope: Envelope<unknown>
  if (bridge?.invoke) {
    try {
      envelope = await bridge.invoke(method, input)
    } catch {
      throw new ApiError('network', zh.errors.network)
    }
  } else {
    envelope = await overHttp(method, input)
  }
  return settle(method, envelope, Boolean(bridge))
}

/** An envelope from either transport becomes data or a thrown ApiError; a lost session is reported once. */
export function settle<M extends Method>(method: M, envelope: Envelope<unknown>, viaBridge: boolean): Output<M> {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('bad_response', zh.errors.badResponse)
  }
  if (envelope.ok) {
    // In Electron the main process keeps the token; only the HTTP transport needs it here.
    if (method === 'auth.login' && !viaBridge) token.set((envelope.data as { token: string }).token)
    return envelope.data as Output<M>
  }
  const error = new ApiError(envelope.error.code, envelope.error.message)
  if (SESSION_LOST.has(error.code)) {
    token.clear()
    sessionLost?.(error)
  }
  throw error
}
