import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks, getTask, updateTask } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { overview } from '../../electron/core/dashboards/service'
import type { Ctx } from '../../electron/core/context'
import { SUZHOU_TASK_COUNT } from '../support/expected'

let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let unitIds: Record<string, number>

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  planId = (await listPlans(office))[0].id
  const units = await t.core.db.selectFrom('units').select(['id', 'name']).execute()
  unitIds = Object.fromEntries(units.map((u) => [u.name, u.id]))
})
afterAll(() => t.cleanup())

async function taskOf(list: string, number: number) {
  const rows = await listTasks(office, { planId })
  return rows.find((r) => r.listName === list && r.number === number)!
}

describe('permissions are enforced in the core', () => {
  it('shows a unit head only the tasks their unit leads or co-operates on, whatever filter is sent', async () => {
    const rows = await listTasks(scjg, { planId })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(SUZHOU_TASK_COUNT)
    for (const r of rows) expect([...r.leads, ...r.coops].map((u) => u.id)).toContain(unitIds['市场监管处'])
    const asked = await listTasks(scjg, { planId, unitId: unitIds['办公室'], unitRole: 'lead' })
    expect(asked.every((r) => r.leads.some((u) => u.id === unitIds['市场监管处']))).toBe(true)
  })

  it('refuses a unit head reading another unit’s task', async () => {
    const other = await taskOf('工作要点', 1) // 办公室牵头
    await expect(getTask(scjg, { taskId: other.id })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('无权查看'),
    })
    const own = await taskOf('工作要点', 14) // 市场监管处牵头
    expect((await getTask(scjg, { taskId: own.id })).number).toBe(14)
  })

  it('refuses a unit head changing a task, their own or another unit’s', async () => {
    const own = await taskOf('工作要点', 14)
    const other = await taskOf('工作要点', 1)
    await expect(updateTask(scjg, { taskId: own.id, text: '改写' })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(updateTask(scjg, { taskId: other.id, text: '改写' })).rejects.toMatchObject({ code: 'forbidden' })
    expect((await getTask(office, { taskId: own.id })).text).not.toBe('改写')
  })

  it('lets a leader read everything but not reassign', async () => {
    const leader = await t.ctxAs('juzhang')
    const rows = await listTasks(leader, { planId })
    expect(rows).toHaveLength(SUZHOU_TASK_COUNT)
    await expect(updateTask(leader, { taskId: rows[0].id, leadUnitIds: [unitIds['办公室']] })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('counts a unit head’s dashboard over their own tasks only', async () => {
    const mine = await overview(scjg, { planId })
    expect(mine.total).toBe((await listTasks(scjg, { planId })).length)
    expect((await overview(office, { planId })).total).toBe(SUZHOU_TASK_COUNT)
  })
})

describe('writes are transactions with their audit entry', () => {
  it('writes who changed what, before and after, in the audit log', async () => {
    const task = await taskOf('工作要点', 16)
    const updated = await updateTask(office, { taskId: task.id, coopUnitIds: [unitIds['普遍服务处']], deadline: '2021-09-30' })
    expect(updated.coops.map((u) => u.name)).toEqual(['普遍服务处'])
    expect(updated.deadline).toBe('2021-09-30')
    const [entry] = updated.history
    expect(entry.action).toBe('task.update')
    expect(entry.actor).toContain('周敏')
    expect(entry.before).toMatchObject({ deadline: '2021-12-31', coops: [] })
    expect(entry.after).toMatchObject({ deadline: '2021-09-30', coopUnitIds: [unitIds['普遍服务处']] })
  })

  it('rolls everything back when a write fails half-way, audit entry included', async () => {
    const task = await taskOf('工作要点', 15)
    const auditBefore = await t.core.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    // The text is written first; the unknown unit then breaks the foreign key.
    await expect(updateTask(office, { taskId: task.id, text: '新的表述', leadUnitIds: [99999] })).rejects.toMatchObject({
      code: expect.stringMatching(/SQLITE_CONSTRAINT|23503/), // a foreign key, on either engine
    })
    const after = await getTask(office, { taskId: task.id })
    expect(after.text).toBe(task.text)
    expect(after.leads).toEqual(task.leads)
    const auditAfter = await t.core.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n))
  })
})

describe('views by leader and unread instructions', () => {
  it('lists the leaders for everyone, and filters the tasks a leader is in charge of', async () => {
    const { listLeaders } = await import('../../electron/core/users/service')
    const leaders = await listLeaders(scjg)
    expect(leaders.map((l) => l.displayName)).toEqual(['陈建国（局长）', '刘伟（副局长）'])
    const deputy = leaders[1]
    const rows = await listTasks(office, { planId, leaderId: deputy.id })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.leaderName === '刘伟（副局长）')).toBe(true)
  })
})

describe('a use case inside another one’s transaction', () => {
  it('joins it, so a failure later in the outer write undoes the inner one too', async () => {
    const { inTransaction } = await import('../../electron/core/audit/service')
    const task = await taskOf('工作要点', 13)
    await expect(
      inTransaction(office, async (trx) => {
        await updateTask({ ...office, db: trx }, { taskId: task.id, text: '外层事务中的修改' })
        throw new Error('the outer write fails after the inner one')
      }),
    ).rejects.toThrow('outer write fails')
    expect((await getTask(office, { taskId: task.id })).text).toBe(task.text)
  })
})

describe('task list for a dashboard drill-down', () => {
  it('judges the tasks as they stood on a past day, and lists exactly the tasks asked for', async () => {
    const today = await listTasks(office, { planId })
    const april = await listTasks(office, { planId, asOf: '2021-04-30' })
    const doneToday = today.filter((r) => r.status === 'done').length
    const doneInApril = april.filter((r) => r.status === 'done').length
    expect(doneToday).toBeGreaterThan(0)
    expect(doneInApril).toBeLessThan(doneToday)
    // in April only March's reports were approved: no task can show June's progress yet
    expect(Math.max(...april.map((r) => r.actualPct))).toBeLessThanOrEqual(50)
    const someIds = today.slice(3, 6).map((r) => r.id)
    expect((await listTasks(office, { planId, ids: someIds })).map((r) => r.id)).toEqual(someIds)
    // a unit head asking for every id still gets only their own unit's tasks
    const mine = await listTasks(scjg, { planId, ids: today.map((r) => r.id) })
    expect(mine.every((r) => [...r.leads, ...r.coops].some((u) => u.id === unitIds['市场监管处']))).toBe(true)
  })
})

describe('the people and bureau calls, for every role (over the contract)', () => {
  const accounts = { admin: 'admin', office: 'office', unit_head: 'scjg', unit_staff: 'scjg01', leader: 'juzhang' } as const
  const bureau = {
    name: '苏州市邮政管理局',
    shortName: '苏州邮管局',
    noticePrefix: '督办',
    bulletinPrefix: '苏州邮管督',
    reportingDay: 25,
    timeZone: 'Asia/Shanghai',
  }
  // Inputs valid at the boundary; for the administrator they point at nothing, so the matrix changes no data.
  const calls: [string, unknown][] = [
    ['settings.bureau', {}],
    ['settings.setBureau', bureau],
    ['settings.calendar', {}],
    ['settings.importCalendar', { text: '2021-13-01,holiday,无效日期' }],
    ['units.create', { name: '办公室', kind: 'division' }],
    ['units.update', { unitId: 99999, name: '无此单位' }],
    ['units.merge', { fromUnitId: 99998, intoUnitId: 99999 }],
    ['users.create', { username: 'office', displayName: '重名', role: 'office', unitId: null }],
    ['users.update', { userId: 99999, displayName: '无此人' }],
    ['users.resetPassword', { userId: 99999 }],
    ['users.setActive', { userId: 99999, active: false }],
    [
      'users.importRoster',
      {
        rows: [{ line: 2, displayName: '某', username: 'x', roleLabel: '无', unitName: '', leaderUnitNames: '', phone: '' }],
        confirm: false,
      },
    ],
    ['users.exportRoster', {}],
  ]

  it('lets only the administrator through, and refuses everyone else before anything runs', async () => {
    const { dispatch } = await import('../../electron/contract/dispatch')
    const { DEMO_PASSWORD } = await import('../../electron/core/demo/accounts')
    for (const [role, username] of Object.entries(accounts)) {
      const login = await dispatch(t.core, 'auth.login', { username, password: DEMO_PASSWORD }, null)
      expect(login.ok).toBe(true)
      const token = (login as { data: { token: string } }).data.token
      for (const [method, input] of calls) {
        const res = await dispatch(t.core, method, input, token)
        if (role === 'admin') expect(res, `${method} for admin`).not.toMatchObject({ ok: false, error: { code: 'forbidden' } })
        else expect(res, `${method} for ${role}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
      // onboarding: the administrator and the office
      const onboarding = await dispatch(t.core, 'settings.onboarding', {}, token)
      expect(onboarding.ok, `settings.onboarding for ${role}`).toBe(role === 'admin' || role === 'office')
      // everyone may change their own password (here: refused only for the wrong old password)
      const change = await dispatch(t.core, 'auth.changePassword', { oldPassword: 'wrong-old-1', newPassword: 'Another2021' }, token)
      expect(change, `auth.changePassword for ${role}`).toMatchObject({ ok: false, error: { code: 'wrong_password' } })
    }
    // the branding is public: the login page shows it
    expect(await dispatch(t.core, 'settings.branding', {}, null)).toEqual({
      ok: true,
      data: { name: '苏州市邮政管理局', shortName: '苏州邮管局' },
    })
    const anonymous = await dispatch(t.core, 'users.create', calls[7][1], null)
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})
