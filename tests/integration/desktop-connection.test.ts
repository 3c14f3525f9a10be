import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeServer, readConnection } from '../../electron/main/connection'
import { CHANGED_FINGERPRINT_MESSAGE, createConnectionCalls } from '../../electron/main/connection-calls'
import { freePort } from '../e2e/server'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/tls', name))
const A = 'B5:00:84:9B:33:83:25:98:38:3A:67:6E:45:04:AA:63:23:B0:1D:DC:58:B8:C0:F9:25:59:FF:CD:AA:E5:17:88'

/** A TLS server presenting one of the fixture certificates, as the bureau server would. */
function tlsServer(which: 'a' | 'b', port: number): Promise<Server> {
  const server = createServer({ cert: fixture(`server-${which}.crt`), key: fixture(`server-${which}.key`) }, (s) => s.end())
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
const close = (s: Server) => new Promise<void>((r) => s.close(() => r()))

let dir: string
let port: number
let server: Server
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-connect-'))
  port = await freePort()
  server = await tlsServer('a', port)
})
afterAll(async () => {
  await close(server)
  rmSync(dir, { recursive: true, force: true })
})

describe('connecting the desktop app to the bureau server', () => {
  it('reads the server certificate’s SHA-256 fingerprint for the person to check', async () => {
    const cert = await probeServer(`127.0.0.1:${port}`)
    expect(cert).toMatchObject({ serverUrl: `https://127.0.0.1:${port}`, fingerprint: A, subject: 'duban-test-a' })
  })

  it('says plainly when nothing answers at the address', async () => {
    const closed = await freePort()
    await expect(probeServer(`127.0.0.1:${closed}`)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('拒绝连接'),
    })
  })

  it('starts unset, pins the fingerprint the person confirmed, and keeps it in the config file', async () => {
    const calls = createConnectionCalls({ dir })
    expect(await calls.handle('desktop.connection', {})).toMatchObject({ ok: true, data: { mode: 'unset' } })
    const probe = await calls.handle('desktop.probeServer', { url: `127.0.0.1:${port}` })
    expect(probe).toMatchObject({ ok: true, data: { fingerprint: A, pinned: null, changed: false } })
    const wrong = await calls.handle('desktop.connect', { url: `127.0.0.1:${port}`, fingerprint: A.replace('B5', 'B6') })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'fingerprint_changed' } })
    const done = await calls.handle('desktop.connect', { url: `127.0.0.1:${port}`, fingerprint: A })
    expect(done).toMatchObject({ ok: true, data: { mode: 'server', serverUrl: `https://127.0.0.1:${port}`, fingerprint: A } })
    expect(readConnection(dir)).toMatchObject({ mode: 'server', fingerprint: A })
  })

  it('refuses a server that now presents another certificate, with a clear warning, until the person accepts the new one', async () => {
    await close(server)
    server = await tlsServer('b', port) // same address, another certificate
    const calls = createConnectionCalls({ dir })
    const probe = (await calls.handle('desktop.probeServer', { url: `https://127.0.0.1:${port}` })) as {
      ok: true
      data: { fingerprint: string; pinned: string; changed: boolean }
    }
    expect(probe.data).toMatchObject({ pinned: A, changed: true })
    const refused = await calls.handle('desktop.connect', { url: `127.0.0.1:${port}`, fingerprint: probe.data.fingerprint })
    expect(refused).toEqual({ ok: false, error: { code: 'fingerprint_changed', message: CHANGED_FINGERPRINT_MESSAGE } })
    expect(readConnection(dir)).toMatchObject({ fingerprint: A })
    const accepted = await calls.handle('desktop.connect', {
      url: `127.0.0.1:${port}`,
      fingerprint: probe.data.fingerprint,
      acceptChangedFingerprint: true,
    })
    expect(accepted).toMatchObject({ ok: true, data: { fingerprint: probe.data.fingerprint } })
  })

  it('goes back to single use on request', async () => {
    const calls = createConnectionCalls({ dir })
    expect(await calls.handle('desktop.useLocal', {})).toMatchObject({ ok: true, data: { mode: 'local', serverUrl: null } })
    expect(readConnection(dir)).toEqual({ mode: 'local' })
    expect(await calls.handle('desktop.probeServer', { url: 'http://x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
