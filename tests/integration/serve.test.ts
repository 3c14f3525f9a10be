import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:tls'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../e2e/server'
import { CLI, TSX, httpsJson, startServe as startServeWith } from '../support/serve-process'

const dirs: string[] = []
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const startServe = (env: Record<string, string>) => startServeWith(env, children)

function dataDir() {
  const d = mkdtempSync(join(tmpdir(), 'duban-serve-'))
  dirs.push(d)
  return d
}

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(TSX, [CLI, ...args], { env: { ...process.env, DUBAN_DEMO: '0', ...env }, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: r.stdout + r.stderr }
}

describe('npm run serve: the bureau server as a process', () => {
  it('refuses plain HTTP off loopback without DUBAN_ALLOW_HTTP, in serve --check and at start', () => {
    const env = { DUBAN_HOST: '0.0.0.0', DUBAN_TLS: 'off', DUBAN_DATA_DIR: dataDir(), DUBAN_PORT: '0' }
    const check = cli(['serve', '--check'], env)
    expect(check.code).toBe(1)
    expect(check.out).toContain('监听地址：0.0.0.0')
    expect(check.out).toContain('DUBAN_ALLOW_HTTP=1')
    const start = cli(['serve'], env)
    expect(start.code).toBe(1)
    expect(start.out).toContain('无法启动督办台服务器')
    const allowed = cli(['serve', '--check'], { ...env, DUBAN_ALLOW_HTTP: '1' })
    expect(allowed.out).not.toContain('未加密的 HTTP 只允许')
  }, 180_000)

  it('serve --check names missing certificate files and a port in use', async () => {
    const port = await freePort()
    const blocker = await new Promise<Server>((resolve) => {
      const s = createServer()
      s.listen(port, '127.0.0.1', () => resolve(s))
    })
    try {
      const r = cli(['serve', '--check'], {
        DUBAN_HOST: '127.0.0.1',
        DUBAN_PORT: String(port),
        DUBAN_DATA_DIR: dataDir(),
        DUBAN_TLS_CERT: '/nonexistent/server.crt',
        DUBAN_TLS_KEY: '/nonexistent/server.key',
      })
      expect(r.code).toBe(1)
      expect(r.out).toContain('DUBAN_TLS_CERT 指定的文件不存在')
      expect(r.out).toContain(`端口 ${port} 已被占用`)
    } finally {
      blocker.close()
    }
  }, 120_000)

  it('makes a self-signed certificate on first start, prints its fingerprint, and serves exactly that certificate', async () => {
    const dir = dataDir()
    const port = await freePort()
    const { child, output } = await startServe({ DUBAN_HOST: '0.0.0.0', DUBAN_PORT: String(port), DUBAN_DATA_DIR: dir })
    expect(existsSync(join(dir, 'tls', 'server.crt'))).toBe(true)
    const printed = /证书 SHA-256 指纹：([0-9A-F:]{95})/.exec(output)?.[1]
    expect(printed).toBeDefined()
    const served = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate().fingerprint256)
        socket.end()
      })
      socket.on('error', reject)
    })
    expect(served).toBe(printed)

    // Bound to all interfaces, even a loopback caller needs the printed one-time code.
    const code = /一次性设置码：([A-Z2-9-]{14})/.exec(output)?.[1]
    expect(code).toBeDefined()
    const input = { username: 'root', displayName: '管理员', password: 'a-long-secret' }
    expect((await httpsJson(port, '/api/auth.setupAdmin', input)).status).toBe(403)
    const made = await httpsJson(port, '/api/auth.setupAdmin', { ...input, setupCode: code })
    expect(made.status).toBe(200)
    expect(made.body.data.role).toBe('admin')

    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 120_000)
})
