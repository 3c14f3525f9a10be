import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { getTask, listTasks, type TaskRow } from '../../electron/core/tasks/service'
import { setTaskLink } from '../../electron/core/tasks/drawer'
import { twinDiscrepancies } from '../../electron/core/tasks/twinFlags'
import { listPlans } from '../../electron/core/plans/service'
import { getReport, submitReport, withdrawReport } from '../../electron/core/reports/service'
import { pendingReviews, reviewedReports, reviewReport } from '../../electron/core/reports/review'
import { issueNotice } from '../../electron/core/reminders/service'
import { instructionPhrases, setInstructionPhrases, DEFAULT_PHRASES } from '../../electron/core/settings/phrases'
import { homeSummary } from '../../electron/core/home/service'
import type { Ctx } from '../../electron/core/context'
import type { DubanEvent } from '../../electron/contract/events'

let t: TestCore
let planId: number
let office: Ctx
let scjg: Ctx
let pbfw: Ctx
let juzhang: Ctx
let rows: TaskRow[]

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  scjg = await t.ctxAs('scjg')
  pbfw = await t.ctxAs('pbfw')
  juzhang = await t.ctxAs('juzhang')
  planId = (await listPlans(office))[0].id
  rows = await listTasks(office, { planId })
})
afterAll(() => t.cleanup())

const task = (list: string, number: number) => rows.find((r) => r.listName.includes(list) && r.number === number)!

/** An open task 市场监管处 leads alone, with no report for the current period yet. */
function openScjgTask(n: number) {
  return rows.filter((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处' && r.coops.length === 0)[n]
}

describe('the task drawer', () => {
  it('shows the twin task and flags figures that disagree to the office until the link is accepted', async () => {
    const points = task('工作要点', 45)
    const livelihood = task('民生', 12)
    expect([points.status, livelihood.status]).toEqual(['done', 'behind'])

    const flagged = await twinDiscrepancies(office, { planId })
    expect(flagged.map((f) => [f.a.id, f.b.id].sort())).toContainEqual([points.id, livelihood.id].sort())
    await expect(twinDiscrepancies(scjg, { planId })).rejects.toMatchObject({ code: 'forbidden' })

    const detail = await getTask(office, { taskId: livelihood.id })
    expect(detail.twins).toEqual([
      expect.objectContaining({
        taskId: points.id,
        number: 45,
        link: 'suggested',
        verdict: expect.objectContaining({ kind: 'discrepancy', reason: '一项已完成，另一项未完成' }),
      }),
    ])

    await expect(setTaskLink(scjg, { taskId: livelihood.id, twinId: points.id, accept: true })).rejects.toMatchObject({ code: 'forbidden' })
    await setTaskLink(office, { taskId: livelihood.id, twinId: points.id, accept: true })

    const shared = await getTask(office, { taskId: livelihood.id })
    expect(shared.actualPct).toBe(100) // 工作要点45's approved report now counts for 民生实事12 too
    expect(shared.status).not.toBe('behind')
    expect(shared.twins[0]).toMatchObject({ link: 'accepted', verdict: { kind: 'shared' } })
    expect(shared.history[0]).toMatchObject({ action: 'task.link', label: '确认关联任务' })
    const listed = (await listTasks(office, { planId })).find((r) => r.id === livelihood.id)!
    expect(listed.actualPct).toBe(100)
    // once decided, the pair is no longer flagged
    expect((await twinDiscrepancies(office, { planId })).map((f) => f.a.id + '-' + f.b.id)).not.toContain(
      `${Math.min(points.id, livelihood.id)}-${Math.max(points.id, livelihood.id)}`,
    )
  })

  it('moves an accepted twin with the approval of a report on the other task, and tells the twin’s readers', async () => {
    const points = task('工作要点', 23)
    const livelihood = task('民生', 2)
    await setTaskLink(office, { taskId: points.id, twinId: livelihood.id, accept: true })
    const sent = await submitReport(scjg, { taskId: points.id, percent: 80, progress: '已完成大部分', revision: null })
    const events: DubanEvent[] = []
    const officeLive = { ...office, events: t.core.events }
    t.core.events.subscribe(office.actor!, (e) => events.push(e))
    await reviewReport(officeLive, { reportId: sent.id, decision: 'approve' })
    expect((await getTask(office, { taskId: livelihood.id })).actualPct).toBe(80)
    expect(events).toContainEqual(
      expect.objectContaining({ name: 'task.changed', data: expect.objectContaining({ taskId: livelihood.id }) }),
    )
  })

  it('names every change in Chinese, including report submissions, approvals and notices', async () => {
    const target = openScjgTask(0)
    const sent = await submitReport(scjg, { taskId: target.id, percent: 40, progress: '已完成调研', revision: null })
    await reviewReport(office, { reportId: sent.id, decision: 'approve', opinion: '进展扎实，请继续推进' })
    const detail = await getTask(scjg, { taskId: target.id })
    const labels = detail.history.map((h) => h.label)
    expect(labels).toEqual(expect.arrayContaining(['提交进展报送', '审核通过进展']))
    expect(detail.history.find((h) => h.action === 'report.approve')!.detail).toBe('2021年7月，完成40%，审核意见：进展扎实，请继续推进')
    expect(labels.every((l) => /[\u4e00-\u9fa5]/.test(l) && !l.includes('.'))).toBe(true)
    expect(detail.history.some((h) => h.action === 'report.create' || h.action === 'report.update')).toBe(false)

    const behind = rows.find((r) => r.status === 'behind' && r.leads[0]?.name === '市场监管处')!
    await issueNotice(office, { taskId: behind.id, issue: '进度滞后，请说明原因', requiredReply: '书面说明', replyDeadline: '2021-07-30' })
    const withNotice = await getTask(office, { taskId: behind.id })
    const issued = withNotice.history.filter((h) => h.action === 'notice.issue')
    expect(issued).toHaveLength(1) // the notice's own audit copy is not repeated
    expect(issued[0]).toMatchObject({ label: '下发督办单', detail: expect.stringMatching(/督办〔2021〕\d+号/) })
  })
})

describe('review like an office reviews', () => {
  it('approves with a 审核意见 the unit sees, and lists the decision under 已审核', async () => {
    const target = openScjgTask(1)
    const sent = await submitReport(scjg, { taskId: target.id, percent: 55, progress: '按计划推进', revision: null })
    const ctx = await getReport(office, { reportId: sent.id })
    expect(ctx.plan).toMatchObject({ asOf: '2021-07-31' })
    expect(ctx.plan.plannedPct).toBeGreaterThanOrEqual(0)
    expect(ctx.previous).toMatchObject({ period: expect.stringMatching(/^2021-0[1-6]$/), unitId: sent.unitId })

    await reviewReport(office, { reportId: sent.id, decision: 'approve', opinion: '  请补充下半年计划  ' })
    const seen = await getReport(scjg, { reportId: sent.id })
    expect(seen).toMatchObject({ status: 'approved', reviewOpinion: '请补充下半年计划' })
    expect(seen.versions.at(-1)).toMatchObject({ outcome: 'approved', reviewOpinion: '请补充下半年计划' })
    expect((await reviewedReports(office, { planId }))[0]).toMatchObject({ id: sent.id, reviewOpinion: '请补充下半年计划' })
    await expect(reviewedReports(scjg, {})).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('lets the unit withdraw a submitted report before review, checked on role, row and revision', async () => {
    const target = openScjgTask(2)
    const sent = await submitReport(scjg, { taskId: target.id, percent: 50, progress: '推进中', revision: null })
    expect((await pendingReviews(office)).map((r) => r.id)).toContain(sent.id)

    await expect(withdrawReport(office, { reportId: sent.id, revision: sent.revision })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(withdrawReport(pbfw, { reportId: sent.id, revision: sent.revision })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(withdrawReport(scjg, { reportId: sent.id, revision: sent.revision - 1 })).rejects.toMatchObject({ code: 'stale' })

    const back = await withdrawReport(scjg, { reportId: sent.id, revision: sent.revision })
    expect(back).toMatchObject({ status: 'draft', submittedAt: null })
    expect((await pendingReviews(office)).map((r) => r.id)).not.toContain(sent.id)
    expect((await getReport(scjg, { reportId: sent.id })).versions).toEqual([])
    const audit = await t.core.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.withdraw')
      .where('entity_id', '=', sent.id)
      .execute()
    expect(audit).toHaveLength(1)
    expect((await getTask(office, { taskId: target.id })).history[0]).toMatchObject({ label: '撤回进展报送', actor: expect.any(String) })

    const again = await submitReport(scjg, { taskId: target.id, percent: 52, progress: '推进中，已补充', revision: back.revision })
    expect(again).toMatchObject({ status: 'submitted', version: 1 })
    await reviewReport(office, { reportId: again.id, decision: 'approve' })
    await expect(
      withdrawReport(scjg, { reportId: again.id, revision: (await getReport(scjg, { reportId: again.id })).revision }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: '办公室已审核该报送，不能撤回',
    })
  })
})

describe('home pages that lead', () => {
  it('puts overdue and lagging tasks first, grouped by list; the leader’s are those in their charge', async () => {
    const home = await homeSummary(office, { planId })
    expect(home.attention.length).toBeGreaterThan(0)
    for (const g of home.attention) {
      expect(g.items.every((i) => i.listId === g.listId && ['overdue', 'behind', 'due_soon'].includes(i.status))).toBe(true)
      const ranks = g.items.map((i) => ['overdue', 'behind', 'due_soon'].indexOf(i.status))
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    }
    const leader = await homeSummary(juzhang, { planId })
    const mine = new Set(leader.inCharge!.map((b) => b.id))
    expect(leader.attention.flatMap((g) => g.items).every((i) => mine.has(i.id))).toBe(true)
    expect(leader.inChargeUnits!.length).toBeGreaterThan(0)
  })

  it('keeps 常用批示语 that a leader edits and everyone who writes a 批示 reads', async () => {
    expect(await instructionPhrases(juzhang)).toEqual(DEFAULT_PHRASES)
    expect(await setInstructionPhrases(juzhang, { phrases: ['请抓紧推进。', '  ', '请抓紧推进。', '已阅。'] })).toEqual([
      '请抓紧推进。',
      '已阅。',
    ])
    expect(await instructionPhrases(office)).toEqual(['请抓紧推进。', '已阅。'])
    await expect(setInstructionPhrases(scjg, { phrases: [] })).rejects.toMatchObject({ code: 'forbidden' })
  })
})
