import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { startBridge } from '../../electron/bridge/server'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'

let t: TestCore
let stop: () => Promise<void>
let base: string

beforeAll(async () => {
  t = await demoCore()
  const started = await startBridge({ env: { db: t.core.db, clock: t.clock, files: t.core.files }, port: 0 })
  stop = started.close
  base = started.url
})
afterAll(async () => {
  await stop()
  await t.cleanup()
})

async function call(method: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } } }
}

async function login(username: string) {
  const r = await call('auth.login', { username, password: DEMO_PASSWORD })
  expect(r.status).toBe(200)
  return r.body.data.token as string
}

describe('the contract over HTTP', () => {
  it('refuses a call without a session', async () => {
    const r = await call('plans.list', {})
    expect(r.status).toBe(401)
    expect(r.body).toEqual({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } })
  })

  it('refuses a wrong password with a Chinese message and no token', async () => {
    const r = await call('auth.login', { username: 'office', password: 'wrong-password' })
    expect(r.status).toBe(401)
    expect(r.body.error?.message).toBe('用户名或密码不正确')
  })

  it('refuses invalid input at the boundary with a message that names the field', async () => {
    const token = await login('office')
    const r = await call('tasks.list', { planId: 'abc' }, token)
    expect(r.status).toBe(400)
    expect(r.body.error?.code).toBe('invalid_input')
    expect(r.body.error?.message).toMatch(/^输入有误：planId/)
    const bad = await fetch(`${base}/api/plans.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).error.message).toContain('JSON')
  })

  it('denies a unit head another unit’s task, and serves their own', async () => {
    const office = await login('office')
    const plans = await call('plans.list', {}, office)
    const rows = (await call('tasks.list', { planId: plans.body.data[0].id }, office)).body.data as any[]
    const foreign = rows.find((r) => r.listName === '工作要点' && r.number === 1)
    const own = rows.find((r) => r.listName === '工作要点' && r.number === 14)
    const head = await login('scjg')
    const denied = await call('tasks.get', { taskId: foreign.id }, head)
    expect(denied.status).toBe(403)
    expect(denied.body.error?.message).toContain('无权查看')
    expect((await call('tasks.get', { taskId: own.id }, head)).status).toBe(200)
  })

  it('ends a session after 30 minutes without activity', async () => {
    const token = await login('juzhang')
    t.clock.advanceMinutes(20)
    expect((await call('auth.me', {}, token)).status).toBe(200)
    t.clock.advanceMinutes(29) // 29 minutes since the last call: still alive
    expect((await call('auth.me', {}, token)).status).toBe(200)
    t.clock.advanceMinutes(31)
    const expired = await call('auth.me', {}, token)
    expect(expired.status).toBe(401)
    expect(expired.body.error?.code).toBe('session_expired')
    expect((await call('auth.me', {}, token)).body.error?.code).toBe('unauthenticated')
  })

  it('answers unknown methods and GET on the API with clear errors, never a stack trace', async () => {
    const token = await login('office')
    const r = await call('tasks.drop', {}, token)
    expect(r.status).toBe(404)
    expect(r.body.error?.message).toContain('未知的操作')
    const get = await fetch(`${base}/api/plans.list`)
    expect(get.status).toBe(405)
  })
})
