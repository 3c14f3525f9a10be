import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { demoCore, type TestCore } from './helpers'
import { contract } from '../../electron/contract'
import { dispatch } from '../../electron/contract/dispatch'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { rng } from '../bench/load/mix'

// Every call of the contract, as every role, with inputs that pass the boundary but point at nothing or at
// the edges (ids that do not exist, 0, the largest id, empty and odd strings): each is answered with a
// business error or data, never with 系统内部错误 (an unexpected fault inside the core).

type Json = {
  type?: string | string[]
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  enum?: unknown[]
  const?: unknown
  anyOf?: Json[]
  oneOf?: Json[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  format?: string
  pattern?: string
}

const STRINGS = ['2021-07-20', '2021-07', '测试<script>alert(1)</script>', 'x', '0', 'Duban2021!', '2021-07-20T10:00:00+08:00']

type Pick = (n: number) => number

/** A value of one JSON-schema node; `pick` chooses among its edge cases. `id` is what an id-like number is set to. */
function valueOf(node: Json, id: number, pick: Pick): unknown {
  const choose = <T>(xs: T[]): T | null => (xs.length ? xs[pick(xs.length)] : null)
  if (node.const !== undefined) return node.const
  if (node.enum) return choose(node.enum)
  const options = node.anyOf ?? node.oneOf
  if (options) return valueOf(choose(options)!, id, pick)
  const type = Array.isArray(node.type) ? choose(node.type) : node.type
  switch (type) {
    case 'integer':
    case 'number': {
      const lo = node.minimum ?? -Infinity
      const hi = node.maximum ?? Infinity
      return choose([id, lo, hi, 1, 25, 2021].filter((v) => Number.isFinite(v) && v >= lo && v <= hi))
    }
    case 'boolean':
      return choose([true, false])
    case 'string':
      return choose(['', ...STRINGS].filter((s) => s.length >= (node.minLength ?? 0) && s.length <= (node.maxLength ?? Infinity)))
    case 'array': {
      const n = Math.max(node.minItems ?? 0, pick(3))
      return Array.from({ length: n }, () => (node.items ? valueOf(node.items, id, pick) : null))
    }
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!node.required?.includes(key) && pick(3) === 0) continue
        out[key] = valueOf(child, id, pick)
      }
      return out
    }
    default:
      return null
  }
}

/** A few inputs of each call that its own schema accepts: random picks of edge values (seeded, so every run is the same). */
function inputsFor(schema: z.ZodType, seed: number): unknown[] {
  let json: Json
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json
  } catch {
    return [{}]
  }
  const random = rng(seed)
  const pick: Pick = (n) => Math.floor(random() * n)
  const seen = new Set<string>()
  const out: unknown[] = []
  for (let i = 0; i < 300 && out.length < 4; i++) {
    const candidate = valueOf(json, [999_999, 1, 0][i % 3], pick)
    const key = JSON.stringify(candidate)
    if (seen.has(key)) continue
    seen.add(key)
    if (schema.safeParse(candidate).success) out.push(candidate)
  }
  return out
}

let t: TestCore
const tokens: Record<string, string> = {}
const ACCOUNTS = { leader: 'juzhang', unit_staff: 'scjg01', office: 'office', admin: 'admin' } as const

async function tokenOf(role: keyof typeof ACCOUNTS, fresh = false): Promise<string> {
  if (!tokens[role] || fresh) {
    const res = await dispatch(t.core, 'auth.login', { username: ACCOUNTS[role], password: DEMO_PASSWORD }, null)
    if (!res.ok) throw new Error(`login ${role}: ${JSON.stringify(res)}`)
    tokens[role] = (res as { data: { token: string } }).data.token
  }
  return tokens[role]
}

beforeAll(async () => {
  t = await demoCore()
})
afterAll(() => t.cleanup())

// Calls that end the session or the data folder's life are called last, and only with ids that match nothing.
const LAST = /^(auth\.logout|backups\.restore|archive|users\.setActive|users\.resetPassword)/

describe('every call with inputs its schema accepts', () => {
  it('answers each role with data or a business error, never an internal fault', async () => {
    const methods = (Object.keys(contract) as (keyof typeof contract)[]).sort((a, b) => Number(LAST.test(a)) - Number(LAST.test(b)))
    const faults: string[] = []
    let tried = 0
    const codes: Record<string, number> = {}
    const none: string[] = []
    for (const method of methods) {
      const inputs = inputsFor(contract[method].input as z.ZodType, methods.indexOf(method) + 1)
      if (!inputs.length) none.push(method)
      for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) {
        for (const input of LAST.test(method) ? inputs.filter((i) => JSON.stringify(i).includes('999999')) : inputs) {
          let res = await dispatch(t.core, method, input, await tokenOf(role))
          if (!res.ok && (res.error.code === 'unauthenticated' || res.error.code === 'session_expired'))
            res = await dispatch(t.core, method, input, await tokenOf(role, true))
          tried++
          const code = res.ok ? 'ok' : res.error.code
          codes[code] = (codes[code] ?? 0) + 1
          if (!res.ok && res.error.code === 'internal') faults.push(`${method} as ${role} with ${JSON.stringify(input).slice(0, 200)}`)
          if (!res.ok) expect(res.error.message, method).toMatch(/[\u4e00-\u9fff]/)
        }
      }
    }
    expect(faults).toEqual([])
    // the inputs reached the core: most calls got through the boundary, and answered in many ways
    expect(none.length, `calls with no accepted input: ${none.join(', ')}`).toBeLessThanOrEqual(5)
    expect(codes.ok).toBeGreaterThan(200)
    expect(codes.not_found).toBeGreaterThan(100)
    expect(tried).toBeGreaterThan(Object.keys(contract).length * 4)
  }, 300_000)
})

describe('edges the engines treat differently', () => {
  it('refuses an id or a version past the 32-bit range at the boundary, in Chinese (PostgreSQL’s INTEGER would fault)', async () => {
    const token = await tokenOf('office')
    for (const [method, input] of [
      ['tasks.get', { taskId: 2 ** 31 }],
      ['tasks.update', { taskId: 1, version: Number.MAX_SAFE_INTEGER, text: '改' }],
      ['reminders.urges', { unitId: 2 ** 40 }],
    ] as const) {
      const res = await dispatch(t.core, method, input, token)
      expect(res, method).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^输入有误/) } })
    }
  })

  it('answers an empty list of ids with an empty list (an empty IN list is a syntax error on PostgreSQL)', async () => {
    const token = await tokenOf('office')
    for (const method of ['reminders.list', 'reminders.urges'] as const) {
      expect(await dispatch(t.core, method, { ids: [] }, token), method).toEqual({ ok: true, data: [] })
    }
  })
})
