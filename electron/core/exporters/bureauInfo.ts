/**
 * The bureau as its documents name it: the 发文机关 in the 版头 and 落款, the number prefixes, and the 版记's
 * 抄送 and 印发机关. Read in one place so that the bureau settings page (settings.bureau.*) is the only source;
 * until a key is set, the values come from the plan the office imported, as before.
 */
import type { Db } from '../db/connection'
import { bureauOf } from './common'

export interface BureauInfo {
  /** 苏州市邮政管理局 */
  name: string
  /** 苏州邮管: the plan's own number prefix */
  shortName: string
  /** 督办 in 督办〔2021〕3号 */
  noticePrefix: string
  /** 苏州邮管督 in 苏州邮管督〔2021〕7号 */
  bulletinPrefix: string
  /** 抄送 of the 版记, without the final 。; empty for none */
  ccList: string
  /** 印发机关 of the 版记 */
  printingOrgan: string
}

export const BUREAU_KEYS = {
  name: 'bureau.name',
  shortName: 'bureau.shortName',
  noticePrefix: 'bureau.noticePrefix',
  bulletinPrefix: 'bureau.bulletinPrefix',
  ccList: 'bureau.ccList',
  printingOrgan: 'bureau.printingOrgan',
} as const satisfies Record<keyof BureauInfo, string>

/** What a plan says about its issuer: 苏州市邮政管理局, 苏州邮管〔2021〕21号. */
export interface PlanIssuer {
  issuer: string | null
  docNumber: string | null
}

/** Today's values, from the plan: the defaults for every key the settings leave empty. */
export function defaultBureauInfo(plan: PlanIssuer | null): BureauInfo {
  const name = bureauOf(plan?.issuer ?? null)
  const shortName = plan?.docNumber?.split('〔')[0]?.trim() || name
  return {
    name,
    shortName,
    noticePrefix: '督办',
    bulletinPrefix: plan?.docNumber?.includes('〔') ? `${shortName}督` : '督查',
    ccList: '局领导',
    printingOrgan: `${name}办公室`,
  }
}

export async function bureauInfo(db: Db, plan: PlanIssuer | null): Promise<BureauInfo> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(BUREAU_KEYS)).execute()
  const set = new Map(rows.map((r) => [r.key, r.value.trim()]))
  const info = defaultBureauInfo(plan)
  for (const [field, key] of Object.entries(BUREAU_KEYS) as [keyof BureauInfo, string][]) {
    const value = set.get(key)
    if (value !== undefined && (value !== '' || field === 'ccList')) info[field] = value
  }
  // a bureau renamed in the settings prints under its new name unless the printing organ was set too
  if (set.get(BUREAU_KEYS.name) && !set.get(BUREAU_KEYS.printingOrgan)) info.printingOrgan = `${info.name}办公室`
  return info
}
