/** What every exported document shares: who may export, dates as the office writes them, file names. */
import type { Ctx } from '../context'
import { requireRole } from '../users/rules'

export const EXPORT_ROLES = ['admin', 'office', 'leader'] as const

export function requireExporter(ctx: Ctx) {
  return requireRole(ctx.actor, EXPORT_ROLES)
}

/** 2021-07-20 → 2021年7月20日 */
export function cnDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2021-07 → 2021年7月 */
export function cnMonth(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return `${y}年${m}月`
}

export interface ExportedFile {
  fileName: string
  contentBase64: string
}

export const toExported = (fileName: string, bytes: Uint8Array | ArrayBuffer): ExportedFile => ({
  fileName,
  contentBase64: Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('base64'),
})

/** Characters Excel refuses in sheet names, and its 31-character limit. */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '·').slice(0, 31) || '清单'

/** The bureau as the plan names its issuer; plans without one fall back to a neutral name. */
export const bureauOf = (issuer: string | null) => issuer ?? '邮政管理局'
