/** 立项: the office registers matters from a meeting, a leader's 批示件, a superior, an incoming document or else. */
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, ReportCadence, Urgency } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { loadCalendar } from '../calendar/service'
import { nextNumber } from '../numbering/counters'
import { deliver } from '../inbox/deliver'
import { taskChanged } from '../events/changes'
import { parsePlanText } from '../importers/parser'
import { readPlanFile } from '../importers'
import { knownUnits } from '../imports/units'
import { readFile } from '../files/service'
import { matterSettings } from './settings'
import {
  MATTER_SOURCES,
  SOURCE_LABELS,
  URGENCY_LABELS,
  matterDueDate,
  matterMilestones,
  matterNumber,
  timeLimitDays,
  type MatterSource,
} from './rules'

export interface MatterItemInput {
  text: string
  leadUnitIds: number[]
  coopUnitIds?: number[]
  /** 分管领导 in charge */
  leaderId?: number | null
  urgency: Urgency
  /** working days instead of the type's limit (急件: 1–5) */
  timeLimitDays?: number | null
  /** what the unit is expected to hand in as evidence when it reports completion */
  expectedEvidence?: string
  /** milestones before the due date, each with the evidence expected then (会议纪要、照片、文件) */
  milestones?: { dueOn: string; expectedEvidence?: string | null }[]
}

export interface MatterCreateInput {
  sourceKind: MatterSource
  /** the source document's title or number, e.g. 局长办公会纪要〔2021〕7号 */
  sourceTitle?: string | null
  /** an attachment uploaded with files.upload */
  sourceAttachmentId?: number | null
  /** the leader whose 批示 this carries out (领导批示件; a follow-up from a 批示) */
  instructedBy?: number | null
  /** a follow-up matter spawned from a 批示 on another task */
  parentTaskId?: number | null
  parentInstructionId?: number | null
  reportCadence?: ReportCadence
  reportDay?: number | null
  items: MatterItemInput[]
}

export interface CreatedMatter {
  taskId: number
  matterNo: string
  deadline: string
}

/** The year's container: one plan of kind 'matters', one list per source, created on first use. */
async function listFor(
  trx: Transaction<Database>,
  ctx: Ctx,
  year: number,
  source: MatterSource,
): Promise<{ planId: number; listId: number }> {
  const now = ctx.clock.now().toISOString()
  let plan = await trx.selectFrom('plans').select('id').where('kind', '=', 'matters').where('year', '=', year).executeTakeFirst()
  if (!plan) {
    plan = await trx
      .insertInto('plans')
      .values({
        title: `${year}年督查督办事项`,
        issuer: null,
        doc_number: null,
        issued_on: null,
        year,
        source_name: null,
        original_text: '',
        created_at: now,
        kind: 'matters',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  }
  let list = await trx.selectFrom('lists').select('id').where('plan_id', '=', plan.id).where('kind', '=', source).executeTakeFirst()
  if (!list) {
    list = await trx
      .insertInto('lists')
      .values({ plan_id: plan.id, name: SOURCE_LABELS[source], kind: source, sort: MATTER_SOURCES.indexOf(source) })
      .returning('id')
      .executeTakeFirstOrThrow()
  }
  return { planId: plan.id, listId: list.id }
}

async function assertReferences(ctx: Ctx, input: MatterCreateInput): Promise<void> {
  const unitIds = [...new Set(input.items.flatMap((i) => [...i.leadUnitIds, ...(i.coopUnitIds ?? [])]))]
  if (unitIds.length) {
    const found = await ctx.db.selectFrom('units').select(['id', 'active']).where('id', 'in', unitIds).execute()
    if (found.length !== unitIds.length) throw new DubanError('invalid_input', '所选单位不存在')
    if (found.some((u) => !u.active)) throw new DubanError('invalid_input', '所选单位已停用，不能交办新事项')
  }
  const leaderIds = [
    ...new Set([input.instructedBy, ...input.items.map((i) => i.leaderId)].filter((x): x is number => typeof x === 'number')),
  ]
  if (leaderIds.length) {
    const leaders = await ctx.db.selectFrom('users').select('id').where('id', 'in', leaderIds).where('role', '=', 'leader').execute()
    if (leaders.length !== leaderIds.length) throw new DubanError('invalid_input', '所选领导不存在或不是局领导')
  }
  if (input.parentTaskId) {
    const parent = await ctx.db.selectFrom('tasks').select('id').where('id', '=', input.parentTaskId).executeTakeFirst()
    if (!parent) throw notFound('所依据的任务')
  }
  if (input.parentInstructionId) {
    const ins = await ctx.db
      .selectFrom('instructions')
      .select(['task_id', 'parent_id'])
      .where('id', '=', input.parentInstructionId)
      .executeTakeFirst()
    if (!ins || ins.parent_id !== null) throw notFound('所依据的批示')
    if (input.parentTaskId && ins.task_id !== input.parentTaskId) throw new DubanError('invalid_input', '批示与所依据的任务不一致')
  }
  if (input.sourceAttachmentId) {
    const a = await ctx.db.selectFrom('attachments').select('id').where('id', '=', input.sourceAttachmentId).executeTakeFirst()
    if (!a) throw notFound('来源文件')
  }
}

/** matters.create: one or several matters from one source, numbered in the bureau's series, each a task. */
export async function createMatters(ctx: Ctx, input: MatterCreateInput): Promise<{ planId: number; matters: CreatedMatter[] }> {
  const actor = requireRole(ctx.actor, ['admin', 'office'])
  if (input.items.length === 0) throw new DubanError('invalid_input', '请至少填写一项督查事项')
  for (const [i, item] of input.items.entries()) {
    if (!item.text.trim()) throw new DubanError('invalid_input', `第${i + 1}项：请填写事项内容`)
    if (item.leadUnitIds.length === 0) throw new DubanError('invalid_input', `第${i + 1}项：请选择牵头单位`)
  }
  await assertReferences(ctx, input)
  // a follow-up of a 批示 carries out that leader's instruction
  let instructedBy = input.instructedBy ?? null
  if (!instructedBy && input.parentInstructionId) {
    const ins = await ctx.db.selectFrom('instructions').select('author_id').where('id', '=', input.parentInstructionId).executeTakeFirst()
    instructedBy = ins?.author_id ?? null
  }
  const settings = await matterSettings(ctx)
  const cal = await loadCalendar(ctx)
  const today = ctx.clock.today()
  const year = Number(today.slice(0, 4))
  const series = settings.series[input.sourceKind]
  const now = ctx.clock.now().toISOString()

  return inTransaction(ctx, async (trx) => {
    const { planId, listId } = await listFor(trx, ctx, year, input.sourceKind)
    const last = await trx
      .selectFrom('tasks')
      .select((eb) => [eb.fn.max('number').as('number'), eb.fn.max('sort').as('sort')])
      .where('list_id', '=', listId)
      .executeTakeFirst()
    let number = Number(last?.number ?? 0)
    let sort = Number(last?.sort ?? 0)
    const created: CreatedMatter[] = []
    for (const item of input.items) {
      const days = timeLimitDays(item.urgency, settings.timeLimits, item.timeLimitDays)
      const deadline = matterDueDate(cal, today, days)
      const seq = await nextNumber(trx, `matter:${series}`, year)
      const matterNo = matterNumber(series, year, seq)
      number++
      sort++
      const leaderId = item.leaderId ?? instructedBy ?? null
      const row = await trx
        .insertInto('tasks')
        .values({
          plan_id: planId,
          list_id: listId,
          section_id: null,
          number,
          text: item.text.trim(),
          leader_id: leaderId,
          deadline,
          deadline_text: `${URGENCY_LABELS[item.urgency]}，${days}个工作日`,
          closed_at: null,
          source_line: null,
          sort,
          created_at: now,
          updated_at: now,
          source_kind: input.sourceKind,
          source_title: input.sourceTitle?.trim() || null,
          source_attachment_id: input.sourceAttachmentId ?? null,
          matter_series: series,
          matter_year: year,
          matter_seq: seq,
          matter_no: matterNo,
          urgency: item.urgency,
          time_limit_days: days,
          instructed_by: instructedBy,
          parent_task_id: input.parentTaskId ?? null,
          parent_instruction_id: input.parentInstructionId ?? null,
          assigned_at: now,
          acknowledged_at: null,
          acknowledged_by: null,
          report_cadence: input.reportCadence ?? 'monthly',
          report_day: input.reportDay ?? null,
          followup_sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const [role, ids] of [
        ['lead', item.leadUnitIds],
        ['coop', (item.coopUnitIds ?? []).filter((u) => !item.leadUnitIds.includes(u))],
      ] as const) {
        for (const [position, unitId] of [...new Set(ids)].entries()) {
          await trx.insertInto('task_units').values({ task_id: row.id, unit_id: unitId, role, position }).execute()
        }
      }
      for (const m of matterMilestones(deadline, item.milestones ?? [], item.expectedEvidence)) {
        await trx
          .insertInto('milestones')
          .values({ task_id: row.id, due_on: m.dueOn, planned_pct: m.plannedPct, title: m.title, expected_evidence: m.expectedEvidence })
          .execute()
      }
      for (const unitId of new Set(item.leadUnitIds)) {
        await deliver(trx, ctx, {
          kind: 'assignment',
          to: { unitId },
          refId: row.id,
          taskId: row.id,
          title: `请签收：${matterNo} ${SOURCE_LABELS[input.sourceKind]}`,
          body: item.text.trim(),
        })
      }
      await writeAudit(trx, ctx, {
        action: 'matter.create',
        entity: 'task',
        entityId: row.id,
        after: {
          ...item,
          matterNo,
          deadline,
          timeLimitDays: days,
          sourceKind: input.sourceKind,
          sourceTitle: input.sourceTitle ?? null,
          instructedBy,
          parentTaskId: input.parentTaskId ?? null,
          by: actor.id,
        },
      })
      if (input.parentTaskId) {
        await writeAudit(trx, ctx, {
          action: 'matter.followup',
          entity: 'task',
          entityId: input.parentTaskId,
          after: { followupTaskId: row.id, matterNo, instructionId: input.parentInstructionId ?? null },
        })
      }
      await taskChanged(trx, row.id)
      created.push({ taskId: row.id, matterNo, deadline })
    }
    return { planId, matters: created }
  })
}

export interface MatterPreviewItem {
  text: string
  leadUnitIds: number[]
  coopUnitIds: number[]
  /** names in the source that match no unit or alias */
  unknownUnits: string[]
}

export interface MatterPreview {
  /** the number the next matter of this source would get (not reserved) */
  nextNumber: string
  timeLimitDays: number
  dueOn: string
  /** items read from the source text or file, where it is a list (minutes, a 交办 list) */
  items: MatterPreviewItem[]
}

/** Number and due date before registering; with a text or file, the items the importer finds in it. */
export async function previewMatters(
  ctx: Ctx,
  input: { sourceKind: MatterSource; urgency: Urgency; timeLimitDays?: number | null; text?: string; attachmentId?: number },
): Promise<MatterPreview> {
  requireRole(ctx.actor, ['admin', 'office'])
  const settings = await matterSettings(ctx)
  const days = timeLimitDays(input.urgency, settings.timeLimits, input.timeLimitDays)
  const today = ctx.clock.today()
  const year = Number(today.slice(0, 4))
  const series = settings.series[input.sourceKind]
  const counter = await ctx.db
    .selectFrom('counters')
    .select('n')
    .where('kind', '=', `matter:${series}`)
    .where('year', '=', year)
    .executeTakeFirst()
  let text = input.text ?? ''
  if (input.attachmentId) {
    const file = await readFile(ctx, { attachmentId: input.attachmentId })
    text = (await readPlanFile(file.fileName, Buffer.from(file.dataBase64, 'base64'))).text
  }
  const items: MatterPreviewItem[] = []
  if (text.trim()) {
    const known = await knownUnits(ctx.db)
    const draft = parsePlanText(text)
    for (const l of draft.lists)
      for (const s of l.sections)
        for (const t of s.tasks) {
          const resolve = (names: string[]) => names.map((n) => known.byName.get(n)?.id).filter((x): x is number => x !== undefined)
          items.push({
            text: t.text,
            leadUnitIds: [...new Set(resolve(t.leads))],
            coopUnitIds: [...new Set(resolve(t.coops))],
            unknownUnits: [...t.leads, ...t.coops].filter((n) => !known.byName.has(n)),
          })
        }
  }
  return {
    nextNumber: matterNumber(series, year, (counter?.n ?? 0) + 1),
    timeLimitDays: days,
    dueOn: matterDueDate(await loadCalendar(ctx), today, days),
    items,
  }
}
