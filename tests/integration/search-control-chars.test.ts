import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch, httpStatusOf, type CoreEnv } from '../../electron/contract/dispatch'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { searchTaskIds } from '../../electron/core/search/queries'

let t: TestCore
let env: CoreEnv
let token: string
let planId: number

beforeAll(async () => {
  t = await demoCore()
  env = { db: t.core.db, clock: t.clock, files: t.core.files }
  const login = await dispatch(env, 'auth.login', { username: 'office', password: DEMO_PASSWORD }, null)
  token = (login as { data: { token: string } }).data.token
  planId = ((await dispatch(env, 'plans.list', {}, token)) as { data: { id: number }[] }).data[0].id
})
afterAll(() => t.cleanup())

const search = async (q: string) => {
  const r = await dispatch(env, 'tasks.list', { planId, q }, token)
  if (!r.ok) return { error: r.error, status: httpStatusOf(r.error.code) }
  return { ids: (r.data as { id: number }[]).map((row) => row.id).sort((a, b) => a - b) }
}

describe('control characters in the search text', () => {
  it('never make the search fail: a NUL is dropped, and the rest is searched as typed', async () => {
    const plain = await search('快递进村')
    expect(plain.ids!.length).toBeGreaterThan(0)
    for (const q of ['快递\u0000进村', '\u0000快递进村\u0000', '快递进村\u0007', '快\u001b递进村']) {
      const r = await search(q)
      expect(r.error).toBeUndefined()
      expect(r.ids).toEqual(plain.ids)
    }
  })

  it('a NUL alone, or next to one or two characters, searches like the text without it', async () => {
    expect((await search('\u0000')).error).toBeUndefined()
    expect((await search('快\u0000')).ids).toEqual((await search('快')).ids)
    expect((await search('"\u0000"')).error).toBeUndefined()
  })

  it('is also safe when the core is called directly (the CLI, a future server)', async () => {
    const direct = await searchTaskIds(t.core.db, planId, '快递\u0000进村')
    expect([...direct].sort((a, b) => a - b)).toEqual((await search('快递进村')).ids)
  })
})
