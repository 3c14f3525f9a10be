import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { openStream } from './sse'
import { startBridge } from '../../electron/bridge/server'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { listTasks, updateTask, type TaskRow } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { submitReport } from '../../electron/core/reports/service'
import { pendingReviews } from '../../electron/core/reports/review'
import { sendReminder } from '../../electron/core/reminders/urging'
import { inTransaction } from '../../electron/core/audit/service'
import type { DubanEvent } from '../../electron/contract/events'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let planId: number
let rows: TaskRow[]
const as: Record<string, Ctx> = {}
const inbox: Record<string, DubanEvent[]> = {}
let unitIds: Record<string, number>

beforeAll(async () => {
  t = await demoCore()
  for (const name of ['office', 'scjg', 'scjg01', 'pbfw', 'juzhang']) {
    const ctx = { ...(await t.ctxAs(name)), events: t.core.events }
    as[name] = ctx
    inbox[name] = []
    t.core.events.subscribe(ctx.actor!, (e) => inbox[name].push(e))
  }
  planId = (await listPlans(as.office))[0].id
  rows = await listTasks(as.office, { planId })
  const units = await t.core.db.selectFrom('units').select(['id', 'name']).execute()
  unitIds = Object.fromEntries(units.map((u) => [u.name, u.id]))
})
afterAll(() => t.cleanup())

const clear = () => Object.values(inbox).forEach((list) => list.splice(0))
const names = (who: string) => inbox[who].map((e) => e.name)
const onlyScjg = () => rows.filter((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处' && r.coops.length === 0)

describe('events are published after commit, to those who may see them', () => {
  it('a changed task reaches the office, leaders and its own unit, not another unit', async () => {
    clear()
    const [task] = onlyScjg()
    const updated = await updateTask(as.office, { taskId: task.id, version: task.version, deadline: '2021-11-30' })
    expect(inbox.scjg).toContainEqual({ name: 'task.changed', data: { taskId: task.id, version: updated.version } })
    expect(names('office')).toContain('task.changed')
    expect(names('juzhang')).toContain('task.changed')
    expect(inbox.pbfw.filter((e) => e.name === 'task.changed')).toEqual([])
    expect(names('pbfw')).toContain('dashboard.invalidated')
  })

  it('a task moved to another unit reaches both the unit it left and the unit it went to', async () => {
    clear()
    const [, task] = onlyScjg()
    await updateTask(as.office, { taskId: task.id, version: task.version, leadUnitIds: [unitIds['普遍服务处']] })
    expect(names('scjg')).toContain('task.changed')
    expect(names('pbfw')).toContain('task.changed')
  })

  it('a rolled-back or refused write tells nobody anything', async () => {
    const [, , task] = onlyScjg()
    clear()
    await expect(updateTask(as.office, { taskId: task.id, version: task.version, leadUnitIds: [999999] })).rejects.toThrow()
    await expect(updateTask(as.office, { taskId: task.id, version: task.version + 7, text: '过期' })).rejects.toMatchObject({
      code: 'stale',
    })
    await expect(
      inTransaction(as.office, async (trx) => {
        await updateTask({ ...as.office, db: trx }, { taskId: task.id, version: task.version, text: '外层事务回滚' })
        throw new Error('外层失败')
      }),
    ).rejects.toThrow('外层失败')
    expect(Object.values(inbox).flat()).toEqual([])
    // the same nested write, committed by the outer transaction, is announced once, after the commit
    await inTransaction(as.office, async (trx) => {
      await updateTask({ ...as.office, db: trx }, { taskId: task.id, version: task.version, text: '外层事务提交' })
      expect(inbox.scjg).toEqual([])
    })
    expect(inbox.scjg.filter((e) => e.name === 'task.changed')).toHaveLength(1)
  })

  it('a 催办 changes the unit’s inbox for everyone of the unit, and only them', async () => {
    clear()
    await sendReminder(as.office, { unitId: as.scjg.actor!.unitId! })
    const expected = { name: 'inbox.changed', data: { unitId: as.scjg.actor!.unitId } }
    expect(inbox.scjg).toContainEqual(expected)
    expect(inbox.scjg01).toContainEqual(expected)
    expect(names('pbfw')).not.toContain('inbox.changed')
    expect(names('office')).not.toContain('inbox.changed')
  })

  it('a lead unit’s submission raises the office’s 待审核 count, sent to the office only', async () => {
    clear()
    const [, , , task] = onlyScjg()
    await submitReport(as.scjg, { taskId: task.id, percent: 55, progress: '按计划推进', revision: null })
    const pending = (await pendingReviews(as.office)).length
    expect(inbox.office).toContainEqual({ name: 'reports.awaitingReview', data: { count: pending } })
    expect(names('scjg')).not.toContain('reports.awaitingReview')
    expect(names('juzhang')).not.toContain('reports.awaitingReview')
  })
})

describe('GET /api/events over HTTP', () => {
  let stop: () => Promise<void>
  let base: string
  beforeAll(async () => {
    const started = await startBridge({
      env: { db: t.core.db, clock: t.clock, files: t.core.files, events: t.core.events },
      port: 0,
      // long enough that a stream ended by signing out cannot have been ended by a heartbeat's check
      eventHeartbeatMs: 60_000,
    })
    stop = started.close
    base = started.url
  })
  afterAll(() => {
    t.core.events.close()
    return stop()
  })

  async function login(username: string): Promise<string> {
    const res = await fetch(`${base}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
    return ((await res.json()) as { data: { token: string } }).data.token
  }
  const call = (method: string, body: unknown, token: string) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })

  it('refuses a stream without the session in the Authorization header (a token in the URL does not count)', async () => {
    const token = await login('scjg')
    expect((await openStream(base, null)).status).toBe(401)
    expect((await openStream(base, 'not-a-session')).status).toBe(401)
    const inUrl = await openStream(base, null, `?token=${token}`)
    expect(inUrl.status).not.toBe(200)
  })

  it('pushes a change to the unit’s open stream, not to another unit’s, and measures the delay', async () => {
    const [officeToken, scjgToken, pbfwToken] = await Promise.all(['office', 'scjg', 'pbfw'].map(login))
    const scjg = await openStream(base, scjgToken)
    const pbfw = await openStream(base, pbfwToken)
    expect(scjg.status).toBe(200)
    expect(scjg.res.headers.get('content-type')).toContain('text/event-stream')
    const task = (await listTasks(as.office, { planId })).find((r) => onlyScjg().some((o) => o.id === r.id) && !r.closedAt)!
    const sent = performance.now()
    const res = await call('tasks.update', { taskId: task.id, version: task.version, text: `${task.text}（现场修改）` }, officeToken)
    expect(res.status).toBe(200)
    const got = await scjg.next('task.changed')
    expect(got!.data).toEqual({ taskId: task.id, version: task.version + 1 })
    console.log(`[live] task.changed reached the unit's stream ${(got!.at - sent).toFixed(1)} ms after the call was sent`)

    // a later change pbfw may see arrives first in pbfw's stream: scjg's task never reached it
    const pbfwTask = (await listTasks(as.pbfw, { planId })).find((r) => !r.closedAt && r.leads.some((u) => u.name === '普遍服务处'))!
    await call('tasks.update', { taskId: pbfwTask.id, version: pbfwTask.version, deadline: '2021-12-20' }, officeToken)
    expect((await pbfw.next('task.changed'))!.data.taskId).toBe(pbfwTask.id)

    const stale = await call('tasks.update', { taskId: task.id, version: task.version, text: '旧版本上的修改' }, officeToken)
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('stale')
    scjg.close()
    pbfw.close()
  })

  it('ends the stream of a session the moment it signs out', async () => {
    const token = await login('scjg01')
    const stream = await openStream(base, token)
    expect(stream.status).toBe(200)
    await call('auth.logout', {}, token)
    await stream.ended()
    expect((await openStream(base, token)).status).toBe(401)
  })
})
