/** Raw HTTP helpers for the server tests: what fetch will not do (a foreign Host, a half-sent body). */
import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function rawRequest(
  base: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

/**
 * Announces a large body, sends only its first bytes, and reports the answer that arrives while the
 * rest is still unsent: proof that the server decided without reading the body.
 */
export function halfSentBody(
  base: string,
  path: string,
  headers: Record<string, string>,
  announced: number,
): Promise<{ status: number; body: string; sentBytes: number }> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    let sent = 0
    const req = request(
      { host: u.hostname, port: u.port, method: 'POST', path, headers: { ...headers, 'content-length': String(announced) } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (body += c))
        res.on('end', () => {
          req.destroy()
          resolve({ status: res.statusCode ?? 0, body, sentBytes: sent })
        })
      },
    )
    req.on('error', (err) => (sent > 0 ? undefined : reject(err)))
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    req.write(chunk)
    sent += chunk.length
  })
}
