import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { issueNotice } from '../../electron/core/reminders/service'
import { submitReport } from '../../electron/core/reports/service'

// In one process, on either engine: on PostgreSQL the pool runs these transactions really at once
// (SQLite queues them on its one connection); tests/integration/numbering-concurrency.test.ts covers
// several processes sharing one SQLite file.
let t: TestCore
beforeAll(async () => {
  t = await demoCore()
})
afterAll(() => t.cleanup())

const AT_ONCE = 20

describe('many writers at once', () => {
  it('gives 20 督办单 issued at the same moment 20 distinct consecutive numbers', async () => {
    const office = await t.ctxAs('office')
    const planId = (await listPlans(office))[0].id
    const behind = (await listTasks(office, { planId })).filter((r) => r.status === 'behind' || r.status === 'overdue')
    expect(behind.length).toBeGreaterThan(0)
    const before = await t.core.db.selectFrom('notices').select('seq').where('kind', '=', 'notice').execute()
    const start = Math.max(0, ...before.map((n) => n.seq ?? 0))

    const notices = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        issueNotice(office, {
          taskId: behind[i % behind.length].id,
          issue: '进度滞后，请说明原因',
          requiredReply: '书面说明',
          replyDeadline: '2021-07-30',
        }),
      ),
    )
    const seqs = notices.map((n) => Number(/〔2021〕(\d+)号/.exec(n.number!)![1])).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: AT_ONCE }, (_, i) => start + i + 1))
  })

  it('commits 20 progress reports submitted at the same moment on 20 different tasks', async () => {
    const office = await t.ctxAs('office')
    const planId = (await listPlans(office))[0].id
    const heads = await t.core.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.username', 'units.name as unit'])
      .where('users.role', '=', 'unit_head')
      .execute()
    const headOf = new Map(heads.map((h) => [h.unit, h.username]))
    const reported = new Set(
      (await t.core.db.selectFrom('reports').select('task_id').where('period', '=', '2021-07').execute()).map((r) => r.task_id),
    )
    const open = (await listTasks(office, { planId })).filter(
      (r) => !r.closedAt && r.leads.length > 0 && headOf.has(r.leads[0].name) && !reported.has(r.id),
    )
    expect(open.length).toBeGreaterThanOrEqual(AT_ONCE)
    const picked = open.slice(0, AT_ONCE)
    const ctxs = await Promise.all(picked.map((task) => t.ctxAs(headOf.get(task.leads[0].name)!)))

    const results = await Promise.allSettled(
      picked.map((task, i) =>
        submitReport(ctxs[i], { taskId: task.id, percent: 60, progress: `第${i + 1}项按计划推进`, problems: '', nextSteps: '继续推进' }),
      ),
    )
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const stored = await t.core.db
      .selectFrom('reports')
      .select(['task_id', 'status'])
      .where('period', '=', '2021-07')
      .where(
        'task_id',
        'in',
        picked.map((p) => p.id),
      )
      .execute()
    expect(stored).toHaveLength(AT_ONCE)
    expect(new Set(stored.map((r) => r.status))).toEqual(new Set(['submitted']))
  })
})
