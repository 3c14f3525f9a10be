import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import type { Ctx } from '../../electron/core/context'
import { contract, type Method, type Input, type Output } from '../../electron/contract'
import { handlers, type CallMeta } from '../../electron/contract/handlers'

// Expected evidence per milestone: set at 立项, edited by the office, shown with the report and in review.
let t: TestCore
let office: Ctx
let scjg: Ctx
let scjgUnit: number

const meta: CallMeta = { token: null, remoteAddress: 'test', local: true }
async function call<M extends Method>(ctx: Ctx, method: M, input: Input<M>): Promise<Output<M>> {
  const parsed = contract[method].input.parse(input)
  return (handlers[method] as (c: Ctx, i: unknown, m: CallMeta) => Promise<Output<M>>)(ctx, parsed, meta)
}

beforeAll(async () => {
  t = await demoCore() // 2021年7月20日
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  scjgUnit = scjg.actor!.unitId!
})
afterAll(() => t.cleanup())

const create = (milestones: { dueOn: string; expectedEvidence?: string }[]) =>
  call(office, 'matters.create', {
    sourceKind: 'meeting',
    sourceTitle: '局务会议纪要〔2021〕9号',
    items: [
      {
        text: '开展寄递企业安全生产大检查。',
        leadUnitIds: [scjgUnit],
        urgency: 'normal',
        expectedEvidence: '检查报告、现场照片',
        milestones,
      },
    ],
  })

describe('expected evidence per milestone', () => {
  it('is set at 立项 for each milestone, the due date carrying the evidence of completion', async () => {
    const { matters } = await create([{ dueOn: '2021-07-30', expectedEvidence: '专题会议纪要' }])
    expect(matters[0].deadline).toBe('2021-08-10')
    const task = await call(office, 'tasks.get', { taskId: matters[0].taskId })
    expect(task.milestones).toEqual([
      { dueOn: '2021-07-30', plannedPct: 50, title: '阶段节点1', expectedEvidence: '专题会议纪要' },
      { dueOn: '2021-08-10', plannedPct: 100, title: '办结并报送办理结果', expectedEvidence: '检查报告、现场照片' },
    ])
  })

  it('refuses a milestone after the due date', async () => {
    await expect(create([{ dueOn: '2021-09-01', expectedEvidence: '照片' }])).rejects.toThrow('晚于完成时限')
  })

  it('is edited by the office only, and kept with the milestone', async () => {
    const { matters } = await create([])
    const taskId = matters[0].taskId
    const { version } = await call(office, 'tasks.get', { taskId })
    const milestones = [
      { dueOn: '2021-07-31', plannedPct: 40, title: '', expectedEvidence: '部署文件' },
      { dueOn: '2021-08-10', plannedPct: 100, title: '办结', expectedEvidence: ' 整改台账 ' },
    ]
    await expect(call(scjg, 'milestones.set', { taskId, version, milestones })).rejects.toMatchObject({ code: 'forbidden' })
    const saved = await call(office, 'milestones.set', { taskId, version, milestones })
    expect(saved.map((m) => m.expectedEvidence)).toEqual(['部署文件', '整改台账'])
    const task = await call(scjg, 'tasks.get', { taskId })
    expect(task.milestones.map((m) => m.expectedEvidence)).toEqual(['部署文件', '整改台账'])
  })

  it('is shown to the reviewer beside the report: the evidence of the milestone the period answers to', async () => {
    const { matters } = await create([{ dueOn: '2021-07-30', expectedEvidence: '专题会议纪要' }])
    const taskId = matters[0].taskId
    const july = await call(scjg, 'reports.submit', {
      taskId,
      period: '2021-07',
      percent: 40,
      progress: '已召开专题会议部署。',
      revision: null,
    })
    const detail = await call(office, 'reports.get', { reportId: july.id })
    expect(detail.plan.milestone).toMatchObject({ dueOn: '2021-07-30', expectedEvidence: '专题会议纪要' })
    expect(detail.plan.milestones.map((m) => m.expectedEvidence)).toEqual(['专题会议纪要', '检查报告、现场照片'])
  })
})
