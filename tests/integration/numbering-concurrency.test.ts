import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { bulletinSeq } from '../../electron/core/exporters/bulletin/number'
import { DB_FILE } from '../../electron/core/app'

let t: TestCore
beforeAll(async () => {
  t = await demoCore()
})
afterAll(() => t.cleanup())

const DESKS = 4
const PER_DESK = 5

function startDesk(taskIds: number[]): { child: ChildProcess; ready: Promise<void>; numbers: Promise<string[]> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'numbering-worker.ts'), join(t.dir, DB_FILE), t.core.files.dir, 'office', taskIds.join(',')],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TZ: 'Asia/Shanghai' } },
  )
  let out = ''
  let err = ''
  let markReady: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString()
    if (out.includes('ready')) markReady()
  })
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const numbers = new Promise<string[]>((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`desk exited with ${code}: ${err}`))
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as string[])
    }),
  )
  return { child, ready, numbers }
}

describe('numbering stays correct when several people issue at once', () => {
  it('gives 20 督办单 issued from 4 processes at once 20 distinct consecutive numbers', async () => {
    const office = await t.ctxAs('office')
    const planId = (await listPlans(office))[0].id
    const behind = (await listTasks(office, { planId })).filter((r) => r.status === 'behind' || r.status === 'overdue')
    expect(behind.length).toBeGreaterThan(0)
    const before = await t.core.db.selectFrom('notices').select('seq').where('kind', '=', 'notice').execute()
    const start = Math.max(0, ...before.map((n) => n.seq ?? 0))

    const desks = Array.from({ length: DESKS }, (_, d) =>
      startDesk(Array.from({ length: PER_DESK }, (_, i) => behind[(d * PER_DESK + i) % behind.length].id)),
    )
    await Promise.all(desks.map((d) => d.ready))
    for (const d of desks) d.child.stdin!.write('go\n')
    const numbers = (await Promise.all(desks.map((d) => d.numbers))).flat()

    expect(numbers).toHaveLength(DESKS * PER_DESK)
    const seqs = numbers.map((n) => Number(/〔2021〕(\d+)号/.exec(n)![1])).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: DESKS * PER_DESK }, (_, i) => start + i + 1))
    const stored = await t.core.db.selectFrom('notices').select('number').where('kind', '=', 'notice').execute()
    expect(new Set(stored.map((n) => n.number)).size).toBe(stored.length)
  }, 120_000)

  it('gives a 通报 period one number however often it is generated, and the next period the next', async () => {
    const office = await t.ctxAs('office')
    const [a, b] = await Promise.all([bulletinSeq(office, '2021-06'), bulletinSeq(office, '2021-06')])
    expect(a).toBe(b)
    expect(await bulletinSeq(office, '2021-07')).toBe(a + 1)
    expect(await bulletinSeq(office, '2021-06')).toBe(a)
  })
})
