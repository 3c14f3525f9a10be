import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoCore, movableClock, type TestCore } from './helpers'
import { openCore, type CoreApp } from '../../electron/core/app'
import { exportArchive } from '../../electron/core/archive/export'
import { importArchive } from '../../electron/core/archive/import'
import { listPlans } from '../../electron/core/plans/service'
import { createUser } from '../../electron/core/users/service'
import { inTransaction } from '../../electron/core/audit/service'
import { insertUnit } from '../../electron/core/units/service'
import type { Ctx } from '../../electron/core/context'
import JSZip from 'jszip'
import { ARCHIVE_ORDER, NOT_YEAR_DATA, type ArchiveJson } from '../../electron/core/archive/tables'
import { contract, type Method, type Input, type Output } from '../../electron/contract'
import { handlers, type CallMeta } from '../../electron/contract/handlers'
import { DEFAULT_ESCALATION_RULES } from '../../electron/core/escalation/rules'

// In process, so it runs on both engines (archive.test.ts drives the command line against SQLite files).
let t: TestCore
let dir: string
let fresh: CoreApp
beforeAll(async () => {
  t = await demoCore()
  dir = mkdtempSync(join(tmpdir(), 'duban-archive-rt-'))
  fresh = await openCore({ dataDir: dir, clock: movableClock('2022-01-10T10:00:00+08:00') })
})
afterAll(async () => {
  await fresh?.close()
  rmSync(dir, { recursive: true, force: true })
  await t.cleanup()
})

const meta: CallMeta = { token: null, remoteAddress: 'test', local: true }
async function call<M extends Method>(ctx: Ctx, method: M, input: Input<M>): Promise<Output<M>> {
  const parsed = contract[method].input.parse(input)
  return (handlers[method] as (c: Ctx, i: unknown, m: CallMeta) => Promise<Output<M>>)(ctx, parsed, meta)
}

/** The supervision loop's own records on the demo plan: 催办 with tasks, firings, 约谈, 延期, 退回, the assessment. */
async function caseload(planId: number): Promise<void> {
  const office = await t.ctxAs('office')
  const scjg = await t.ctxAs('scjg')
  const fujuzhang = await t.ctxAs('fujuzhang')
  await call(office, 'escalation.setRules', { ...DEFAULT_ESCALATION_RULES, enabled: true, interview: { level: 'blue', consecutive: 2 } })
  t.clock.set('2021-07-26T09:00:00+08:00')
  await call(office, 'escalation.run', {})
  const unitId = scjg.actor!.unitId!
  const tasks = await t.core.db
    .selectFrom('tasks')
    .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
    .select(['tasks.id', 'tasks.deadline'])
    .where('tasks.plan_id', '=', planId)
    .where('task_units.unit_id', '=', unitId)
    .where('task_units.role', '=', 'lead')
    .where('tasks.closed_at', 'is', null)
    .where('tasks.deadline', '>', '2021-08-01')
    .orderBy('tasks.id')
    .execute()
  const sent = await call(office, 'reminders.send', { unitId, planId, taskIds: [tasks[0].id], override: true })
  // a step of a 督办单's life (read, reply …), on this notice as the lifecycle writes them
  await t.core.db
    .insertInto('notice_steps')
    .values({
      notice_id: sent.id,
      action: 'read',
      actor_id: scjg.actor!.id,
      at: '2021-07-26T02:00:00.000Z',
      body: '',
      attachment_ids_json: '[]',
    })
    .execute()
  const [ext] = await call(scjg, 'extensions.request', { taskId: tasks[0].id, reason: '等待省局批复', proposedDue: '2022-03-31' })
  await call(office, 'extensions.decide', { extensionId: ext.id, decision: 'approve' })
  await call(scjg, 'tasks.returnAssignment', { taskId: tasks[1].id, reason: '不属本处职责' })
  await call(office, 'interviews.create', { unitId, reason: '多项任务滞后', taskIds: [tasks[2].id] })
  await call(office, 'assessment.announce', { year: 2021 })
  await call(fujuzhang, 'assessment.rate', { year: 2021, unitId, score: 90 })
}

describe('an archive read into a new install', () => {
  it('archives every table of the schema that holds a year’s record, or says why not', async () => {
    const tables = (await t.core.db.introspection.getTables()).map((x) => x.name).filter((n) => !/^(task|report)_search_/.test(n)) // SQLite's FTS5 keeps its index in shadow tables
    const archived = new Set<string>(ARCHIVE_ORDER)
    const unaccounted = tables.filter((n) => !archived.has(n) && !(n in NOT_YEAR_DATA))
    expect(unaccounted).toEqual([])
    for (const n of ARCHIVE_ORDER) expect(tables).toContain(n)
  })

  it('keeps every id, and the install goes on numbering new rows after them', async () => {
    const office = await t.ctxAs('office')
    const planId = (await listPlans(office))[0].id
    await caseload(planId)
    const zip = await exportArchive(office, { planId })
    const bytes = Buffer.from(zip.contentBase64, 'base64')
    const json = JSON.parse(await (await JSZip.loadAsync(bytes)).file('archive.json')!.async('string')) as ArchiveJson
    for (const table of [
      'notice_steps',
      'reminder_tasks',
      'assignment_returns',
      'extensions',
      'escalation_firings',
      'interviews',
      'interview_tasks',
      'assessment_years',
      'assessment_ratings',
    ] as const)
      expect(json.tables[table].length, table).toBeGreaterThan(0)

    const system: Ctx = { db: fresh.db, clock: fresh.clock, files: fresh.files, actor: null }
    const admin = await createUser(system, {
      username: 'root',
      displayName: '管理员',
      role: 'admin',
      unitId: null,
      password: 'Root-2022-pass',
    })
    const asAdmin: Ctx = { ...system, actor: { id: admin.id, username: 'root', displayName: '管理员', role: 'admin', unitId: null } }
    const result = await importArchive(asAdmin, bytes)
    expect(result.planId).toBe(planId)
    // every archived row is back; the new install's own: its administrator (a user, an audit entry) and the import's entry
    const own: Partial<Record<string, number>> = { users: 1, audit_log: 2 }
    for (const table of ARCHIVE_ORDER) {
      const n = await fresh.db.selectFrom(table).select(fresh.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(n.n), table).toBe(json.tables[table].length + (own[table] ?? 0))
    }

    const ids = async (core: { db: CoreApp['db'] }) =>
      (await core.db.selectFrom('tasks').select('id').orderBy('id').execute()).map((r) => r.id)
    expect(await ids(fresh)).toEqual(await ids(t.core))

    // new rows in tables the archive filled: no id may collide with an imported one
    const maxUnit = Math.max(...(await fresh.db.selectFrom('units').select('id').execute()).map((u) => u.id))
    const unitId = await inTransaction(asAdmin, (trx) => insertUnit(trx, asAdmin, { name: '新设处室' }))
    expect(unitId).toBeGreaterThan(maxUnit)
  })
})

describe('the year’s 督查事项 read into a new install', () => {
  it('keeps a matter’s source document and the 批示 a follow-up rests on', async () => {
    const office = await t.ctxAs('office')
    const juzhang = await t.ctxAs('juzhang')
    const scjgUnit = (await t.ctxAs('scjg')).actor!.unitId!
    const doc = await call(office, 'files.upload', {
      name: '局务会议纪要.txt',
      dataBase64: Buffer.from('一、开展安全检查。').toString('base64'),
    })
    const first = await call(office, 'matters.create', {
      sourceKind: 'meeting',
      sourceAttachmentId: doc.id,
      items: [
        {
          text: '开展寄递安全检查',
          leadUnitIds: [scjgUnit],
          urgency: 'normal',
          milestones: [{ dueOn: '2021-08-02', expectedEvidence: '会议纪要' }],
        },
      ],
    })
    const parentId = first.matters[0].taskId
    const [ins] = await call(juzhang, 'instructions.write', { taskId: parentId, body: '请限期整改到位。' })
    const followup = await call(office, 'matters.create', {
      sourceKind: 'instruction',
      parentTaskId: parentId,
      parentInstructionId: ins.id,
      items: [{ text: '限期整改', leadUnitIds: [scjgUnit], urgency: 'urgent', timeLimitDays: 3 }],
    })
    const zip = await exportArchive(office, { planId: first.planId })

    const dir2 = mkdtempSync(join(tmpdir(), 'duban-archive-rt-'))
    const other = await openCore({ dataDir: dir2, clock: movableClock('2022-01-10T10:00:00+08:00') })
    try {
      const system: Ctx = { db: other.db, clock: other.clock, files: other.files, actor: null }
      const admin = await createUser(system, {
        username: 'root',
        displayName: '管理员',
        role: 'admin',
        unitId: null,
        password: 'Root-2022-pass',
      })
      const asAdmin: Ctx = { ...system, actor: { id: admin.id, username: 'root', displayName: '管理员', role: 'admin', unitId: null } }
      await importArchive(asAdmin, Buffer.from(zip.contentBase64, 'base64'))
      const back = await other.db
        .selectFrom('tasks')
        .select(['id', 'source_attachment_id', 'parent_task_id', 'parent_instruction_id'])
        .where('id', 'in', [parentId, followup.matters[0].taskId])
        .orderBy('id')
        .execute()
      expect(back).toEqual([
        { id: parentId, source_attachment_id: doc.id, parent_task_id: null, parent_instruction_id: null },
        { id: followup.matters[0].taskId, source_attachment_id: null, parent_task_id: parentId, parent_instruction_id: ins.id },
      ])
      const evidence = await other.db
        .selectFrom('milestones')
        .select('expected_evidence')
        .where('task_id', '=', parentId)
        .orderBy('due_on')
        .execute()
      expect(evidence.map((m) => m.expected_evidence)).toEqual(['会议纪要', null])
    } finally {
      await other.close()
      rmSync(dir2, { recursive: true, force: true })
    }
  })
})
