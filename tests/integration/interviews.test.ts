import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import type { Ctx } from '../../electron/core/context'
import { contract, type Method, type Input, type Output } from '../../electron/contract'
import { handlers, type CallMeta } from '../../electron/contract/handlers'
import { DEFAULT_ESCALATION_RULES } from '../../electron/core/escalation/rules'
import { listInbox } from '../../electron/core/inbox/service'

// The 约谈 list: from the escalation rules and by hand; 待约谈 → 已约谈 → 整改完成; a leader sees the units in their charge.
let t: TestCore
let office: Ctx
let scjg: Ctx
let juzhang: Ctx
let fujuzhang: Ctx
let unit: Record<string, number>

const meta: CallMeta = { token: null, remoteAddress: 'test', local: true }
async function call<M extends Method>(ctx: Ctx, method: M, input: Input<M>): Promise<Output<M>> {
  const parsed = contract[method].input.parse(input)
  return (handlers[method] as (c: Ctx, i: unknown, m: CallMeta) => Promise<Output<M>>)(ctx, parsed, meta)
}

beforeAll(async () => {
  t = await demoCore() // 2021年7月20日
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  juzhang = await t.ctxAs('juzhang') // in charge of 办公室
  fujuzhang = await t.ctxAs('fujuzhang') // in charge of 市场监管处, 普遍服务处, 市快递协会
  unit = Object.fromEntries((await t.core.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]))
})
afterAll(() => t.cleanup())

describe('约谈 from the escalation rules', () => {
  it('lists each 约谈 a rule fired once, with the unit, its head, the rule’s reason and the tasks behind it', async () => {
    await call(office, 'escalation.setRules', { ...DEFAULT_ESCALATION_RULES, enabled: true, interview: { level: 'blue', consecutive: 2 } })
    t.clock.set('2021-07-26T09:00:00+08:00') // the July reports were due on the 25th
    await call(office, 'escalation.run', {})
    await call(office, 'escalation.run', {}) // a second run lists nothing twice
    const list = await call(office, 'interviews.list', {})
    const fromRules = list.filter((i) => i.source === 'rule')
    expect(fromRules.length).toBeGreaterThan(0)
    const firings = await t.core.db.selectFrom('escalation_firings').select('id').where('level', '=', 'interview').execute()
    expect(fromRules).toHaveLength(firings.length)
    const mine = fromRules.find((i) => i.unitId === unit['市场监管处'])!
    expect(mine).toMatchObject({ status: 'pending', statusLabel: '待约谈', sourceLabel: '按规则', unitName: '市场监管处', year: 2021 })
    expect(mine.unitHeads).toEqual(['张强（市场监管处处长）'])
    expect(mine.reason).toContain('连续2次')
    expect(mine.tasks.length).toBeGreaterThanOrEqual(1)
    expect(mine.tasks[0].label).not.toBe('')
  })

  it('shows a leader only the 约谈 of the units in their charge, and no unit at all', async () => {
    const all = await call(office, 'interviews.list', {})
    const forFu = await call(fujuzhang, 'interviews.list', {})
    const fuUnits = [unit['市场监管处'], unit['普遍服务处'], unit['市快递协会']]
    expect(forFu.length).toBe(all.filter((i) => fuUnits.includes(i.unitId)).length)
    expect((await call(juzhang, 'interviews.list', {})).every((i) => !fuUnits.includes(i.unitId))).toBe(true)
    await expect(call(scjg, 'interviews.list', {})).rejects.toMatchObject({ code: 'forbidden' })
  })
})

describe('a 约谈 by hand, through its states', () => {
  it('is added by the office only, told to the leader in charge, recorded, then closed as 整改完成; each step audited', async () => {
    const taskId = (
      await t.core.db
        .selectFrom('tasks')
        .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
        .select('tasks.id')
        .where('task_units.unit_id', '=', unit['普遍服务处'])
        .executeTakeFirstOrThrow()
    ).id
    const input = { unitId: unit['普遍服务处'], reason: '上半年三项重点工作进度滞后', taskIds: [taskId] }
    await expect(call(fujuzhang, 'interviews.create', input)).rejects.toMatchObject({ code: 'forbidden' })
    const created = await call(office, 'interviews.create', input)
    expect(created).toMatchObject({ source: 'manual', sourceLabel: '办公室添加', status: 'pending', unitHeads: ['李娜（普遍服务处处长）'] })
    expect(created.tasks.map((x) => x.id)).toEqual([taskId])
    expect(
      (await listInbox(fujuzhang, { kind: 'escalation' })).items.some((i) => i.refId === created.id && i.title.includes('普遍服务处')),
    ).toBe(true)

    const id = created.id
    await expect(call(office, 'interviews.rectify', { interviewId: id, rectifiedOn: '2021-07-26', note: '已整改' })).rejects.toMatchObject({
      code: 'conflict',
      message: '请先记录约谈情况，再确认整改完成',
    })
    await expect(
      call(juzhang, 'interviews.record', {
        interviewId: id,
        heldOn: '2021-07-26',
        participants: '陈建国',
        record: '约谈',
        requirements: '整改',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' }) // not in charge of 普遍服务处
    await expect(
      call(fujuzhang, 'interviews.record', {
        interviewId: id,
        heldOn: '2021-08-01',
        participants: '刘伟',
        record: '约谈',
        requirements: '整改',
      }),
    ).rejects.toThrow('不能晚于今天')
    const held = await call(fujuzhang, 'interviews.record', {
      interviewId: id,
      heldOn: '2021-07-26',
      participants: '刘伟、李娜、周敏',
      record: '听取普遍服务处关于进度滞后原因的说明。',
      requirements: '8月底前完成三项重点工作的整改并书面报告。',
    })
    expect(held).toMatchObject({ status: 'held', statusLabel: '已约谈', heldOn: '2021-07-26', participants: '刘伟、李娜、周敏' })
    await expect(
      call(office, 'interviews.record', {
        interviewId: id,
        heldOn: '2021-07-26',
        participants: '周敏',
        record: '再记',
        requirements: '再要求',
      }),
    ).rejects.toMatchObject({ code: 'conflict' })
    const done = await call(office, 'interviews.rectify', { interviewId: id, rectifiedOn: '2021-07-26', note: '已书面报告整改情况' })
    expect(done).toMatchObject({ status: 'rectified', statusLabel: '整改完成', rectifiedNote: '已书面报告整改情况' })
    const audit = await t.core.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'interview')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['interview.create', 'interview.record', 'interview.rectify'])
    expect((await call(office, 'interviews.list', { status: 'rectified' })).map((i) => i.id)).toContain(id)
  })
})
