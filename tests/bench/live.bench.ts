import { afterAll, beforeAll, describe, test } from 'vitest'
import { demoCore, type TestCore } from '../integration/helpers'
import { openStream } from '../integration/sse'
import { startBridge } from '../../electron/bridge/server'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'

/**
 * Push latency: 100 open event streams (office, leader and 市场监管处 desks, all allowed to see the task), one write of a 市场监管处 task at a
 * time over HTTP, and the time until every stream that may see it has the event. The goal on the 2-core
 * machine is every push within 1 s; this prints the figures and asserts nothing about time.
 */
const STREAMS = 100
let t: TestCore
let stopServer: () => Promise<void>
let base: string
let officeToken: string
let streams: Awaited<ReturnType<typeof openStream>>[] = []
let task: { id: number; version: number }
const worst: number[] = []

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  return ((await res.json()) as { data: { token: string } }).data.token
}

beforeAll(async () => {
  t = await demoCore()
  const started = await startBridge({ env: { db: t.core.db, clock: t.clock, files: t.core.files, events: t.core.events }, port: 0 })
  stopServer = started.close
  base = started.url
  officeToken = await login('office')
  const tokens = await Promise.all(['office', 'scjg', 'scjg01', 'juzhang'].map(login))
  streams = await Promise.all(Array.from({ length: STREAMS }, (_, i) => openStream(base, tokens[i % tokens.length])))
  const office = await t.ctxAs('office')
  const planId = (await listPlans(office))[0].id
  const row = (await listTasks(office, { planId })).find((r) => !r.closedAt && r.leads.some((u) => u.name === '市场监管处'))!
  task = { id: row.id, version: row.version }
}, 120_000)

afterAll(async () => {
  worst.sort((a, b) => a - b)
  const at = (q: number) => worst[Math.min(worst.length - 1, Math.floor(q * worst.length))]?.toFixed(1)
  console.log(
    `\n[live] ${worst.length} writes, each pushed to ${STREAMS} open streams; time until the last stream had it: ` +
      `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (goal: under 1000 ms)`,
  )
  streams.forEach((s) => s.close())
  t.core.events.close()
  await stopServer()
  await t.cleanup()
})

const WRITES = 50

async function oneWrite(): Promise<number> {
  const sent = performance.now()
  const res = await fetch(`${base}/api/tasks.update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officeToken}` },
    body: JSON.stringify({ taskId: task.id, version: task.version, deadline: task.version % 2 ? '2021-12-30' : '2021-12-31' }),
  })
  if (!res.ok) throw new Error(`update refused: ${res.status}`)
  task.version++
  const arrivals = await Promise.all(streams.map((s) => s.next('task.changed')))
  if (arrivals.some((e) => !e || e.data.version !== task.version)) throw new Error('a stream missed the event')
  return Math.max(...arrivals.map((e) => e!.at)) - sent
}

// Our own timing (one write at a time, bounded in count), printed in afterAll; nothing asserts a time.
describe('live updates', () => {
  test(`one task change reaches ${STREAMS} open event streams`, { timeout: 120_000 }, async () => {
    for (let i = 0; i < WRITES; i++) worst.push(await oneWrite())
  })
})
