import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKOFF_MS, live, onLive, startLive, stopLive } from '@/api/events'
import { onSessionLost, resetTransport } from '@/api/client'
import type { DubanEvent } from '../../electron/contract/events'

/**
 * The renderer's live channel against a scripted server: each fetch of /api/events answers with the next
 * scripted response. Timers are faked, so backoff is stepped through instead of waited for.
 */
type Script = { status: number; frames?: string[]; body?: unknown; keepOpen?: boolean }
let scripts: Script[] = []
const requests: { url: string; auth: string | null }[] = []
const controllers: ReadableStreamDefaultController<Uint8Array>[] = []

function respond(s: Script): Response {
  if (s.status !== 200) return new Response(JSON.stringify(s.body ?? {}), { status: s.status })
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controllers.push(c)
      for (const f of s.frames ?? []) c.enqueue(new TextEncoder().encode(f))
      if (!s.keepOpen) c.close()
    },
  })
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } })
}

beforeEach(() => {
  vi.useFakeTimers()
  scripts = []
  requests.length = 0
  controllers.length = 0
  const store = new Map<string, string>([['duban.token', 'T0K3N']])
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, auth: (init.headers as Record<string, string>).authorization ?? null })
    const next = scripts.shift()
    if (!next) throw new TypeError('network down')
    return respond(next)
  })
  resetTransport()
})
afterEach(() => {
  stopLive()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('the renderer’s live channel', () => {
  it('sends the session in the Authorization header, never in the URL, and hands events to listeners', async () => {
    const got: (DubanEvent | null)[] = []
    const stop = onLive(['inbox.changed'], (e) => got.push(e))
    scripts.push({
      status: 200,
      keepOpen: true,
      frames: [
        ': 已连接\n\n',
        'id: 1\nevent: inbox.changed\ndata: {"unitId":3}\n\n',
        'event: task.changed\ndata: {"taskId":1,"version":2}\n\n',
      ],
    })
    await startLive()
    await settle()
    expect(requests[0]).toEqual({ url: '/api/events', auth: 'Bearer T0K3N' })
    expect(got).toEqual([{ name: 'inbox.changed', data: { unitId: 3 } }]) // task.changed: not asked for
    expect(live).toMatchObject({ connected: true, offline: false })
    stop()
  })

  it('shows offline when the stream drops, retries with growing pauses, and asks pages to refetch once back', async () => {
    const got: (DubanEvent | null)[] = []
    const stop = onLive(['task.changed'], (e) => got.push(e))
    scripts.push({ status: 200, frames: [': 已连接\n\n'] }) // connects, then the server goes away
    await startLive()
    await settle()
    expect(live.offline).toBe(true)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[0]) // first retry: nothing answers
    expect(requests).toHaveLength(2)
    expect(live.offline).toBe(true)
    await vi.advanceTimersByTimeAsync(BACKOFF_MS[1] - 1)
    expect(requests).toHaveLength(2) // the second pause is longer
    scripts.push({ status: 200, keepOpen: true, frames: [': 已连接\n\n'] })
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(3)
    expect(live).toMatchObject({ connected: true, offline: false })
    expect(got).toEqual([null]) // "refetch what you show"
    stop()
  })

  it('stops and reports a lost session when the server refuses the stream', async () => {
    const lost = vi.fn()
    onSessionLost(lost)
    scripts.push({ status: 401, body: { ok: false, error: { code: 'session_expired', message: '长时间未操作，登录已失效，请重新登录' } } })
    await startLive()
    await settle()
    expect(lost).toHaveBeenCalledWith(expect.objectContaining({ code: 'session_expired' }))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(requests).toHaveLength(1) // no retry loop against a refused session
    expect(sessionStorage.getItem('duban.token')).toBeNull()
    onSessionLost(null)
  })
})
