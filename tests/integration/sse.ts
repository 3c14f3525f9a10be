/** A test's reader of GET /api/events: the same fetch-with-Authorization the renderer uses. */
export interface SseEvent {
  name: string
  data: any
  at: number
}

export async function openStream(base: string, token: string | null, query = '') {
  const controller = new AbortController()
  const res = await fetch(`${base}/api/events${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  })
  const queue: SseEvent[] = []
  const waiters: (() => void)[] = []
  let ended = false
  const wake = () => waiters.splice(0).forEach((w) => w())
  if (res.ok && res.body) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      let buf = ''
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buf += value
          let cut: number
          while ((cut = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, cut)
            buf = buf.slice(cut + 2)
            const name = /^event: (.+)$/m.exec(frame)?.[1]
            const data = /^data: (.+)$/m.exec(frame)?.[1]
            if (name && data) queue.push({ name, data: JSON.parse(data), at: performance.now() })
            wake()
          }
        }
      } catch {
        /* aborted */
      }
      ended = true
      wake()
    })()
  }
  return {
    status: res.status,
    res,
    /** the next event (of this name, skipping others), or null once the stream has ended */
    async next(name?: string): Promise<SseEvent | null> {
      for (;;) {
        const i = queue.findIndex((e) => !name || e.name === name)
        if (i >= 0) return queue.splice(i, 1)[0]
        if (ended) return null
        await new Promise<void>((r) => waiters.push(r))
      }
    },
    /** resolves when the server ends the stream */
    async ended(): Promise<void> {
      while (!ended) await new Promise<void>((r) => waiters.push(r))
    },
    received: () => [...queue],
    close: () => controller.abort(),
  }
}
