import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KyselyPlugin } from 'kysely'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { getTask } from '../../electron/core/tasks/service'
import { listTaskReports, submitReport } from '../../electron/core/reports/service'
import { pendingReviews, reviewReport, reviewedReports } from '../../electron/core/reports/review'
import { listUsers, userView } from '../../electron/core/users/service'
import { reportView, reportViews } from '../../electron/core/reports/view'
import { HOME_LIST_LIMIT, homeSummary } from '../../electron/core/home/service'
import { notReported } from '../../electron/core/reminders/service'
import type { Ctx } from '../../electron/core/context'

// The home page and the review queue read many reports at once: a fixed number of queries however many
// reports there are (issue 11's load bench found one query per report), and the same views as before.
let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const PERIODS = ['2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-07']
const sentIds: number[] = []

/** The same core with a counter on every statement it sends to the database. */
function counting(ctx: Ctx): { ctx: Ctx; queries: () => number } {
  let n = 0
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, queries: () => n }
}

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  planId = (await listPlans(office))[0].id
  const mine = (await listTasks(scjg, { planId })).filter((r) => !r.closedAt && r.leads[0]?.name === '市场监管处')
  // six periods of reports on every open task 市场监管处 leads: well over a home page's worth
  for (const period of PERIODS) {
    for (const [i, task] of mine.entries()) {
      const existing = (await listTaskReports(scjg, { taskId: task.id })).find(
        (r) => r.period === period && r.unitId === scjg.actor!.unitId,
      )
      if (existing && existing.status !== 'draft') continue
      const indicators = (await getTask(scjg, { taskId: task.id })).indicators
      const sent = await submitReport(scjg, {
        taskId: task.id,
        period,
        percent: 30 + i,
        progress: `第${i + 1}项${period}进展`,
        indicatorValues: indicators.slice(0, 1).map((x) => ({ indicatorId: x.indicatorId, value: 7 + i })),
        newFiles:
          i % 3 === 0 ? [{ name: `佐证${i}.png`, dataBase64: Buffer.concat([PNG, Buffer.from(`${period}-${i}`)]).toString('base64') }] : [],
      })
      sentIds.push(sent.id)
    }
  }
}, 120_000)
afterAll(() => t.cleanup())

describe('report views read in one batch', () => {
  it('keeps each report’s own indicator values and files, in the order asked, and leaves out ids not found', async () => {
    const ids = [...sentIds].reverse()
    const batch = await reportViews(t.core.db, [...ids, 999_999])
    expect(batch.map((v) => v.id)).toEqual(ids)
    for (const id of [ids[0], ids[1], ids[2], ids[ids.length - 1]]) {
      const one = batch.find((v) => v.id === id)!
      expect(one).toEqual(await reportView(t.core.db, id))
      expect(one.attachments.every((a) => a.reportId === id)).toBe(true)
    }
    expect(batch.some((v) => v.attachments.length === 1)).toBe(true)
    expect(batch.some((v) => v.indicatorValues.length === 1)).toBe(true)
    await expect(reportView(t.core.db, 999_999)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('reads more reports than one statement takes, in chunks, with the same result', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => sentIds[i % sentIds.length])
    const views = await reportViews(t.core.db, many)
    expect(views.map((v) => v.id)).toEqual(many)
  })

  it('reads the review queue in a fixed number of queries, however long it is', async () => {
    const { ctx, queries } = counting(office)
    const pending = await pendingReviews(ctx, { planId })
    expect(pending.length).toBe(sentIds.length)
    expect(queries()).toBeLessThanOrEqual(6)
  })
})

describe('home summaries with long lists', () => {
  it('gives the office the whole count of 待审核 and the first few of them, as the review queue shows them', async () => {
    const { ctx, queries } = counting(office)
    const home = await homeSummary(ctx, { planId })
    const queue = await pendingReviews(office, { planId })
    expect(home.pendingReview!.count).toBe(queue.length)
    expect(home.pendingReview!.items).toEqual(queue.slice(0, HOME_LIST_LIMIT))
    // the plan's tasks are read once for the page, the 未报送 list included, and give the same list
    expect(home.notReported).toEqual(await notReported(office, { planId, period: home.period }))
    expect(home.notReported!.units.length).toBeGreaterThan(0)
    expect(queries()).toBeLessThanOrEqual(18) // 25 when the 未报送 list read the tasks again
  })

  it('gives a unit the count of its returned reports and the most recently returned first, in the same queries for 5 or 40', async () => {
    const returnSome = async (ids: number[]) => {
      for (const id of ids) {
        t.clock.advanceMinutes(1)
        await reviewReport(office, { reportId: id, decision: 'return', reason: `请补充材料${id}` })
      }
    }
    await returnSome(sentIds.slice(0, 5))
    const few = counting(scjg)
    const home5 = await homeSummary(few.ctx, { planId })
    expect(home5.returnedCount).toBe(5)
    expect(home5.returned!.map((r) => r.id)).toEqual(sentIds.slice(0, 5).reverse())
    expect(home5.returned![0]).toMatchObject({ status: 'returned', returnReason: `请补充材料${sentIds[4]}` })

    await returnSome(sentIds.slice(5, 40))
    const many = counting(scjg)
    const home40 = await homeSummary(many.ctx, { planId })
    expect(home40.returnedCount).toBe(40)
    expect(home40.returned!.map((r) => r.id)).toEqual(sentIds.slice(40 - HOME_LIST_LIMIT, 40).reverse())
    expect(home40.returned).toEqual(await reportViews(t.core.db, sentIds.slice(40 - HOME_LIST_LIMIT, 40).reverse()))
    expect(many.queries()).toBe(few.queries())
  })
})

describe('other long lists read in a fixed number of queries', () => {
  it('已审核: the latest decision first, each report as its own view, in the same queries for 5 or 40', async () => {
    const { ctx, queries } = counting(office)
    const reviewed = await reviewedReports(ctx, { planId })
    expect(reviewed.length).toBeGreaterThanOrEqual(40)
    const at = reviewed.map((r) => r.reviewedAt ?? '')
    expect([...at].sort().reverse()).toEqual(at)
    expect(reviewed[0]).toEqual(await reportView(t.core.db, sentIds[39]))
    const few = counting(office)
    await reviewedReports(few.ctx, { planId, limit: 5 })
    expect(queries()).toBe(few.queries())
  })

  it('people: every user with their units in charge, in the same queries as for one', async () => {
    const { ctx, queries } = counting(office)
    const users = await listUsers(ctx)
    expect(users.length).toBeGreaterThan(5)
    expect(queries()).toBeLessThanOrEqual(3)
    expect(users.map((u) => u.id)).toEqual([...users.map((u) => u.id)].sort((a, b) => a - b))
    for (const u of users) expect(u).toEqual(await userView(office, u.id))
    expect(users.some((u) => u.role === 'leader' && u.leaderUnits.length > 0)).toBe(true)
    await expect(userView(office, 999_999)).rejects.toMatchObject({ code: 'not_found' })
  })
})
