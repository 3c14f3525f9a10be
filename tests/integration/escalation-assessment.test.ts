import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCore, type TestCore } from './helpers'
import { dispatch, type CoreEnv } from '../../electron/contract/dispatch'
import { login } from '../../electron/core/users/service'
import { DEMO_PASSWORD } from '../../electron/core/demo/accounts'
import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { DEFAULT_ESCALATION_RULES } from '../../electron/core/escalation/rules'
import { startEscalationScheduler } from '../../electron/core/escalation/scheduler'
import type { AssessmentView } from '../../electron/core/assessment/service'
import type { DryRun, FiringView } from '../../electron/core/escalation/service'
import type { PlannedAction } from '../../electron/core/escalation/rules'
import type { ScoringRules } from '../../electron/core/assessment/rules'
import type { MonthOnMonth } from '../../electron/core/assessment/monthly'

let t: TestCore
let env: CoreEnv
const tokens: Record<string, string> = {}
let scjgUnit: number

async function call<T>(user: string, method: string, input: unknown = {}): Promise<T> {
  const res = await dispatch(env, method, input, tokens[user], LOCAL_CALLER)
  if (!res.ok) throw Object.assign(new Error(res.error.message), res.error)
  return res.data as T
}
const refused = (user: string, method: string, input: unknown = {}) => dispatch(env, method, input, tokens[user], LOCAL_CALLER)
/** Moves the clock and signs everyone in again (a session ends after 30 idle minutes). */
async function at(day: string) {
  t.clock.set(`${day}T09:00:00+08:00`)
  for (const u of ['office', 'scjg', 'pbfw', 'juzhang'])
    tokens[u] = (await login({ ...env, actor: null }, { username: u, password: DEMO_PASSWORD }, LOCAL_CALLER)).token
}

beforeAll(async () => {
  t = await demoCore()
  env = { db: t.core.db, clock: t.clock, files: t.core.files }
  await at('2021-07-20')
  scjgUnit = (await t.core.db.selectFrom('units').select('id').where('name', '=', '市场监管处').executeTakeFirstOrThrow()).id
})
afterAll(() => t.cleanup())

describe('督查督办规则 through dispatch', () => {
  it('lets only the office set the rules and see a dry run; every change is audited', async () => {
    expect(await refused('scjg', 'escalation.setRules', { ...DEFAULT_ESCALATION_RULES, enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await refused('scjg', 'escalation.dryRun')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await refused('juzhang', 'escalation.setRules', DEFAULT_ESCALATION_RULES)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const bad = { ...DEFAULT_ESCALATION_RULES, tallies: [{ from: 'red', count: 2, to: 'blue' }] }
    expect(await refused('office', 'escalation.setRules', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const saved = await call<typeof DEFAULT_ESCALATION_RULES>('office', 'escalation.setRules', {
      ...DEFAULT_ESCALATION_RULES,
      enabled: true,
    })
    expect(saved.startOn).toBe('2021-07-20') // switched on today: older events are not acted on
    const audit = await t.core.db.selectFrom('audit_log').selectAll().where('action', '=', 'escalation.setRules').execute()
    expect(audit).toHaveLength(1)
    expect((await call<typeof DEFAULT_ESCALATION_RULES>('juzhang', 'escalation.rules')).enabled).toBe(true)
  })

  it('a missed report brings a blue reminder, then a yellow 督办单, then a red one, each once and with its reason', async () => {
    await at('2021-07-25') // the July report is due on the 25th (a Sunday, not a listed holiday: the date stands)
    expect((await call<DryRun>('office', 'escalation.dryRun')).actions).toEqual([])
    await at('2021-07-26')
    const dry = await call<DryRun>('office', 'escalation.dryRun')
    const mine = dry.actions.filter((a) => a.unitId === scjgUnit)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((a) => a.level === 'blue' && a.triggerKind === 'report')).toBe(true)
    expect(mine[0].reason).toContain('2021年7月进展未报送')
    expect(await t.core.db.selectFrom('escalation_firings').select('id').execute()).toEqual([]) // a dry run does nothing

    const first = await call<{ fired: PlannedAction[] }>('office', 'escalation.run')
    expect(first.fired.length).toBe(dry.actions.filter((a) => !a.deferred).length)
    expect((await call<{ fired: PlannedAction[] }>('office', 'escalation.run')).fired).toEqual([]) // never twice
    const reminders = await t.core.db
      .selectFrom('notices')
      .selectAll()
      .where('kind', '=', 'reminder')
      .where('unit_id', '=', scjgUnit)
      .execute()
    expect(reminders).toHaveLength(1) // one 催办 per unit, however many of its tasks

    await at('2021-07-29')
    const yellow = await call<{ fired: PlannedAction[] }>('office', 'escalation.run')
    const y = yellow.fired.filter((a) => a.unitId === scjgUnit && a.level === 'yellow')
    expect(y.length).toBe(mine.length)
    const taskId = y[0].taskId!
    const onTask = await call<FiringView[]>('office', 'escalation.firings', { taskId })
    expect(onTask.map((f) => f.levelName)).toEqual(['黄色督办单', '蓝色提醒'])
    expect(onTask[0].noticeNumber).toMatch(/^督办〔2021〕\d+号$/)
    expect(onTask[0].reason).toContain('宽限3个工作日已过')
    // the unit sees why on its own task, and only its own
    expect((await call<FiringView[]>('scjg', 'escalation.firings', {})).every((f) => f.unitId === scjgUnit)).toBe(true)

    await at('2021-08-09')
    const red = await call<{ fired: PlannedAction[] }>('office', 'escalation.run')
    expect(red.fired.some((a) => a.unitId === scjgUnit && a.level === 'red' && a.triggerKind === 'report')).toBe(true)
    const audit = await t.core.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'escalation.fire').execute()
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ rule: '蓝色提醒', trigger: 'report' })
  })

  it('runs daily and at start on the injected clock, as the system, without acting twice', async () => {
    await at('2021-08-10')
    const s = startEscalationScheduler({ db: t.core.db, clock: t.clock, files: t.core.files }, { log: () => {} })
    try {
      await s.tick()
      expect(await s.tick()).toBe(0)
    } finally {
      s.stop()
    }
  })
})

describe('督查考核 through dispatch', () => {
  it('previews the year with every deduction linked to its event; units wait for the announcement', async () => {
    await at('2021-12-31')
    const v = await call<AssessmentView>('office', 'assessment.preview', { year: 2021 })
    expect(v.status).toBe('draft')
    const scjg = v.units.find((u) => u.unitId === scjgUnit)!
    expect(scjg.items.length).toBeGreaterThan(0)
    expect(scjg.items.some((i) => i.category === 'red_notice' && i.link.kind === 'notice')).toBe(true)
    expect(scjg.items.some((i) => i.category === 'missing_report' && i.link.kind === 'task')).toBe(true)
    expect(Math.max(v.rules.floor, v.rules.base + scjg.items.reduce((s, i) => s + i.points, 0))).toBeCloseTo(scjg.supervisionScore)
    expect(await refused('scjg', 'assessment.preview', { year: 2021 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('announces, takes a unit’s appeal, has the office decide it, and publishes with the rules frozen', async () => {
    expect(await refused('scjg', 'assessment.publish', { year: 2021 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await refused('office', 'assessment.publish', { year: 2021 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    await call('juzhang', 'assessment.rate', { year: 2021, unitId: scjgUnit, score: 90 })
    const opened = await call<AssessmentView>('office', 'assessment.announce', { year: 2021 })
    expect(opened.status).toBe('open')
    expect(opened.appealUntil).toBe('2022-01-07')

    const own = await call<AssessmentView>('scjg', 'assessment.preview', { year: 2021 })
    expect(own.units.map((u) => u.unitId)).toEqual([scjgUnit])
    expect(own.units[0].rating).toBe(90)
    const item = own.units[0].items.find((i) => i.category === 'missing_report')!
    expect(await refused('office', 'assessment.appeal', { year: 2021, itemKey: item.key, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const other = opened.units.find((u) => u.unitId !== scjgUnit && u.items.length)!.items[0]
    expect(await refused('scjg', 'assessment.appeal', { year: 2021, itemKey: other.key, reason: '不是本单位' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const appeal = await call<{ id: number; decision: null }>('scjg', 'assessment.appeal', {
      year: 2021,
      itemKey: item.key,
      reason: '该月已线下报送，有签收单为证',
    })
    expect(await refused('scjg', 'assessment.decideAppeal', { appealId: appeal.id, decision: 'upheld', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })

    await at('2022-01-10')
    expect(await refused('office', 'assessment.publish', { year: 2021 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('申诉未处理') },
    })
    await call('office', 'assessment.decideAppeal', { appealId: appeal.id, decision: 'upheld', reason: '经核实已线下报送' })
    const before = (await call<AssessmentView>('office', 'assessment.preview', { year: 2021 })).units.find((u) => u.unitId === scjgUnit)!
    expect(before.items.find((i) => i.key === item.key)!.waived!.reason).toBe('经核实已线下报送')

    const published = await call<AssessmentView>('office', 'assessment.publish', { year: 2021 })
    expect(published.status).toBe('published')
    const frozen = published.units.find((u) => u.unitId === scjgUnit)!
    expect(frozen.score).toBe(before.score)

    const rules = await call<ScoringRules>('office', 'assessment.rules')
    await call('office', 'assessment.setRules', { ...rules, missingReport: 50, base: 80 })
    const later = await call<AssessmentView>('office', 'assessment.result', { year: 2021 })
    expect(later!.rules.missingReport).toBe(10)
    expect(later!.units.find((u) => u.unitId === scjgUnit)!.score).toBe(frozen.score)
    expect(await refused('office', 'assessment.announce', { year: 2021 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    for (const action of [
      'assessment.announce',
      'assessment.appeal',
      'assessment.decideAppeal',
      'assessment.publish',
      'assessment.rate',
      'assessment.setRules',
    ]) {
      const n = await t.core.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()
      expect(n.length, action).toBeGreaterThan(0)
    }
  })

  it('exports the published result as Excel and as a Word 考核通报', async () => {
    const xlsx = await call<{ fileName: string; contentBase64: string }>('office', 'assessment.exportXlsx', { year: 2021 })
    const docx = await call<{ fileName: string; contentBase64: string }>('juzhang', 'assessment.exportDocx', { year: 2021 })
    expect(xlsx.fileName).toBe('2021年度督查考核结果.xlsx')
    expect(docx.fileName).toBe('2021年度督查考核结果通报.docx')
    for (const f of [xlsx, docx]) expect(Buffer.from(f.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK')
    expect(await refused('scjg', 'assessment.exportXlsx', { year: 2021 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('compares a month with the one before', async () => {
    const m = await call<MonthOnMonth>('office', 'assessment.monthly', { period: '2021-08' })
    const reds = await t.core.db.selectFrom('escalation_firings').select('fired_on').where('level', '=', 'red').execute()
    expect(m.current.newReds).toBe(reds.filter((r) => r.fired_on.startsWith('2021-08')).length)
    expect(m.before.newReds).toBe(reds.filter((r) => r.fired_on.startsWith('2021-07')).length)
    expect(m.current.newReds).toBeGreaterThan(0)
    expect(m.ranks.length).toBeGreaterThan(3)
    expect(m.paragraphs[0]).toMatch(/^与上月相比：本月新增红色督办\d+次/)
    const bulletin = await call<{ html: string }>('office', 'exports.bulletinHtml', { period: '2021-08' })
    expect(bulletin.html).toContain(m.paragraphs[0]) // the draft 督查通报 carries the comparison, ready to edit
    expect(await refused('scjg', 'assessment.monthly', { period: '2021-08' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
