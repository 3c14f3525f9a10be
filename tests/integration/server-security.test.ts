import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoCore, movableClock, type TestCore } from './helpers'
import { LOG_REDACT, startBridge } from '../../electron/bridge/server'
import { openCore, type CoreApp } from '../../electron/core/app'
import { issueSetupCode } from '../../electron/core/security/setup-code'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { halfSentBody, rawRequest } from './server-http'

type Body = { ok: boolean; data?: any; error?: { code: string; message: string } }

let t: TestCore
let base: string
let stop: () => Promise<void>

beforeAll(async () => {
  t = await demoCore()
  // loopbackIsLocal: false — every test caller stands in for a desk elsewhere on the LAN.
  const started = await startBridge({ env: { db: t.core.db, clock: t.clock, files: t.core.files }, port: 0, loopbackIsLocal: false })
  base = started.url
  stop = started.close
})
afterAll(async () => {
  await stop()
  await t.cleanup()
})

async function countSessions(core: TestCore) {
  return core.core.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
}

async function call(method: string, body: unknown, token?: string, at = base) {
  const res = await fetch(`${at}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Body }
}

async function login(username: string, password = DEMO_PASSWORD, at = base) {
  const r = await call('auth.login', { username, password }, undefined, at)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body.data.token as string
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 0x20), Buffer.from('\n%%EOF\n')])

describe('requests that must never end or confuse the server', () => {
  it('answers a malformed percent-encoding with 400 in Chinese and keeps serving', async () => {
    const bad = await rawRequest(base, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.message).toContain('请求地址格式不正确')
    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(200)
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another site’s page)', async () => {
    const port = new URL(base).port
    const rebound = await rawRequest(base, {
      method: 'POST',
      path: '/api/auth.setupStatus',
      headers: { host: `evil.example:${port}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(rebound.status).toBe(421)
    expect(JSON.parse(rebound.body).error.code).toBe('bad_host')
    const crossSite = await fetch(`${base}/api/auth.setupStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    })
    expect(crossSite.status).toBe(403)
    expect(((await crossSite.json()) as Body).error?.code).toBe('bad_origin')
    const ownOrigin = await fetch(`${base}/api/auth.setupStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{}',
    })
    expect(ownOrigin.status).toBe(200)
  })

  it('refuses a text/plain POST (the shape of a cross-site form) without logging anyone in', async () => {
    const before = await countSessions(t)
    const res = await fetch(`${base}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    })
    expect(res.status).toBe(415)
    expect(((await res.json()) as Body).error?.message).toContain('application/json')
    expect(await countSessions(t)).toEqual(before)
  })

  it('answers 401 to a large body without a token before the body is sent', async () => {
    const announced = 25 * 1024 * 1024
    const api = await halfSentBody(base, '/api/plans.list', { 'content-type': 'application/json' }, announced)
    expect(api.status).toBe(401)
    expect(api.sentBytes).toBeLessThan(announced / 100)
    const upload = await halfSentBody(
      base,
      '/api/files.upload',
      { 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' },
      15 * 1024 * 1024,
    )
    expect(upload.status).toBe(401)
    expect(JSON.parse(upload.body).error.message).toBe('请先登录')
  })

  it('refuses a large body on a call that takes small input, even with a token, from its headers alone', async () => {
    const token = await login('office')
    const big = await halfSentBody(
      base,
      '/api/tasks.list',
      { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      5 * 1024 * 1024,
    )
    expect(big.status).toBe(413)
  })
})

describe('evidence as streams', () => {
  it('uploads raw bytes to disk and downloads them with the files.read permission', async () => {
    const staff = await login('scjg01')
    const up = await fetch(`${base}/api/files.upload`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${staff}`,
        'x-file-name': encodeURIComponent('现场检查记录.pdf'),
      },
      body: PDF,
    })
    const made = (await up.json()) as Body
    expect(up.status, JSON.stringify(made)).toBe(200)
    expect(made.data).toMatchObject({ fileName: '现场检查记录.pdf', mime: 'application/pdf', size: PDF.length })

    const down = await fetch(`${base}/files/${made.data.id}`, { headers: { authorization: `Bearer ${staff}` } })
    expect(down.status).toBe(200)
    expect(down.headers.get('content-type')).toBe('application/pdf')
    expect(down.headers.get('content-disposition')).toContain(encodeURIComponent('现场检查记录.pdf'))
    expect(Buffer.from(await down.arrayBuffer()).equals(PDF)).toBe(true)

    // An unattached upload belongs to its uploader and the office; another unit is refused, no token is 401.
    const other = await login('pbfw')
    expect((await fetch(`${base}/files/${made.data.id}`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403)
    expect((await fetch(`${base}/files/${made.data.id}`)).status).toBe(401)
    const office = await login('office')
    expect((await fetch(`${base}/files/${made.data.id}`, { headers: { authorization: `Bearer ${office}` } })).status).toBe(200)
  })

  it('refuses an upload over 20MB from its length, and a renamed executable by its bytes', async () => {
    const staff = await login('scjg01')
    const headers = { 'content-type': 'application/octet-stream', authorization: `Bearer ${staff}`, 'x-file-name': 'big.pdf' }
    const big = await halfSentBody(base, '/api/files.upload', headers, 21 * 1024 * 1024)
    expect(big.status).toBe(413)
    const fake = await fetch(`${base}/api/files.upload`, {
      method: 'POST',
      headers: { ...headers, 'x-file-name': encodeURIComponent('报告.pdf') },
      body: Buffer.from('MZ\x90\x00 not a pdf'),
    })
    expect(fake.status).toBe(400)
    expect(((await fake.json()) as Body).error?.message).toContain('不符')
  })

  it('lets only a few large uploads stream at once and tells the rest to come back', async () => {
    const started = await startBridge({ env: { db: t.core.db, clock: t.clock, files: t.core.files }, port: 0, maxConcurrentUploads: 1 })
    try {
      const staff = await login('scjg01')
      const headers = { 'content-type': 'application/octet-stream', authorization: `Bearer ${staff}`, 'x-file-name': 'slow.pdf' }
      const u = new URL(started.url)
      const { request } = await import('node:http')
      // The first upload stays open (half sent) while the second arrives.
      const first = request({
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: '/api/files.upload',
        headers: { ...headers, 'content-length': '2000000' },
      })
      first.on('error', () => undefined)
      first.write(PDF.subarray(0, 1000))
      // Admitted means its bytes are being written to files/tmp; wait for that, not for a fixed time.
      const tmp = join(t.core.files.dir, 'tmp')
      for (let i = 0; i < 10_000 && !(existsSync(tmp) && readdirSync(tmp).some((f) => f.startsWith('upload.'))); i++) {
        await new Promise((r) => setImmediate(r))
      }
      const second = await halfSentBody(started.url, '/api/files.upload', headers, 2_000_000)
      expect(second.status).toBe(503)
      expect(JSON.parse(second.body).error.message).toContain('稍后再试')
      // A small file needs little memory while it streams to disk, so it is not held back by the cap.
      const small = await fetch(`${started.url}/api/files.upload`, { method: 'POST', headers, body: PDF })
      expect(small.status).toBe(200)
      first.destroy()
    } finally {
      await started.close()
    }
  })
})

describe('login throttling, shared by every transport because it lives in the core', () => {
  it('slows repeated failures, locks the 6th attempt, audits the lock, and shows it to the admin', async () => {
    const wrong = () => call('auth.login', { username: 'anquan', password: 'not-the-password' })
    expect((await wrong()).body.error?.code).toBe('bad_credentials')
    expect((await wrong()).body.error?.code).toBe('bad_credentials')
    const tooSoon = await wrong() // two failures: the next try must wait a second
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.body.error?.message).toMatch(/请\d+秒后再试/)
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(1)
      expect((await wrong()).body.error?.code).toBe('bad_credentials')
    }
    t.clock.advanceMinutes(1)
    const sixth = await call('auth.login', { username: 'anquan', password: DEMO_PASSWORD })
    expect(sixth.status).toBe(429)
    expect(sixth.body.error).toMatchObject({ code: 'locked', message: expect.stringContaining('已临时锁定') })

    const audit = await t.core.db.selectFrom('audit_log').select('after_json').where('action', '=', 'auth.lock').execute()
    expect(audit.map((a) => JSON.parse(a.after_json ?? 'null'))).toContainEqual(
      expect.objectContaining({ kind: 'user', subject: 'anquan', failures: 5 }),
    )

    const admin = await login('admin')
    const locks = await call('security.locks', {}, admin)
    expect(locks.body.data).toContainEqual(expect.objectContaining({ kind: 'user', subject: 'anquan', failures: 5 }))
    expect((await call('security.locks', {}, await login('office'))).status).toBe(403)
    expect((await call('security.unlock', { kind: 'user', subject: 'anquan' }, admin)).status).toBe(200)
    expect((await call('auth.login', { username: 'anquan', password: DEMO_PASSWORD })).status).toBe(200)
  })

  it('the lock ends by itself after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMinutes(1)
      await call('auth.login', { username: 'xiehui', password: 'wrong-wrong' })
    }
    t.clock.advanceMinutes(14)
    expect((await call('auth.login', { username: 'xiehui', password: DEMO_PASSWORD })).body.error?.code).toBe('locked')
    t.clock.advanceMinutes(2)
    expect((await call('auth.login', { username: 'xiehui', password: DEMO_PASSWORD })).status).toBe(200)
  })

  it('takes as long for an unknown user name as for a known one with a wrong password', async () => {
    const timed = async (username: string) => {
      const start = performance.now()
      const r = await call('auth.login', { username, password: 'a-wrong-password' })
      expect(r.body.error?.code).toBe('bad_credentials')
      return performance.now() - start
    }
    const known: number[] = []
    const unknown: number[] = []
    // A different name each time, so the growing per-user delay never answers instead of the password check.
    for (const name of ['bgs', 'juzhang', 'fujuzhang', 'scjg', 'pbfw']) {
      known.push(await timed(name))
      unknown.push(await timed(`nobody-${name}`))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const k = median(known)
    const u = median(unknown)
    expect(k).toBeGreaterThan(5) // both pay for scrypt
    expect(u).toBeGreaterThan(5)
    expect(Math.max(k, u) / Math.min(k, u)).toBeLessThan(3)
  })
})

describe('sessions in the database', () => {
  it('lists live sessions for the admin with address and browser, and a revoked one is refused at once', async () => {
    const admin = await login('admin')
    const res = await fetch(`${base}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'DubanTest/1.0' },
      body: JSON.stringify({ username: 'scjg', password: DEMO_PASSWORD }),
    })
    const head = ((await res.json()) as Body).data.token as string
    expect((await call('auth.me', {}, head)).status).toBe(200)

    const list = await call('sessions.list', {}, admin)
    const mine = (list.body.data as any[]).find((s) => s.username === 'scjg' && s.userAgent === 'DubanTest/1.0')
    expect(mine).toMatchObject({ address: '127.0.0.1', roleLabel: '处室负责人', current: false })
    expect((list.body.data as any[]).find((s) => s.current)?.username).toBe('admin')
    expect((await call('sessions.list', {}, head)).status).toBe(403)

    expect((await call('sessions.revoke', { sessionId: mine.id }, admin)).status).toBe(200)
    const after = await call('auth.me', {}, head)
    expect(after.status).toBe(401)
    expect(after.body.error?.code).toBe('unauthenticated')
    const audit = await t.core.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'session.revoke')
      .executeTakeFirstOrThrow()
    expect(audit.n).toBe(1)
  })
})

describe('graceful shutdown', () => {
  it('finishes an upload already in flight before it closes, and takes no new request', async () => {
    const started = await startBridge({ env: { db: t.core.db, clock: t.clock, files: t.core.files }, port: 0 })
    const staff = await login('scjg01', DEMO_PASSWORD, started.url)
    const u = new URL(started.url)
    const { request } = await import('node:http')
    const tmp = join(t.core.files.dir, 'tmp')
    const streaming = () => existsSync(tmp) && readdirSync(tmp).some((f) => f.startsWith('upload.'))
    expect(streaming()).toBe(false)
    let req!: ReturnType<typeof request>
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req = request(
        {
          host: u.hostname,
          port: u.port,
          method: 'POST',
          path: '/api/files.upload',
          headers: {
            'content-type': 'application/octet-stream',
            authorization: `Bearer ${staff}`,
            'x-file-name': encodeURIComponent('停机前上传.pdf'),
            'content-length': String(PDF.length),
          },
        },
        (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.write(PDF.subarray(0, 1000))
    })
    // Shutdown begins while the upload is being written to disk; then the rest of the file arrives.
    for (let i = 0; i < 10_000 && !streaming(); i++) await new Promise((r) => setImmediate(r))
    expect(streaming()).toBe(true)
    const closing = started.close()
    req.end(PDF.subarray(1000))
    const r = await answer
    await closing
    expect(r.status).toBe(200)
    const id = JSON.parse(r.body).data.id as number
    expect(await t.core.db.selectFrom('attachments').select('file_name').where('id', '=', id).executeTakeFirst()).toEqual({
      file_name: '停机前上传.pdf',
    })
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow()
  })
})

describe('structured logs', () => {
  it('carry a request id for every request and never a password or a token', async () => {
    const lines: string[] = []
    const stream = { write: (line: string) => void lines.push(line) }
    const logged = await startBridge({
      env: { db: t.core.db, clock: t.clock, files: t.core.files },
      port: 0,
      logger: { level: 'info', redact: LOG_REDACT, stream },
    })
    try {
      const r = await call('auth.login', { username: 'juzhang', password: DEMO_PASSWORD }, undefined, logged.url)
      const token = r.body.data.token as string
      expect((await call('auth.me', {}, token, logged.url)).status).toBe(200)
      const text = lines.join('')
      const perRequest = lines.map((l) => JSON.parse(l)).filter((e) => e.req || e.res)
      expect(perRequest.length).toBeGreaterThanOrEqual(4) // request and response lines for both calls
      expect(perRequest.every((e) => typeof e.reqId === 'string' && e.reqId.length === 36)).toBe(true)
      expect(text).not.toContain(DEMO_PASSWORD)
      expect(text).not.toContain(token)
    } finally {
      await logged.close()
    }
  })
})

describe('first-admin setup on a fresh database', () => {
  let fresh: CoreApp
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-setup-'))
    fresh = await openCore({ dataDir: dir, clock: movableClock('2026-03-02T09:00:00+08:00') })
  })
  afterAll(async () => {
    await fresh.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('from another desk needs the printed one-time code; the code works once', async () => {
    const remote = await startBridge({ env: fresh, port: 0, loopbackIsLocal: false })
    try {
      const code = await issueSetupCode(fresh.db)
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
      const status = await call('auth.setupStatus', {}, undefined, remote.url)
      expect(status.body.data).toEqual({ needsSetup: true, codeRequired: true })
      const input = { username: 'attacker', displayName: '某人', password: 'a-long-secret' }
      const without = await call('auth.setupAdmin', input, undefined, remote.url)
      expect(without.status).toBe(403)
      expect(without.body.error?.message).toContain('一次性设置码')
      expect((await call('auth.setupAdmin', { ...input, setupCode: 'AAAA-BBBB-CCCC' }, undefined, remote.url)).status).toBe(403)
      const withCode = await call(
        'auth.setupAdmin',
        { username: 'root', displayName: '管理员', password: 'a-long-secret', setupCode: code!.toLowerCase() },
        undefined,
        remote.url,
      )
      expect(withCode.status).toBe(200)
      expect(withCode.body.data).toMatchObject({ username: 'root', role: 'admin' })
      expect(await fresh.db.selectFrom('settings').select('key').where('key', '=', 'setup.code_sha256').execute()).toEqual([])
    } finally {
      await remote.close()
    }
  })

  it('counts a loopback caller as local only when the server itself is bound to loopback', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'duban-setup-'))
    const other = await openCore({ dataDir: dir2, clock: movableClock('2026-03-02T09:00:00+08:00') })
    const loop = await startBridge({ env: other, port: 0 }) // bound to 127.0.0.1: the machine itself
    try {
      expect((await call('auth.setupStatus', {}, undefined, loop.url)).body.data).toEqual({ needsSetup: true, codeRequired: false })
      const made = await call(
        'auth.setupAdmin',
        { username: 'root', displayName: '管理员', password: 'a-long-secret' },
        undefined,
        loop.url,
      )
      expect(made.status).toBe(200)
    } finally {
      await loop.close()
      await other.close()
      rmSync(dir2, { recursive: true, force: true })
    }
  })
})
