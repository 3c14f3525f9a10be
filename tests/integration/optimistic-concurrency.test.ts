import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { getTask, listTasks, updateTask } from '../../electron/core/tasks/service'
import { bulkAssign } from '../../electron/core/tasks/bulk'
import { applyTemplate, setMilestones } from '../../electron/core/milestones/service'
import { saveDraft } from '../../electron/core/reports/service'
import { listPlans } from '../../electron/core/plans/service'
import { dispatch } from '../../electron/contract/dispatch'
import type { Ctx } from '../../electron/core/context'

let t: TestCore
let office: Ctx
let admin: Ctx
let scjg: Ctx
let scjg01: Ctx
let planId: number
let unitIds: Record<string, number>

beforeAll(async () => {
  t = await demoCore()
  office = await t.ctxAs('office')
  admin = await t.ctxAs('admin')
  scjg = await t.ctxAs('scjg')
  scjg01 = await t.ctxAs('scjg01')
  planId = (await listPlans(office))[0].id
  const units = await t.core.db.selectFrom('units').select(['id', 'name']).execute()
  unitIds = Object.fromEntries(units.map((u) => [u.name, u.id]))
})
afterAll(() => t.cleanup())

const scjgTasks = async () =>
  (await listTasks(office, { planId })).filter((r) => !r.closedAt && r.leads.length === 1 && r.leads[0].name === '市场监管处')

describe('an edit based on an older version is refused, and nothing is overwritten', () => {
  it('tasks.update: the second desk is told who changed what and when', async () => {
    const [task] = await scjgTasks()
    const seen = (await getTask(office, { taskId: task.id })).version
    t.clock.set('2021-07-20T14:32:00+08:00')
    const first = await updateTask(admin, { taskId: task.id, version: seen, leadUnitIds: [unitIds['普遍服务处']] })
    expect(first.version).toBe(seen + 1)
    const stale = updateTask(office, { taskId: task.id, version: seen, text: '办公室同时改写的内容' })
    await expect(stale).rejects.toMatchObject({
      code: 'stale',
      message: '该任务已于2021年7月20日 14:32 被 系统管理员（系统管理员）修改了牵头单位，请刷新后再改',
    })
    const now = await getTask(office, { taskId: task.id })
    expect(now.text).toBe(task.text)
    expect(now.leads.map((u) => u.name)).toEqual(['普遍服务处'])
    expect(now.version).toBe(seen + 1)
    // based on the version now shown, the same edit goes through
    expect((await updateTask(office, { taskId: task.id, version: now.version, text: '新的表述' })).text).toBe('新的表述')
  })

  it('tasks.bulkAssign: one stale task refuses the whole batch', async () => {
    const [a, b] = (await scjgTasks()).slice(0, 2)
    await updateTask(admin, { taskId: b.id, version: b.version, deadline: '2021-10-31' })
    const refused = bulkAssign(office, {
      taskIds: [a.id, b.id],
      versions: [
        { taskId: a.id, version: a.version },
        { taskId: b.id, version: b.version },
      ],
      leaderId: null,
      deadline: '2021-11-30',
    })
    await expect(refused).rejects.toMatchObject({ code: 'stale', message: expect.stringContaining('修改了完成时限') })
    expect((await getTask(office, { taskId: a.id })).deadline).toBe(a.deadline)
    expect((await getTask(office, { taskId: a.id })).version).toBe(a.version)
    await expect(bulkAssign(office, { taskIds: [a.id], versions: [], deadline: null })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('milestones.set and milestones.applyTemplate: milestones count as the task’s content', async () => {
    const [, , c] = await scjgTasks()
    await setMilestones(admin, { taskId: c.id, version: c.version, milestones: [{ dueOn: '2021-09-30', plannedPct: 70, title: '三季度' }] })
    await expect(
      setMilestones(office, { taskId: c.id, version: c.version, milestones: [{ dueOn: '2021-12-31', plannedPct: 100, title: '' }] }),
    ).rejects.toMatchObject({ code: 'stale', message: expect.stringContaining('修改了进度节点') })
    await expect(
      applyTemplate(office, { taskIds: [c.id], versions: [{ taskId: c.id, version: c.version }], template: 'quarterly' }),
    ).rejects.toMatchObject({ code: 'stale' })
    const now = await getTask(office, { taskId: c.id })
    expect(now.milestones).toEqual([{ dueOn: '2021-09-30', plannedPct: 70, title: '三季度', expectedEvidence: null }])
    expect(now.version).toBe(c.version + 1)
  })

  it('reports.saveDraft: two people of one unit on the same draft', async () => {
    const [, , , d] = await scjgTasks()
    const draft = await saveDraft(scjg01, { taskId: d.id, percent: 40, progress: '工作人员起草', revision: null })
    expect(draft.revision).toBe(1)
    const edited = await saveDraft(scjg, { taskId: d.id, percent: 45, progress: '负责人修改', revision: draft.revision })
    expect(edited.revision).toBe(2)
    await expect(
      saveDraft(scjg01, { taskId: d.id, percent: 50, progress: '工作人员再改', revision: draft.revision }),
    ).rejects.toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/^该进展报送已于2021年7月20日 \d\d:\d\d 被 .+（市场监管处）修改了进展草稿，请刷新后再改$/),
    })
    // a second "new" draft for the same task and month is not a silent overwrite either
    await expect(saveDraft(scjg01, { taskId: d.id, percent: 50, progress: '另起一份', revision: null })).rejects.toMatchObject({
      code: 'stale',
    })
    const kept = await saveDraft(scjg01, { taskId: d.id, percent: 50, progress: '在最新稿上修改', revision: edited.revision })
    expect(kept).toMatchObject({ progress: '在最新稿上修改', revision: 3 })
  })

  it('the contract requires the version and answers a stale write with 409-class code "stale"', async () => {
    const login = await dispatch(t.core, 'auth.login', { username: 'office', password: 'Duban2021' }, null)
    const token = (login as { ok: true; data: { token: string } }).data.token
    const [task] = await scjgTasks()
    const missing = await dispatch(t.core, 'tasks.update', { taskId: task.id, text: '无版本号' }, token)
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('版本号') } })
    const stale = await dispatch(t.core, 'tasks.update', { taskId: task.id, version: task.version - 1 || 99, text: 'x' }, token)
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } })
    const draftWithout = await dispatch(t.core, 'reports.saveDraft', { taskId: task.id, percent: 1, progress: 'x' }, token)
    expect(draftWithout).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
