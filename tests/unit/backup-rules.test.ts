import { describe, expect, it } from 'vitest'
import {
  backupName,
  backupsToPrune,
  dailyBackupDue,
  isoWeek,
  lossAgainstBaseline,
  type BackupKind,
  type BackupStamp,
} from '../../electron/core/backup/rules'

const stamp = (createdAt: string, kind: BackupKind = 'daily'): BackupStamp => ({ name: `${kind}@${createdAt}`, kind, createdAt })

/** One daily backup at 09:00 Beijing time for each of `days` days ending on `last`. */
function dailies(last: string, days: number): BackupStamp[] {
  const end = new Date(`${last}T09:00:00+08:00`).getTime()
  return Array.from({ length: days }, (_, i) => stamp(new Date(end - i * 86_400_000).toISOString()))
}

describe('retention: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps everything while there are fewer backups than slots', () => {
    expect(backupsToPrune(dailies('2021-07-25', 5))).toEqual([])
  })

  it('after a year of daily backups keeps the last 7 days, one per week for 4 weeks and one per month for 12 months', () => {
    const all = dailies('2021-07-25', 400)
    const doomed = new Set(backupsToPrune(all))
    const kept = all.filter((b) => !doomed.has(b.name)).map((b) => b.createdAt.slice(0, 10))
    // the 7 newest days
    for (const b of all.slice(0, 7)) expect(doomed.has(b.name)).toBe(false)
    expect(doomed.has(all[7].name)).toBe(false) // 18 July, a Sunday: the newest of its week
    expect(doomed.has(all[8].name)).toBe(true)
    // 12 months are represented, the oldest kept is 11 months back (Aug 2020), nothing from July 2020 or before
    const months = new Set(all.filter((b) => !doomed.has(b.name)).map((b) => new Date(b.createdAt).toLocaleDateString('sv').slice(0, 7)))
    expect(months.size).toBe(12)
    expect([...months].sort()[0]).toBe('2020-08')
    // 7 days + up to 4 weeks + 12 months, with overlaps: far fewer than 400
    expect(kept.length).toBeGreaterThanOrEqual(12)
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12)
  })

  it('keeps the newest of each week, so the weekly slots reach back four weeks', () => {
    const all = dailies('2021-07-25', 35) // 25 July 2021 is a Sunday
    const doomed = new Set(backupsToPrune(all, { daily: 1, weekly: 4, monthly: 0, perOtherKind: 0 }))
    const kept = all.filter((b) => !doomed.has(b.name)).map((b) => new Date(b.createdAt).toLocaleDateString('sv'))
    expect(kept).toEqual(['2021-07-25', '2021-07-18', '2021-07-11', '2021-07-04'])
  })

  it('keeps the newest 10 of manual, pre-import and pre-migration backups each, whatever their age', () => {
    const manual = Array.from({ length: 12 }, (_, i) => stamp(`2019-01-${String(i + 10)}T01:00:00.000Z`, 'manual'))
    const preImport = [stamp('2018-05-01T01:00:00.000Z', 'pre-import')]
    const doomed = backupsToPrune([...manual, ...preImport, ...dailies('2021-07-25', 3)])
    expect(doomed.sort()).toEqual([manual[0].name, manual[1].name].sort())
  })

  it('names backups so that they sort by time and say their kind', () => {
    expect(backupName(new Date('2021-07-25T09:05:03+08:00'), 'pre-import')).toBe('duban-20210725-090503-pre-import')
  })

  it('counts ISO weeks from Monday, with the year of the week’s Thursday', () => {
    expect(isoWeek(new Date(2021, 6, 25))).toBe('2021-W29') // Sunday
    expect(isoWeek(new Date(2021, 6, 26))).toBe('2021-W30') // Monday
    expect(isoWeek(new Date(2021, 0, 1))).toBe('2020-W53')
  })
})

describe('the daily backup is due', () => {
  it('when there is none, or the newest is a day old', () => {
    const now = new Date('2021-07-25T09:00:00+08:00')
    expect(dailyBackupDue(null, now)).toBe(true)
    expect(dailyBackupDue('2021-07-24T09:00:00+08:00', now)).toBe(true)
    expect(dailyBackupDue('2021-07-24T09:01:00+08:00', now)).toBe(false)
  })
})

describe('row-count sanity against the last backup', () => {
  const baseline = { at: '2021-07-20T02:00:00.000Z', auditMaxId: 500, counts: { tasks: 88, reports: 176, users: 10 } }

  it('passes when the audit log grew and tables only grew', () => {
    expect(lossAgainstBaseline({ auditMaxId: 520, counts: { tasks: 88, reports: 190, users: 10 } }, baseline)).toEqual([])
  })

  it('finds committed writes gone when the append-only audit log is shorter than at the backup', () => {
    const problems = lossAgainstBaseline({ auditMaxId: 464, counts: { tasks: 88, reports: 140, users: 10 } }, baseline)
    expect(problems).toEqual([expect.stringContaining('少了 36 条')])
  })

  it('finds a table that fell to less than half without audit entries to explain it', () => {
    const problems = lossAgainstBaseline({ auditMaxId: 503, counts: { tasks: 10, reports: 176, users: 10 } }, baseline)
    expect(problems).toEqual([expect.stringContaining('表 tasks 从 88 行减少到 10 行')])
  })

  it('accepts a shrink that audited deletions account for', () => {
    expect(lossAgainstBaseline({ auditMaxId: 600, counts: { tasks: 10, reports: 176, users: 10 } }, baseline)).toEqual([])
  })
})
