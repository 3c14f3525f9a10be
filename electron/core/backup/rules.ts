/** Pure decisions about backups: names, which to keep, and whether a database looks like it lost rows. */

import { cnDateTimeIn, dayIn, wallClock } from '../calendar/dates'
import { DEFAULT_TIME_ZONE } from '../../contract/vocabulary'

export type BackupKind = 'daily' | 'manual' | 'pre-import' | 'pre-migration'
export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'manual', 'pre-import', 'pre-migration']

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动',
  manual: '手动',
  'pre-import': '导入前',
  'pre-migration': '升级前',
}

export interface RetentionPolicy {
  daily: number
  weekly: number
  monthly: number
  /** manual, pre-import and pre-migration backups: the newest N of each kind */
  perOtherKind: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, perOtherKind: 10 }

export interface BackupStamp {
  name: string
  kind: BackupKind
  /** ISO time the backup was taken */
  createdAt: string
}

const pad = (n: number) => String(n).padStart(2, '0')
// Backups are named and kept by the bureau's days; the start-up check runs before the database (and its
// 本局信息 time zone) can be read, so the default bureau zone is used throughout.
const ZONE = DEFAULT_TIME_ZONE
const localDay = (d: Date) => dayIn(d, ZONE)
const localMonth = (d: Date) => dayIn(d, ZONE).slice(0, 7)

/** 2021-07-20T02:00:00Z → 2021年7月20日 10:00 (local time, as the office reads it) */
export function cnDateTime(iso: string): string {
  return cnDateTimeIn(new Date(iso), ZONE)
}

/** ISO-8601 week (Monday first) of a local date, e.g. 2021-W29. */
export function isoWeek(d: Date): string {
  const [y, m, dd] = localDay(d).split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, dd))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${pad(week)}`
}

/** Folder name of a backup: sortable, readable, and safe on every file system. */
export function backupName(at: Date, kind: BackupKind): string {
  const w = wallClock(at, ZONE)
  const t = `${w.year}${pad(w.month)}${pad(w.day)}-${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`
  return `duban-${t}-${kind}`
}

/**
 * Grandfather-father-son: of the daily backups, the newest of each of the last `daily` days, of the last `weekly`
 * ISO weeks and of the last `monthly` months are kept; every other kind keeps its newest `perOtherKind`.
 * Returns the names to delete. A backup is never deleted for being alone in its slot.
 */
export function backupsToPrune(backups: readonly BackupStamp[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const keep = new Set<string>()
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const daily = newestFirst.filter((b) => b.kind === 'daily')
  const slots: [(d: Date) => string, number][] = [
    [localDay, policy.daily],
    [isoWeek, policy.weekly],
    [localMonth, policy.monthly],
  ]
  for (const [slotOf, count] of slots) {
    const seen = new Set<string>()
    for (const b of daily) {
      const slot = slotOf(new Date(b.createdAt))
      if (seen.has(slot)) continue
      if (seen.size >= count) break
      seen.add(slot)
      keep.add(b.name)
    }
  }
  for (const kind of BACKUP_KINDS.filter((k) => k !== 'daily')) {
    for (const b of newestFirst.filter((x) => x.kind === kind).slice(0, policy.perOtherKind)) keep.add(b.name)
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name)
}

/** A daily backup is due when there is none yet, or the newest is a day old or more. */
export function dailyBackupDue(lastDailyAt: string | null, now: Date): boolean {
  if (!lastDailyAt) return true
  return now.getTime() - new Date(lastDailyAt).getTime() >= 86_400_000
}

/** What the database looked like at a known good moment (the last backup, or the last restore). */
export interface Baseline {
  at: string
  auditMaxId: number
  counts: Record<string, number>
}

/** Tables whose loss the start-up check looks for; their rows are only deleted by audited use cases. */
export const WATCHED_TABLES = ['plans', 'tasks', 'reports', 'attachments', 'users', 'notices', 'instructions'] as const

/**
 * Row-count sanity against the baseline. The audit log is append-only, so fewer entries than at the baseline means
 * committed writes are gone (a lost -wal, an old copy put in place). A watched table shrinking to less than half,
 * with fewer audit entries since the baseline than rows missing, cannot be explained by audited deletions.
 */
export function lossAgainstBaseline(current: { auditMaxId: number; counts: Record<string, number> }, baseline: Baseline): string[] {
  const problems: string[] = []
  if (current.auditMaxId < baseline.auditMaxId) {
    problems.push(`审计记录比 ${cnDateTime(baseline.at)} 时少了 ${baseline.auditMaxId - current.auditMaxId} 条，之后提交的修改已经丢失`)
  }
  const auditedSince = Math.max(0, current.auditMaxId - baseline.auditMaxId)
  for (const table of WATCHED_TABLES) {
    const before = baseline.counts[table] ?? 0
    const now = current.counts[table] ?? 0
    const missing = before - now
    if (before > 0 && now * 2 < before && missing > auditedSince) {
      problems.push(`表 ${table} 从 ${before} 行减少到 ${now} 行，且没有相应的审计记录`)
    }
  }
  return problems
}
