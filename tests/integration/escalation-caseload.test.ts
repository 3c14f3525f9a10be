import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch, type CoreEnv } from '../../electron/contract/dispatch'
import { login } from '../../electron/core/users/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { DEFAULT_ESCALATION_RULES } from '../../electron/core/escalation/rules'
import type { DryRun } from '../../electron/core/escalation/service'
import type { AssessmentView } from '../../electron/core/assessment/service'

/** 签收 and 延期 (the caseload) as the escalation rules and the assessment read them. */
let t: TestCore
let env: CoreEnv
const tokens: Record<string, string> = {}
let scjgUnit: number
let taskId: number

async function at(day: string) {
  t.clock.set(`${day}T09:00:00+08:00`)
  for (const u of ['office', 'scjg'])
    tokens[u] = (await login({ ...env, actor: null }, { username: u, password: DEMO_PASSWORD }, LOCAL_CALLER)).token
}
async function call<T>(user: string, method: string, input: unknown = {}): Promise<T> {
  const res = await dispatch(env, method, input, tokens[user], LOCAL_CALLER)
  if (!res.ok) throw Object.assign(new Error(res.error.message), res.error)
  return res.data as T
}
const mine = async () => (await call<DryRun>('office', 'escalation.dryRun')).actions.filter((a) => a.taskId === taskId)

beforeAll(async () => {
  t = await demoCore()
  env = { db: t.core.db, clock: t.clock, files: t.core.files }
  await at('2021-07-20')
  scjgUnit = (await t.core.db.selectFrom('units').select('id').where('name', '=', '市场监管处').executeTakeFirstOrThrow()).id
  await call('office', 'escalation.setRules', { ...DEFAULT_ESCALATION_RULES, enabled: true })
  const created = await call<{ matters: { taskId: number; deadline: string }[] }>('office', 'matters.create', {
    sourceKind: 'meeting',
    sourceTitle: '局长办公会议纪要',
    items: [{ text: '开展寄递渠道安全专项检查', leadUnitIds: [scjgUnit], urgency: 'urgent', timeLimitDays: 5 }],
  })
  taskId = created.matters[0].taskId
  expect(created.matters[0].deadline).toBe('2021-07-27')
})
afterAll(() => t.cleanup())

describe('签收 and 延期 in the escalation rules', () => {
  it('an assignment not signed for by its day brings a reminder, which stops once signed', async () => {
    await at('2021-07-23')
    expect((await mine()).map((a) => `${a.level}:${a.triggerKind}`)).toContain('blue:unsigned')
    await call('scjg', 'tasks.acknowledge', { taskId })
    expect((await mine()).some((a) => a.triggerKind === 'unsigned')).toBe(false)
  })

  it('an approved 延期 stops the clock: the old date passes without escalation, the new one counts', async () => {
    const [ext] = await call<{ id: number }[]>('scjg', 'extensions.request', {
      taskId,
      reason: '需会同公安部门联合检查',
      proposedDue: '2021-08-31',
    })
    await call('office', 'extensions.decide', { extensionId: ext.id, decision: 'approve', reason: '同意' })
    await at('2021-07-28')
    expect(await mine()).toEqual([])
    await at('2021-09-01')
    const overdue = (await mine()).find((a) => a.triggerKind === 'overdue')!
    expect(overdue).toMatchObject({ level: 'red', subject: '2021-08-31' })
  })

  it('the assessment counts the late 签收 and the approved 延期, each linked to its record', async () => {
    const v = await call<AssessmentView>('office', 'assessment.preview', { year: 2021 })
    const items = v.units.find((u) => u.unitId === scjgUnit)!.items.filter((i) => i.link.taskId === taskId)
    expect(items.find((i) => i.category === 'unsigned')).toMatchObject({ points: -2, day: '2021-07-22', link: { kind: 'assignment' } })
    expect(items.find((i) => i.category === 'extension')).toMatchObject({ points: -1, day: '2021-07-23', link: { kind: 'extension' } })
    expect(items.find((i) => i.category === 'extension')!.label).toContain('延至2021年8月31日')
  })
})
