/** The office's settings for 督查事项: time limits per type, the 签收 window, the 回访 period, number series. */
import type { Ctx } from '../context'
import type { Urgency } from '../db/schema'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { readSettings, writeSetting } from '../settings/store'
import { DEFAULT_FOLLOWUP_DAYS, DEFAULT_SERIES, DEFAULT_SIGN_DAYS, DEFAULT_TIME_LIMITS, MATTER_SOURCES, type MatterSource } from './rules'

export interface MatterSettings {
  /** working days per type: 急件 / 一般 / 复杂 */
  timeLimits: Record<Urgency, number>
  /** working days the lead unit has to sign for an assignment */
  signDays: number
  /** working days after 回访 without a new 批示 before the matter counts as closed */
  followupDays: number
  /** number series per source: 督, 批 … */
  series: Record<MatterSource, string>
}

const URGENCIES: Urgency[] = ['urgent', 'normal', 'complex']
const KEYS = {
  limit: (u: Urgency) => `matters.limit.${u}`,
  signDays: 'matters.signDays',
  followupDays: 'matters.followupDays',
  series: (s: MatterSource) => `matters.series.${s}`,
}
const allKeys = () => [...URGENCIES.map(KEYS.limit), KEYS.signDays, KEYS.followupDays, ...MATTER_SOURCES.map(KEYS.series)]

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v)
  return Number.isInteger(n) && n >= 1 ? n : fallback
}

export async function matterSettings(ctx: Pick<Ctx, 'db'>): Promise<MatterSettings> {
  const s = await readSettings(ctx.db, allKeys())
  return {
    timeLimits: Object.fromEntries(URGENCIES.map((u) => [u, positive(s.get(KEYS.limit(u)), DEFAULT_TIME_LIMITS[u])])) as Record<
      Urgency,
      number
    >,
    signDays: positive(s.get(KEYS.signDays), DEFAULT_SIGN_DAYS),
    followupDays: positive(s.get(KEYS.followupDays), DEFAULT_FOLLOWUP_DAYS),
    series: Object.fromEntries(MATTER_SOURCES.map((k) => [k, s.get(KEYS.series(k)) || DEFAULT_SERIES[k]])) as Record<MatterSource, string>,
  }
}

export async function getMatterSettings(ctx: Ctx): Promise<MatterSettings> {
  requireRole(ctx.actor, ['admin', 'office', 'leader', 'unit_head', 'unit_staff'])
  return matterSettings(ctx)
}

export async function setMatterSettings(ctx: Ctx, input: MatterSettings): Promise<MatterSettings> {
  requireRole(ctx.actor, ['admin', 'office'])
  if (input.timeLimits.urgent > 5) throw new DubanError('invalid_input', '急件的办理时限不超过5个工作日')
  const before = await matterSettings(ctx)
  await inTransaction(ctx, async (trx) => {
    for (const u of URGENCIES) await writeSetting(trx, KEYS.limit(u), String(input.timeLimits[u]))
    await writeSetting(trx, KEYS.signDays, String(input.signDays))
    await writeSetting(trx, KEYS.followupDays, String(input.followupDays))
    for (const k of MATTER_SOURCES) await writeSetting(trx, KEYS.series(k), input.series[k].trim() || DEFAULT_SERIES[k])
    await writeAudit(trx, ctx, { action: 'settings.matters', entity: 'settings', entityId: null, before, after: input })
  })
  return matterSettings(ctx)
}
