import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { connect } from 'node:tls'
import { isIP } from 'node:net'
import { DubanError } from '../core/errors'

/**
 * Where the desktop app keeps its data: 单机使用 (its own SQLite, as always) or 连接单位服务器 (the bureau
 * server, whose certificate fingerprint was shown and pinned on first connect, as SSH does). Pure Node, no
 * electron import: tested without mocks.
 */
export type Connection =
  { mode: 'unset' } | { mode: 'local' } | { mode: 'server'; serverUrl: string; fingerprint: string; pinnedAt: string }

export const CONNECTION_FILE = 'connection.json'

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/

export function readConnection(dir: string): Connection {
  try {
    const raw = JSON.parse(readFileSync(join(dir, CONNECTION_FILE), 'utf8')) as Record<string, unknown>
    if (raw.mode === 'local') return { mode: 'local' }
    if (raw.mode === 'server' && typeof raw.serverUrl === 'string' && typeof raw.fingerprint === 'string') {
      const fingerprint = normalizeFingerprint(raw.fingerprint)
      return { mode: 'server', serverUrl: normalizeServerUrl(raw.serverUrl), fingerprint, pinnedAt: String(raw.pinnedAt ?? '') }
    }
  } catch {
    /* missing or damaged: ask again, as on first start */
  }
  return { mode: 'unset' }
}

/** Written to a side file and renamed, so a crash never leaves half a configuration. */
export function writeConnection(dir: string, connection: Connection): void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, CONNECTION_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(connection, null, 2) + '\n', { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
}

/** "192.168.1.20:5180" or "https://duban.bureau.lan" → "https://192.168.1.20:5180"; only HTTPS is accepted. */
export function normalizeServerUrl(input: string): string {
  const text = input.trim()
  if (!text) throw new DubanError('invalid_input', '请填写单位服务器的地址')
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    throw new DubanError('invalid_input', `“${text.slice(0, 60)}”不是有效的服务器地址，例如 https://192.168.1.20:5180`)
  }
  if (url.protocol !== 'https:') throw new DubanError('invalid_input', '单位服务器须使用 https:// 加密连接')
  if (url.username || url.password) throw new DubanError('invalid_input', '服务器地址中不能包含用户名或密码')
  return url.origin
}

export function normalizeFingerprint(input: string): string {
  const hex = input
    .replace(/^sha256\s*fingerprint=/i, '')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
  const fp = hex.match(/.{2}/g)?.join(':') ?? ''
  if (!FINGERPRINT.test(fp)) throw new DubanError('invalid_input', '证书指纹格式不正确（应为64位十六进制的SHA-256指纹）')
  return fp
}

/** SHA-256 fingerprint of a PEM certificate (what Electron hands to the verify procedure). */
export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256.toUpperCase()
}

export type Verdict = 'trust' | 'refuse' | 'default'

/**
 * The pin decides for the configured server: its certificate is trusted exactly when its fingerprint is the
 * pinned one (a bureau's self-signed certificate needs no CA), and refused otherwise, however valid it may
 * look. Every other host is left to Chromium's own checks.
 */
export function certificateVerdict(connection: Connection, hostname: string, pem: string): Verdict {
  if (connection.mode !== 'server') return 'default'
  if (new URL(connection.serverUrl).hostname.replace(/^\[|\]$/g, '') !== hostname.replace(/^\[|\]$/g, '')) return 'default'
  try {
    return fingerprintOfPem(pem) === connection.fingerprint ? 'trust' : 'refuse'
  } catch {
    return 'refuse'
  }
}

/** The window's CSP: it may talk to itself and, when connected, to the bureau server's origin only. */
export function cspFor(base: string, connection: Connection): string {
  if (connection.mode !== 'server') return base
  return base.replace("connect-src 'self'", `connect-src 'self' ${connection.serverUrl}`)
}

export interface ServerCertificate {
  serverUrl: string
  fingerprint: string
  subject: string
  validTo: string
}

/** Opens a TLS connection only to read the server's certificate (no request is sent), for the person to check. */
export function probeServer(serverUrl: string, timeoutMs = 8000): Promise<ServerCertificate> {
  const url = new URL(normalizeServerUrl(serverUrl))
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = Number(url.port || 443)
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false, timeout: timeoutMs })
    const fail = (message: string) => {
      socket.destroy()
      reject(new DubanError('unreachable', message))
    }
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate()
      socket.end()
      if (!cert?.fingerprint256) return reject(new DubanError('unreachable', '服务器没有提供证书，无法建立加密连接'))
      resolve({
        serverUrl: url.origin,
        fingerprint: cert.fingerprint256.toUpperCase(),
        subject: typeof cert.subject?.CN === 'string' ? cert.subject.CN : '',
        validTo: cert.valid_to,
      })
    })
    socket.once('timeout', () => fail(`连接 ${url.host} 超时，请检查地址、端口和网络`))
    socket.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'ECONNREFUSED'
          ? `${url.host} 拒绝连接：服务器未启动或端口未开放`
          : err.code === 'ENOTFOUND'
            ? `找不到服务器 ${url.hostname}，请检查地址`
            : `无法与 ${url.host} 建立加密连接（${err.code ?? err.message}）`,
      ),
    )
  })
}
