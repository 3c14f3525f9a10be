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
  /** live updates pushed by the main process in single-use mode; returns the unsubscribe */
  onEvent?(listener: (event: unknown) => void): () => void
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

/** The live-update channel reports a refused session the same way a call does. */
export function sessionEnded(error: ApiError): void {
  token.clear()
  sessionLost?.(error)
}

/**
 * How this renderer reaches the core: IPC to the desktop app's own database (单机使用), or HTTP(S) to a
 * server (the browser's own origin, or the bureau server the desktop app was connected to).
 */
export type Transport = { kind: 'ipc' } | { kind: 'http'; base: string }

let chosen: Promise<Transport> | null = null
const bridgeOf = () => (typeof window !== 'undefined' ? window.duban : undefined)

export function transport(): Promise<Transport> {
  chosen ??= chooseTransport()
  return chosen
}

async function chooseTransport(): Promise<Transport> {
  const bridge = bridgeOf()
  if (!bridge?.invoke) return { kind: 'http', base: '' }
  try {
    const connection = await bridge.invoke('desktop.connection', {})
    if (connection.ok) {
      const c = connection.data as { mode: string; serverUrl: string | null }
      if (c.mode === 'server' && c.serverUrl) return { kind: 'http', base: c.serverUrl }
    }
  } catch {
    /* an older shell without the call: single use */
  }
  return { kind: 'ipc' }
}

/** Tests and the connection page start over after the desktop app changes where it connects. */
export function resetTransport(): void {
  chosen = null
}

async function overHttp(base: string, method: string, input: unknown): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const t = token.get()
  if (t) headers.authorization = 'Bearer ' + t
  let res: Response
  try {
    res = await fetch(base + '/api/' + method, { method: 'POST', headers, body: JSON.stringify(input ?? {}) })
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
  const bridge = bridgeOf()
  // the desktop shell's own calls (where to connect) always go to the shell
  const route: Transport = bridge?.invoke && method.startsWith('desktop.') ? { kind: 'ipc' } : await transport()
  let envelope: Envelope<unknown>
  if (route.kind === 'ipc' && bridge?.invoke) {
    try {
      envelope = await bridge.invoke(method, input)
    } catch {
      throw new ApiError('network', zh.errors.network)
    }
  } else {
    envelope = await overHttp(route.kind === 'http' ? route.base : '', method, input)
  }
  return settle(method, envelope, route.kind === 'http')
}

/** An envelope from either transport becomes data or a thrown ApiError; a lost session is reported once. */
export function settle<M extends Method>(method: M, envelope: Envelope<unknown>, httpTransport: boolean): Output<M> {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('bad_response', zh.errors.badResponse)
  }
  if (envelope.ok) {
    // In Electron the main process keeps the token; only the HTTP transport needs it here.
    if (method === 'auth.login' && httpTransport) token.set((envelope.data as { token: string }).token)
    return envelope.data as Output<M>
  }
  const error = new ApiError(envelope.error.code, envelope.error.message)
  if (SESSION_LOST.has(error.code)) {
    token.clear()
    sessionLost?.(error)
  }
  throw error
}
