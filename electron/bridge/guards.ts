/**
 * Who may talk to the server at all. A request whose Host is not one of the server's own names is a
 * DNS-rebinding attempt; an Origin from elsewhere is another site's page; a text/plain POST is a
 * cross-site form. All three are refused before anything else runs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isLoopbackHost } from './config'

export interface GuardOptions {
  tls: boolean
  /** lower-case host names and addresses (no port) that mean this server */
  allowedHosts: Set<string>
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1', '[::1]']

/** "example:5180" → "example"; "[::1]:5180" → "::1". */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase()
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined)
  const colon = h.lastIndexOf(':')
  return colon > 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h
}

const hostAllowed = (name: string, opts: GuardOptions) => opts.allowedHosts.has(name) || isLoopbackHost(name)

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ ok: false, error: { code, message } })
}

export function checkHostAndOrigin(opts: GuardOptions) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const host = req.headers.host
    if (!host || !hostAllowed(hostnameOf(host), opts)) {
      req.log.warn({ host }, 'refused: foreign Host')
      return refuse(reply, 421, 'bad_host', '请求的主机名不是本服务器的地址，已拒绝（请使用管理员提供的服务器地址访问）')
    }
    const origin = req.headers.origin
    if (origin !== undefined) {
      let ok = false
      try {
        const u = new URL(origin)
        ok = u.protocol === (opts.tls ? 'https:' : 'http:') && hostAllowed(hostnameOf(u.host), opts) && u.host === host.toLowerCase()
      } catch {
        ok = false
      }
      if (!ok) {
        req.log.warn({ origin }, 'refused: foreign Origin')
        return refuse(reply, 403, 'bad_origin', '来自其他网站的请求已被拒绝')
      }
    }
  }
}

/** /api calls take JSON only (the upload route also takes a raw file body); a form or text/plain POST is refused. */
export function requireJson(req: FastifyRequest, reply: FastifyReply, alsoAllowed: string[] = []) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0'
  if (type === 'application/json' || alsoAllowed.includes(type)) return null
  if (!type && !hasBody && req.headers['transfer-encoding'] === undefined) return null
  return refuse(reply, 415, 'unsupported_media_type', '请以 JSON（application/json）格式提交数据')
}
