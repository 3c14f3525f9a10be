import { reactive } from 'vue'
import type { DubanEvent, EventName } from '../../electron/contract/events'
import { ApiError, sessionEnded, token, transport } from './client'

/**
 * Live updates: what others changed, pushed as it commits. In the browser and in the desktop app connected
 * to the bureau server they come over GET /api/events (Server-Sent Events read with fetch, so the session
 * travels in the Authorization header and never in a URL); in single use over the preload's onEvent.
 * After a server restart or a network drop the stream reconnects by itself, with growing pauses, and every
 * listener is called once with null so the page refetches what it may have missed.
 */
export const live = reactive({ connected: false, offline: false })

type Listener = (event: DubanEvent | null) => void
const listeners = new Map<Listener, ReadonlySet<EventName>>()

/** Compiler-checked list of the names the renderer accepts (no zod in the renderer bundle). */
const KNOWN: Record<EventName, true> = {
  'inbox.changed': true,
  'reports.awaitingReview': true,
  'task.changed': true,
  'dashboard.invalidated': true,
}

export function onLive(names: readonly EventName[], listener: Listener): () => void {
  listeners.set(listener, new Set(names))
  return () => void listeners.delete(listener)
}

function deliver(event: DubanEvent | null): void {
  for (const [listener, names] of [...listeners]) {
    if (event && !names.has(event.name)) continue
    try {
      listener(event)
    } catch {
      /* one page's failing refresh must not stop the others */
    }
  }
}

function accept(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return
  const { name, data } = raw as { name?: unknown; data?: unknown }
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(KNOWN, name) || !data || typeof data !== 'object') return
  deliver({ name, data } as DubanEvent)
}

/** Waits between attempts: quick at first (a restart takes seconds), then at most every 8 s. */
export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000]
/** the server sends a heartbeat every 15 s; silence for longer than this means a dead connection */
const SILENCE_MS = 40_000

let running = false
let abort: AbortController | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null
let stopIpc: (() => void) | null = null

export async function startLive(): Promise<void> {
  if (running) return
  running = true
  const route = await transport()
  const bridge = typeof window !== 'undefined' ? window.duban : undefined
  if (route.kind === 'ipc') {
    stopIpc = bridge?.onEvent?.(accept) ?? null
    live.connected = true
    live.offline = false
    return
  }
  void streamLoop(route.base)
}

export function stopLive(): void {
  running = false
  abort?.abort()
  abort = null
  if (retryTimer) clearTimeout(retryTimer)
  retryTimer = null
  stopIpc?.()
  stopIpc = null
  live.connected = false
  live.offline = false
}

async function streamLoop(base: string): Promise<void> {
  let attempt = 0
  let everConnected = false
  while (running) {
    const opened = await readStream(base, () => {
      attempt = 0
      live.connected = true
      live.offline = false
      if (everConnected) deliver(null) // back after a gap: refetch what may have been missed
      everConnected = true
    })
    if (!running) return
    live.connected = false
    if (opened === 'refused') return
    live.offline = true
    const wait = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]
    await new Promise<void>((resolve) => (retryTimer = setTimeout(resolve, wait)))
  }
}

/** One connection: resolves when it ends ('ended'), or 'refused' when the session is gone. */
async function readStream(base: string, onOpen: () => void): Promise<'ended' | 'refused'> {
  const controller = new AbortController()
  abort = controller
  let silence: ReturnType<typeof setTimeout> | null = null
  const watch = () => {
    if (silence) clearTimeout(silence)
    silence = setTimeout(() => controller.abort(), SILENCE_MS)
  }
  try {
    const t = token.get()
    const res = await fetch(base + '/api/events', {
      headers: t ? { authorization: 'Bearer ' + t, accept: 'text/event-stream' } : { accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    })
    if (res.status === 401) {
      const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null
      running = false
      sessionEnded(new ApiError(body?.error?.code ?? 'unauthenticated', body?.error?.message ?? '请先登录'))
      return 'refused'
    }
    if (!res.ok || !res.body) return 'ended'
    onOpen()
    watch()
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return 'ended'
      watch()
      buffer += value
      let cut: number
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const name = /^event: (.+)$/m.exec(frame)?.[1]
        const data = /^data: (.+)$/m.exec(frame)?.[1]
        if (!name || !data) continue // heartbeat comments
        try {
          accept({ name, data: JSON.parse(data) })
        } catch {
          /* a garbled frame is skipped */
        }
      }
    }
  } catch {
    return 'ended'
  } finally {
    if (silence) clearTimeout(silence)
  }
}
