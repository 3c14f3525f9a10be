import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch, type CoreEnv } from '../../electron/contract/dispatch'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { isCalendarDay } from '../../electron/contract/dates'
import { planDraftSchema } from '../../electron/contract/imports'

let t: TestCore
let env: CoreEnv
let office: string
let scjg: string
let planId: number
let taskId: number

async function tokenOf(username: string): Promise<string> {
  const r = await dispatch(env, 'auth.login', { username, password: DEMO_PASSWORD }, null)
  if (!r.ok) throw new Error(r.error.message)
  return (r.data as { token: string }).token
}

const call = (method: string, input: unknown, token: string) => dispatch(env, method, input, token)
const refused = (message: RegExp) => ({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } })

beforeAll(async () => {
  t = await demoCore()
  env = { db: t.core.db, clock: t.clock, files: t.core.files }
  office = await tokenOf('office')
  scjg = await tokenOf('scjg')
  const plans = await call('plans.list', {}, office)
  planId = (plans as { data: { id: number }[] }).data[0].id
  const tasks = await call('tasks.list', { planId }, scjg)
  taskId = (tasks as { data: { id: number; closedAt: string | null; leads: { name: string }[] }[] }).data.find(
    (r) => !r.closedAt && r.leads[0]?.name === '市场监管处',
  )!.id
})
afterAll(() => t.cleanup())

describe('a day must exist in the calendar', () => {
  it('isCalendarDay knows month lengths and leap years', () => {
    expect(['2021-02-28', '2024-02-29', '2021-12-31', '2000-02-29'].every(isCalendarDay)).toBe(true)
    expect(
      ['2021-02-29', '2021-02-31', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '1900-02-29', '2021-1-5'].some(isCalendarDay),
    ).toBe(false)
  })

  it('refuses 2021-02-31 as a deadline and stores nothing', async () => {
    const before = await call('tasks.get', { taskId }, office)
    expect(await call('tasks.update', { taskId, deadline: '2021-02-31' }, office)).toMatchObject(refused(/完成时限不存在/))
    expect(await call('tasks.bulkAssign', { taskIds: [taskId], deadline: '2021-04-31' }, office)).toMatchObject(refused(/完成时限不存在/))
    const after = await call('tasks.get', { taskId }, office)
    expect((after as { data: { deadline: string } }).data.deadline).toBe((before as { data: { deadline: string } }).data.deadline)
    const version = (after as { data: { version: number } }).data.version
    expect(await call('tasks.update', { taskId, version, deadline: '2021-09-30' }, office)).toMatchObject({
      ok: true,
      data: { deadline: '2021-09-30' },
    })
  })

  it('refuses asOf 2021-13-45 on the task list, the dashboards and the ledger', async () => {
    for (const [method, input] of [
      ['tasks.list', { planId, asOf: '2021-13-45' }],
      ['dashboards.leader', { planId, asOf: '2021-13-45' }],
      ['dashboards.analysis', { planId, asOf: '2021-02-30' }],
      ['exports.ledger', { planId, asOf: '2021-13-45' }],
    ] as const) {
      expect(await call(method, input, office)).toMatchObject(refused(/日期不存在/))
    }
    expect(await call('tasks.list', { planId, asOf: '2021-06-30' }, office)).toMatchObject({ ok: true })
  })

  it('refuses impossible milestone days, notice reply deadlines, plan dates and far-off years', async () => {
    expect(await call('milestones.set', { taskId, milestones: [{ dueOn: '2021-06-31', plannedPct: 50 }] }, office)).toMatchObject(
      refused(/节点日期不存在/),
    )
    const notice = { taskId, issue: '请说明滞后原因', requiredReply: '书面答复', replyDeadline: '2021-02-29' }
    expect(await call('reminders.issueNotice', notice, office)).toMatchObject(refused(/答复期限不存在/))
    expect(await call('tasks.update', { taskId, deadline: '1850-01-01' }, office)).toMatchObject(refused(/年份应在1990年至2100年之间/))
    const plan = { title: '2021年工作要点', issuer: null, docNumber: null, issuedOn: '2021-02-31', year: 2021 }
    const parsed = planDraftSchema.shape.plan.safeParse(plan)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0].message).toContain('印发日期不存在')
    expect(planDraftSchema.shape.plan.safeParse({ ...plan, issuedOn: '2021-04-09' }).success).toBe(true)
  })
})

describe('a reporting period must be a month of a plausible year', () => {
  it('refuses a report for 1900-01 or month 13, and accepts the current month', async () => {
    const report = { taskId, percent: 10, progress: '按计划推进', revision: null }
    expect(await call('reports.saveDraft', { ...report, period: '1900-01' }, scjg)).toMatchObject(
      refused(/报送期次的年份应在2000年至2100年之间/),
    )
    expect(await call('reports.saveDraft', { ...report, period: '2021-13' }, scjg)).toMatchObject(refused(/报送期次/))
    expect(await call('exports.bulletin', { planId, period: '1900-01' }, office)).toMatchObject(refused(/报送期次/))
    expect(await call('reminders.notReported', { planId, period: '2101-01' }, office)).toMatchObject(refused(/报送期次/))
    expect(await call('reports.saveDraft', { ...report, period: '2021-07' }, scjg)).toMatchObject({ ok: true, data: { period: '2021-07' } })
  })
})
