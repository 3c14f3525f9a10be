/**
 * The year-end assessment as a process: rules (office), preview (any time, as of any day), announcement
 * (公示: units see their own score and may appeal for a set number of working days), the office's decision
 * on each appeal, leaders' ratings, and publication, which freezes the rules and the result together.
 */
import type { Ctx } from '../context'
import { DubanError, denied, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { isUnitRole, requireActor, requireRole } from '../users/rules'
import { readSettings, writeSetting } from '../settings/store'
import { deliver } from '../inbox/deliver'
import { addDays, addWorkdays } from '../calendar/workdays'
import { loadHistory } from '../escalation/load'
import { loadCalendar } from '../calendar/service'
import { assess, DEFAULT_SCORING_RULES, type ScoringRules, type UnitScore } from './rules'

export const SCORING_RULES_KEY = 'assessment.rules'

export async function readScoringRules(ctx: Pick<Ctx, 'db'>): Promise<ScoringRules> {
  const raw = (await readSettings(ctx.db, [SCORING_RULES_KEY])).get(SCORING_RULES_KEY)
  if (!raw) return DEFAULT_SCORING_RULES
  try {
    return { ...DEFAULT_SCORING_RULES, ...(JSON.parse(raw) as Partial<ScoringRules>) }
  } catch {
    return DEFAULT_SCORING_RULES
  }
}

export async function scoringRules(ctx: Ctx): Promise<ScoringRules> {
  requireActor(ctx.actor)
  return readScoringRules(ctx)
}

export async function setScoringRules(ctx: Ctx, input: ScoringRules): Promise<ScoringRules> {
  requireRole(ctx.actor, ['admin', 'office'])
  const before = await readScoringRules(ctx)
  await inTransaction(ctx, async (trx) => {
    await writeSetting(trx, SCORING_RULES_KEY, JSON.stringify(input))
    await writeAudit(trx, ctx, { action: 'assessment.setRules', entity: 'settings', entityId: null, before, after: input })
  })
  return input
}

export interface AppealView {
  id: number
  unitId: number
  unitName: string
  itemKey: string
  itemLabel: string
  points: number
  reason: string
  filedAt: string
  decision: 'upheld' | 'rejected' | null
  decisionReason: string | null
  decidedAt: string | null
}

export interface AssessmentView {
  year: number
  asOf: string
  /** draft: only the office sees it; open: announced, units may appeal; published: frozen */
  status: 'draft' | 'open' | 'published'
  appealUntil: string | null
  publishedAt: string | null
  rules: ScoringRules
  units: UnitScore[]
  appeals: AppealView[]
}

const defaultAsOf = (year: number, today: string) => (today.startsWith(`${year}-`) || today < `${year}-01-01` ? today : `${year}-12-31`)

async function yearRow(ctx: Pick<Ctx, 'db'>, year: number) {
  return ctx.db.selectFrom('assessment_years').selectAll().where('year', '=', year).executeTakeFirst()
}

async function appealsOf(ctx: Pick<Ctx, 'db'>, year: number): Promise<AppealView[]> {
  const rows = await ctx.db
    .selectFrom('assessment_appeals as a')
    .innerJoin('units', 'units.id', 'a.unit_id')
    .selectAll('a')
    .select('units.name as unit_name')
    .where('a.year', '=', year)
    .orderBy('a.id')
    .execute()
  return rows.map((a) => ({
    id: a.id,
    unitId: a.unit_id,
    unitName: a.unit_name,
    itemKey: a.item_key,
    itemLabel: a.item_label,
    points: Number(a.points),
    reason: a.reason,
    filedAt: a.filed_at,
    decision: a.decision,
    decisionReason: a.decision_reason,
    decidedAt: a.decided_at,
  }))
}

/** The leaders' average rating of each unit for the year. */
async function ratingsOf(ctx: Pick<Ctx, 'db'>, year: number): Promise<Map<number, number>> {
  const rows = await ctx.db.selectFrom('assessment_ratings').select(['unit_id', 'score']).where('year', '=', year).execute()
  const sums = new Map<number, number[]>()
  for (const r of rows) sums.set(r.unit_id, [...(sums.get(r.unit_id) ?? []), Number(r.score)])
  return new Map([...sums].map(([u, s]) => [u, Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10) / 10]))
}

/** Scores computed now from the recorded events (not a published result). */
export async function computeScores(ctx: Pick<Ctx, 'db' | 'clock'>, year: number, asOf: string, rules?: ScoringRules) {
  const r = rules ?? (await readScoringRules(ctx))
  // Item keys name their event (a report, a 督办单, a task), so they belong to one unit only.
  const waived = new Map(
    (await appealsOf(ctx, year)).filter((a) => a.decision === 'upheld').map((a) => [a.itemKey, a.decisionReason ?? '']),
  )
  const history = await loadHistory(ctx, { year })
  return { rules: r, units: assess({ rules: r, history, year, asOf, ratings: await ratingsOf(ctx, year), waived }) }
}

/** Units see their own line only, and only once it is announced. */
function forActor(ctx: Ctx, view: AssessmentView): AssessmentView {
  const actor = requireActor(ctx.actor)
  if (!isUnitRole(actor.role)) return view
  if (view.status === 'draft') throw denied('考核结果尚未公示')
  return {
    ...view,
    units: view.units.filter((u) => u.unitId === actor.unitId),
    appeals: view.appeals.filter((a) => a.unitId === actor.unitId),
  }
}

/** assessment.preview: the year's scores with every item; a published year answers with its frozen result. */
export async function preview(ctx: Ctx, input: { year: number; asOf?: string }): Promise<AssessmentView> {
  requireActor(ctx.actor)
  const row = await yearRow(ctx, input.year)
  const appeals = await appealsOf(ctx, input.year)
  if (row?.status === 'published') {
    const frozen = JSON.parse(row.result_json!) as UnitScore[]
    return forActor(ctx, {
      year: row.year,
      asOf: row.as_of,
      status: 'published',
      appealUntil: row.appeal_until,
      publishedAt: row.published_at,
      rules: JSON.parse(row.rules_json!) as ScoringRules,
      units: frozen,
      appeals,
    })
  }
  const asOf = row?.as_of ?? input.asOf ?? defaultAsOf(input.year, ctx.clock.today())
  const { rules, units } = await computeScores(ctx, input.year, asOf)
  return forActor(ctx, {
    year: input.year,
    asOf,
    status: row ? 'open' : 'draft',
    appealUntil: row?.appeal_until ?? null,
    publishedAt: null,
    rules,
    units,
    appeals,
  })
}

/** 公示: the office announces the preview as of a day; units are told and may appeal until the period ends. */
export async function announce(ctx: Ctx, input: { year: number; asOf?: string }): Promise<AssessmentView> {
  requireRole(ctx.actor, ['admin', 'office'])
  const row = await yearRow(ctx, input.year)
  if (row?.status === 'published') throw new DubanError('conflict', `${input.year}年度考核结果已发布，不能再公示`)
  const today = ctx.clock.today()
  const asOf = input.asOf ?? defaultAsOf(input.year, today)
  const rules = await readScoringRules(ctx)
  const appealUntil = addWorkdays(await loadCalendar(ctx), addDays(today, 1), Math.max(0, rules.appealWorkdays - 1))
  const { units } = await computeScores(ctx, input.year, asOf, rules)
  await inTransaction(ctx, async (trx) => {
    const values = {
      status: 'open' as const,
      as_of: asOf,
      appeal_until: appealUntil,
      opened_by: ctx.actor!.id,
      opened_at: ctx.clock.now().toISOString(),
    }
    await trx
      .insertInto('assessment_years')
      .values({ year: input.year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute()
    for (const u of units)
      await deliver(trx, ctx, {
        kind: 'reminder',
        to: { unitId: u.unitId },
        refId: null,
        taskId: null,
        title: `${input.year}年度督查考核得分公示：${u.score}分`,
        body: `截至${asOf}，本单位督查考核得分${u.score}分（扣${u.deductions}分，加${u.bonuses}分）。如有异议，请于${appealUntil}前在“督查考核”页提出申诉。`,
      })
    await writeAudit(trx, ctx, { action: 'assessment.announce', entity: 'assessment', entityId: input.year, after: { asOf, appealUntil } })
  })
  return preview(ctx, { year: input.year })
}

/** 申诉: a unit contests one item of its own score, with a reason, within the appeal period. */
export async function appeal(ctx: Ctx, input: { year: number; itemKey: string; reason: string }): Promise<AppealView> {
  const actor = requireRole(ctx.actor, ['unit_head', 'unit_staff'])
  const row = await yearRow(ctx, input.year)
  if (!row) throw new DubanError('conflict', '考核结果尚未公示，暂不能申诉')
  if (row.status === 'published') throw new DubanError('conflict', '考核结果已发布，不能再申诉')
  if (row.appeal_until && ctx.clock.today() > row.appeal_until) throw new DubanError('conflict', `申诉期已于${row.appeal_until}结束`)
  const view = await preview(ctx, { year: input.year })
  const item = view.units.find((u) => u.unitId === actor.unitId)?.items.find((it) => it.key === input.itemKey)
  if (!item) throw notFound('该考核扣分项')
  const existing = await ctx.db
    .selectFrom('assessment_appeals')
    .select('id')
    .where('year', '=', input.year)
    .where('unit_id', '=', actor.unitId!)
    .where('item_key', '=', input.itemKey)
    .executeTakeFirst()
  if (existing) throw new DubanError('conflict', '该项已提出过申诉')
  const id = await inTransaction(ctx, async (trx) => {
    const a = await trx
      .insertInto('assessment_appeals')
      .values({
        year: input.year,
        unit_id: actor.unitId!,
        item_key: item.key,
        item_label: item.label,
        points: item.points,
        reason: input.reason,
        filed_by: actor.id,
        filed_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deliver(trx, ctx, {
      kind: 'notice_reply',
      to: 'office',
      refId: null,
      taskId: item.link.taskId,
      title: `考核申诉：${item.label}`,
      body: input.reason,
    })
    await writeAudit(trx, ctx, {
      action: 'assessment.appeal',
      entity: 'assessment_appeal',
      entityId: a.id,
      after: { year: input.year, itemKey: item.key, reason: input.reason },
    })
    return a.id
  })
  return (await appealsOf(ctx, input.year)).find((a) => a.id === id)!
}

/** The office decides an appeal, with its reason; an upheld appeal takes the item out of the score. */
export async function decideAppeal(
  ctx: Ctx,
  input: { appealId: number; decision: 'upheld' | 'rejected'; reason: string },
): Promise<AppealView> {
  requireRole(ctx.actor, ['admin', 'office'])
  const a = await ctx.db.selectFrom('assessment_appeals').selectAll().where('id', '=', input.appealId).executeTakeFirst()
  if (!a) throw notFound('该申诉')
  if (a.decision) throw new DubanError('conflict', '该申诉已处理')
  const row = await yearRow(ctx, a.year)
  if (row?.status === 'published') throw new DubanError('conflict', '考核结果已发布')
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('assessment_appeals')
      .set({
        decision: input.decision,
        decision_reason: input.reason,
        decided_by: ctx.actor!.id,
        decided_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', a.id)
      .execute()
    await deliver(trx, ctx, {
      kind: 'reminder',
      to: { unitId: a.unit_id },
      refId: null,
      taskId: null,
      title: `考核申诉${input.decision === 'upheld' ? '成立' : '不成立'}：${a.item_label}`,
      body: input.reason,
    })
    await writeAudit(trx, ctx, {
      action: 'assessment.decideAppeal',
      entity: 'assessment_appeal',
      entityId: a.id,
      before: { decision: null },
      after: { decision: input.decision, reason: input.reason },
    })
  })
  return (await appealsOf(ctx, a.year)).find((x) => x.id === a.id)!
}

/** Publication: after the appeal period and with every appeal decided; the rules and scores are frozen with it. */
export async function publish(ctx: Ctx, input: { year: number }): Promise<AssessmentView> {
  requireRole(ctx.actor, ['admin', 'office'])
  const row = await yearRow(ctx, input.year)
  if (!row) throw new DubanError('conflict', '请先公示考核结果，给各单位申诉的机会')
  if (row.status === 'published') throw new DubanError('conflict', `${input.year}年度考核结果已发布`)
  if (row.appeal_until && ctx.clock.today() <= row.appeal_until)
    throw new DubanError('conflict', `申诉期至${row.appeal_until}，期满后才能发布`)
  const pending = (await appealsOf(ctx, input.year)).filter((a) => !a.decision)
  if (pending.length) throw new DubanError('conflict', `尚有${pending.length}项申诉未处理，处理后才能发布`)
  const { rules, units } = await computeScores(ctx, input.year, row.as_of)
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('assessment_years')
      .set({
        status: 'published',
        rules_json: JSON.stringify(rules),
        result_json: JSON.stringify(units),
        published_by: ctx.actor!.id,
        published_at: ctx.clock.now().toISOString(),
      })
      .where('year', '=', input.year)
      .where('status', '=', 'open')
      .execute()
    await writeAudit(trx, ctx, {
      action: 'assessment.publish',
      entity: 'assessment',
      entityId: input.year,
      after: { asOf: row.as_of, rules, scores: units.map((u) => ({ unitId: u.unitId, score: u.score, rank: u.rank })) },
    })
  })
  return preview(ctx, { year: input.year })
}

/** The published result of a year, or null. */
export async function result(ctx: Ctx, input: { year: number }): Promise<AssessmentView | null> {
  requireActor(ctx.actor)
  const row = await yearRow(ctx, input.year)
  if (row?.status !== 'published') return null
  return preview(ctx, input)
}

/** A leader's rating of a unit for the year (0–100), the leader-rating portion of the score. */
export async function rate(ctx: Ctx, input: { year: number; unitId: number; score: number; comment?: string }): Promise<{ ok: true }> {
  const actor = requireRole(ctx.actor, ['leader'])
  const row = await yearRow(ctx, input.year)
  if (row?.status === 'published') throw new DubanError('conflict', `${input.year}年度考核结果已发布`)
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst()
  if (!unit) throw notFound('该单位')
  await inTransaction(ctx, async (trx) => {
    const values = { score: input.score, comment: input.comment ?? '', rated_at: ctx.clock.now().toISOString() }
    await trx
      .insertInto('assessment_ratings')
      .values({ year: input.year, unit_id: input.unitId, rated_by: actor.id, ...values })
      .onConflict((oc) => oc.columns(['year', 'unit_id', 'rated_by']).doUpdateSet(values))
      .execute()
    await writeAudit(trx, ctx, {
      action: 'assessment.rate',
      entity: 'unit',
      entityId: input.unitId,
      after: { year: input.year, ...values },
    })
  })
  return { ok: true }
}
