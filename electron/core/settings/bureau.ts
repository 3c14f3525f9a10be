/** 本局信息: who the bureau is, how it numbers its documents, when units report, and its clock's zone. */
import type { Ctx } from '../context'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { DEFAULT_REPORTING_DAY } from '../reports/rules'
import { readSettings, writeSetting } from './store'

export const BUREAU_KEYS = {
  name: 'bureau.name',
  shortName: 'bureau.shortName',
  noticePrefix: 'bureau.noticePrefix',
  bulletinPrefix: 'bureau.bulletinPrefix',
  reportingDay: 'reporting.day',
  timeZone: 'bureau.timeZone',
} as const

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
/** 督办〔2021〕3号 until the bureau sets its own prefix */
export const DEFAULT_NOTICE_PREFIX = '督办'
/** used on screens and documents before the bureau has named itself */
export const UNNAMED_BUREAU = '邮政管理局'

export interface BureauSettings {
  /** 无锡市邮政管理局; empty until the administrator fills it in */
  name: string
  shortName: string
  /** 督办单 number prefix: {prefix}〔2021〕3号 */
  noticePrefix: string
  /** 督查通报 number prefix, e.g. 苏州邮管督; empty: taken from the plan's document number */
  bulletinPrefix: string
  reportingDay: number
  timeZone: string
}

export async function bureauSettings(ctx: Pick<Ctx, 'db'>): Promise<BureauSettings> {
  const s = await readSettings(ctx.db, Object.values(BUREAU_KEYS))
  const day = Number(s.get(BUREAU_KEYS.reportingDay))
  return {
    name: s.get(BUREAU_KEYS.name) ?? '',
    shortName: s.get(BUREAU_KEYS.shortName) ?? '',
    noticePrefix: s.get(BUREAU_KEYS.noticePrefix) || DEFAULT_NOTICE_PREFIX,
    bulletinPrefix: s.get(BUREAU_KEYS.bulletinPrefix) ?? '',
    reportingDay: Number.isInteger(day) && day >= 1 && day <= 31 ? day : DEFAULT_REPORTING_DAY,
    timeZone: s.get(BUREAU_KEYS.timeZone) || DEFAULT_TIME_ZONE,
  }
}

/** The name to print: the bureau's own, else the plan's issuer, else a neutral one. */
export async function bureauName(ctx: Pick<Ctx, 'db'>, fallback?: string | null): Promise<string> {
  return (await bureauSettings(ctx)).name || fallback || UNNAMED_BUREAU
}

/** 本局信息 as the administrator edits it. */
export async function getBureau(ctx: Ctx): Promise<BureauSettings> {
  requireRole(ctx.actor, ['admin'])
  return bureauSettings(ctx)
}

/** What every screen needs before and after sign-in: the name in the header and on the login page. */
export async function branding(ctx: Ctx): Promise<{ name: string; shortName: string }> {
  const s = await bureauSettings(ctx)
  return { name: s.name || UNNAMED_BUREAU, shortName: s.shortName || s.name || UNNAMED_BUREAU }
}

export async function setBureau(ctx: Ctx, input: BureauSettings): Promise<BureauSettings> {
  requireRole(ctx.actor, ['admin'])
  const before = await bureauSettings(ctx)
  await inTransaction(ctx, async (trx) => {
    for (const [field, key] of Object.entries(BUREAU_KEYS) as [keyof BureauSettings, string][]) {
      await writeSetting(trx, key, String(input[field]))
    }
    await writeAudit(trx, ctx, { action: 'settings.bureau', entity: 'settings', entityId: null, before, after: input })
  })
  return bureauSettings(ctx)
}
