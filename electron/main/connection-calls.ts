import type { Envelope } from '../contract'
import type { ConnectionView } from '../contract/desktop'
import { contract } from '../contract'
import { toApiError } from '../contract/dispatch'
import { DubanError } from '../core/errors'
import {
  normalizeFingerprint,
  normalizeServerUrl,
  probeServer,
  readConnection,
  writeConnection,
  type Connection,
  type ServerCertificate,
} from './connection'

export const CHANGED_FINGERPRINT_MESSAGE =
  '警告：该服务器的证书指纹与首次连接时记录的不同。可能是服务器更换了证书，也可能有人冒充服务器。' +
  '请先与本单位系统管理员核对新指纹；核对无误后，才可选择“改用新指纹”。'

/**
 * The desktop shell's own calls, about where it connects (desktop.connection, probeServer, connect,
 * useLocal). No electron import: the main process hands in its userData folder.
 */
export function createConnectionCalls(opts: {
  dir: string
  probe?: (url: string) => Promise<ServerCertificate>
  now?: () => Date
  /** the shell reloads the window from where it now connects (the server's own page, or the bundled one) */
  onChange?: (connection: Connection) => void
}) {
  const probe = opts.probe ?? ((url: string) => probeServer(url))
  let current = readConnection(opts.dir)
  let mismatch: ConnectionView['mismatch'] = null

  const view = (): ConnectionView => ({
    mode: current.mode,
    serverUrl: current.mode === 'server' ? current.serverUrl : null,
    fingerprint: current.mode === 'server' ? current.fingerprint : null,
    mismatch,
  })
  const pinnedFor = (serverUrl: string) => (current.mode === 'server' && current.serverUrl === serverUrl ? current.fingerprint : null)

  async function run(method: string, input: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'desktop.connection':
        return view()
      case 'desktop.useLocal':
        current = { mode: 'local' }
        writeConnection(opts.dir, current)
        mismatch = null
        opts.onChange?.(current)
        return view()
      case 'desktop.probeServer': {
        const cert = await probe(normalizeServerUrl(String(input.url)))
        const pinned = pinnedFor(cert.serverUrl)
        return { ...cert, pinned, changed: pinned !== null && pinned !== cert.fingerprint }
      }
      case 'desktop.connect': {
        const serverUrl = normalizeServerUrl(String(input.url))
        const confirmed = normalizeFingerprint(String(input.fingerprint))
        // read again now: what is pinned is what the server presents, not what was shown a minute ago
        const cert = await probe(serverUrl)
        if (cert.fingerprint !== confirmed)
          throw new DubanError('fingerprint_changed', '服务器现在出示的证书与您核对的指纹不一致，未连接。请重新读取并核对指纹。')
        const pinned = pinnedFor(serverUrl)
        if (pinned && pinned !== confirmed && input.acceptChangedFingerprint !== true)
          throw new DubanError('fingerprint_changed', CHANGED_FINGERPRINT_MESSAGE)
        current = { mode: 'server', serverUrl, fingerprint: confirmed, pinnedAt: (opts.now?.() ?? new Date()).toISOString() }
        writeConnection(opts.dir, current)
        mismatch = null
        opts.onChange?.(current)
        return view()
      }
    }
    throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
  }

  return {
    current: () => current,
    /** the certificate check saw the pinned server present another certificate (and refused it) */
    noteMismatch(seen: string): void {
      mismatch = { seen, at: (opts.now?.() ?? new Date()).toISOString() }
    },
    async handle(method: string, rawInput: unknown): Promise<Envelope<unknown>> {
      try {
        const def = contract[method as keyof typeof contract]
        if (!def) throw new DubanError('unknown_method', `未知的操作：${method.slice(0, 60)}`)
        const parsed = def.input.safeParse(rawInput ?? {})
        if (!parsed.success) throw new DubanError('invalid_input', parsed.error.issues[0]?.message ?? '输入有误')
        return { ok: true, data: await run(method, parsed.data as Record<string, unknown>) }
      } catch (err) {
        return { ok: false, error: toApiError(err) }
      }
    },
  }
}

export type ConnectionCalls = ReturnType<typeof createConnectionCalls>
