import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { demoCore, type TestCore } from './helpers'
import { parsePlanText } from '../../electron/core/importers/parser'
import { importUnreviewed } from '../../electron/core/imports/service'
import { applyTemplate } from '../../electron/core/milestones/service'
import { submitReport } from '../../electron/core/reports/service'
import { reviewReport } from '../../electron/core/reports/review'
import type { Ctx } from '../../electron/core/context'

export interface SmallPlan {
  t: TestCore
  planId: number
  /** 工作要点 1 (市场监管处), 2 (普遍服务处, 市场监管处 配合), 3 (普遍服务处); 民生实事 1 (市场监管处) */
  tasks: { a: number; b: number; c: number; d: number }
  ctx: (username: string) => Promise<Ctx>
}

/**
 * Four tasks with quarterly milestones and a hand-made report history, replayed on the clock:
 *   A: March 30% (sent 03-20, approved 03-22), June 60% (sent 06-24, approved 06-28)
 *   B: March 20% (sent 03-20, approved 03-22), June 40% (sent late 07-05, approved 07-06)
 *   C: April 10% (sent late 04-26, approved 04-27)
 *   D: June 100% 申请销号 (sent 06-24, approved and closed 06-28)
 * The clock ends on 2021-07-20.
 */
export async function smallPlan(): Promise<SmallPlan> {
  const t = await demoCore()
  const office = await t.ctxAs('office')
  const text = readFileSync(resolve(__dirname, '../fixtures/small-plan.txt'), 'utf8')
  const { planId } = await importUnreviewed(office, { draft: parsePlanText(text), text, sourceName: 'small-plan.txt' })
  const rows = await t.core.db.selectFrom('tasks').select(['id']).where('plan_id', '=', planId).orderBy('list_id').orderBy('sort').execute()
  const [a, b, c, d] = rows.map((r) => r.id)
  await applyTemplate(office, { taskIds: [a, b, c, d], template: 'quarterly' })
  const scjg = await t.ctxAs('scjg')
  const pbfw = await t.ctxAs('pbfw')
  const at = (day: string) => t.clock.set(`${day}T10:00:00+08:00`)
  const approve = (reportId: number) => reviewReport(office, { reportId, decision: 'approve' })
  const send = (ctx: Ctx, taskId: number, period: string, percent: number, isFinal = false) =>
    submitReport(ctx, { taskId, period, percent, progress: `第${period}期进展：完成${percent}%`, isFinal }).then((r) => r.id)

  at('2021-03-20')
  const a3 = await send(scjg, a, '2021-03', 30)
  const b3 = await send(pbfw, b, '2021-03', 20)
  at('2021-03-22')
  await approve(a3)
  await approve(b3)
  at('2021-04-26')
  const c4 = await send(pbfw, c, '2021-04', 10)
  at('2021-04-27')
  await approve(c4)
  at('2021-06-24')
  const d6 = await send(scjg, d, '2021-06', 100, true)
  const a6 = await send(scjg, a, '2021-06', 60)
  at('2021-06-28')
  await approve(d6)
  await approve(a6)
  at('2021-07-05')
  const b6 = await send(pbfw, b, '2021-06', 40)
  at('2021-07-06')
  await approve(b6)
  at('2021-07-20')
  return { t, planId, tasks: { a, b, c, d }, ctx: (u) => t.ctxAs(u) }
}
