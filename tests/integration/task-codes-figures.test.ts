import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { listTasks, updateTask } from '../../electron/core/tasks/service'
import { leaderDashboard } from '../../electron/core/dashboards/leader'
import { exportBulletinHtml } from '../../electron/core/exporters/bulletin'
import { setListAbbr } from '../../electron/core/plans/abbr'
import { getPlan } from '../../electron/core/plans/service'
import { listInbox } from '../../electron/core/inbox/service'
import { issueNotice } from '../../electron/core/reminders/service'
import { reportView } from '../../electron/core/reports/view'

let t: TestCore
let planId: number
beforeAll(async () => {
  t = await demoCore()
  planId = (await t.core.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id
})
afterAll(() => t.cleanup())

describe('task codes on the demo plan', () => {
  it('every task has a code unique in its plan, from its list', async () => {
    const rows = await listTasks(await t.ctxAs('office'), { planId })
    expect(rows).toHaveLength(88)
    expect(new Set(rows.map((r) => r.code)).size).toBe(88)
    const byText = (s: string) => rows.find((r) => r.listKind === 'livelihood' && r.text.includes(s))!
    expect(byText('可循环快递箱（盒）使用量达15万个').code).toBe('民生5-1')
    expect(byText('开展绿色分拨中心').code).toBe('民生5-2')
    expect(rows.filter((r) => r.listKind === 'key_works').map((r) => r.code)).toEqual(Array.from({ length: 9 }, (_, i) => `重点${i + 1}`))
    expect(rows.find((r) => r.code === '要点45')!.listName).toBe('工作要点')
  })

  it('the search finds a code and every sub-item of a 民生实事', async () => {
    const office = await t.ctxAs('office')
    expect((await listTasks(office, { planId, q: '民生5' })).map((r) => r.code)).toEqual(['民生5-1', '民生5-2'])
    expect((await listTasks(office, { planId, q: '要点15' })).map((r) => r.code)).toEqual(['要点15'])
  })

  it('sorts by code in list order, then number, not as text', async () => {
    const rows = await listTasks(await t.ctxAs('office'), { planId })
    const sorted = [...rows].sort((a, b) => a.codeOrder - b.codeOrder).map((r) => r.code)
    expect(sorted.indexOf('要点2')).toBeLessThan(sorted.indexOf('要点15'))
    expect(sorted.indexOf('重点9')).toBeLessThan(sorted.indexOf('要点1'))
  })

  it('the office sets a list abbreviation; codes follow, duplicates and digits are refused', async () => {
    const office = await t.ctxAs('office')
    const plan = await getPlan(office, { planId })
    const key = plan.lists.find((l) => l.kind === 'key_works')!
    expect(key).toMatchObject({ abbr: '重点', abbrSet: false })
    await expect(setListAbbr(office, { listId: key.id, abbr: '要点' })).rejects.toThrow('已被清单')
    await expect(setListAbbr(office, { listId: key.id, abbr: '重点2' })).rejects.toThrow('数字')
    await expect(setListAbbr(await t.ctxAs('scjg'), { listId: key.id, abbr: '重大' })).rejects.toThrow()
    expect(await setListAbbr(office, { listId: key.id, abbr: '重大' })).toEqual({ listId: key.id, abbr: '重大' })
    expect((await listTasks(office, { planId, listId: key.id }))[2].code).toBe('重大3')
    await setListAbbr(office, { listId: key.id, abbr: null })
    expect((await listTasks(office, { planId, listId: key.id }))[2].code).toBe('重点3')
  })

  it('a notice names its task by code and its reply day as people write it', async () => {
    const office = await t.ctxAs('office')
    const task = (await listTasks(office, { planId, q: '要点15' }))[0]
    await issueNotice(office, { taskId: task.id, issue: '进度滞后', requiredReply: '说明原因', replyDeadline: '2021-07-30' })
    const inbox = await listInbox(
      await t.ctxAs(task.leads[0].name === '办公室' ? 'bgs' : task.leads[0].name === '市场监管处' ? 'scjg' : 'pbfw'),
      {},
    )
    const item = inbox.items.find((i) => i.kind === 'notice')!
    expect(item.taskCode).toBe('要点15')
    expect(item.title).toContain('：要点15，')
    expect(item.title).toContain('2021年7月30日')
    expect(item.title).not.toContain('2021-07-30')
  })
})

describe('honest figures on the demo plan', () => {
  it('按时报送 is not 0% for a division whose June reports came on the 25th', async () => {
    const d = await leaderDashboard(await t.ctxAs('juzhang'), { planId })
    const scjg = d.units.find((u) => u.unitName === '市场监管处')!
    expect(scjg.punctuality.due).toBeGreaterThan(0)
    expect(scjg.punctuality.rate).toBeGreaterThan(0)
    for (const u of d.units) expect(u.punctuality.onTime).toBeLessThanOrEqual(u.punctuality.due)
  })

  it('the bulletin lists the tasks done, not 暂无, when 15 are done', async () => {
    const d = await leaderDashboard(await t.ctxAs('juzhang'), { planId })
    expect(d.overall.done).toBe(15)
    const { html } = await exportBulletinHtml(await t.ctxAs('office'), { period: '2021-07', planId })
    expect(html).not.toContain('暂无完成销号')
    expect(html).toContain('销号。')
  })

  it('主要预期指标 lists each indicator once, with actuals against targets', async () => {
    const d = await leaderDashboard(await t.ctxAs('juzhang'), { planId })
    const names = d.indicators.map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.filter((n) => n === '电商快件不再二次包装率')).toHaveLength(1)
    // twins with different targets (10万个 and 15万个) stay apart, named by their task's code
    expect(names.filter((n) => n.startsWith('可循环快递箱（盒）使用量'))).toEqual([
      '可循环快递箱（盒）使用量（要点45）',
      '可循环快递箱（盒）使用量（民生5-1）',
    ])
    const total = d.indicators.find((i) => i.name === '快递业务量')!
    expect(total.latest).not.toBeNull()
    expect(total.target).toBe(24)
    expect(d.indicators.filter((i) => i.latest === null).length).toBeLessThan(d.indicators.length / 2)
  })
})

describe('demo honesty', () => {
  it('keeps the document’s own deadlines and marks the office’s', async () => {
    const rows = await listTasks(await t.ctxAs('office'), { planId })
    const fromDocument = rows.filter((r) => r.deadlineSource === 'document')
    expect(fromDocument.length).toBeGreaterThan(0)
    expect(fromDocument.length).toBeLessThan(10)
    for (const r of fromDocument) expect(r.deadlineText).not.toBeNull()
    const byOffice = rows.filter((r) => r.deadlineSource === 'office')
    expect(byOffice.length + fromDocument.length).toBe(88)
    // none is shown as 年底前 unless the document says so
    for (const r of byOffice) expect(r.deadlineText ?? '').not.toBe('年底前')
  })

  it('an office edit of the deadline makes it office-set', async () => {
    const office = await t.ctxAs('office')
    const row = (await listTasks(office, { planId })).find((r) => r.deadlineSource === 'document')!
    const after = await updateTask(office, { taskId: row.id, deadline: '2021-10-31' })
    expect(after.deadlineSource).toBe('office')
  })

  it('marks the invented reports as demo data', async () => {
    const r = await t.core.db.selectFrom('reports').select('id').limit(1).executeTakeFirstOrThrow()
    expect((await reportView(t.core.db, r.id)).demo).toBe(true)
  })
})
