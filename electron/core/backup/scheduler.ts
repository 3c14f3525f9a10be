/**
 * The daily backup, for any long-running host (the Electron main process, npm run web, the bureau server):
 * one call at start, one stop at shutdown. Time comes from the core's clock, so tests move it instead of waiting.
 */
import type { Clock } from '../context'
import type { Db } from '../db/connection'
import { backupStamps, createBackup, snapshotOfDb, type BackupResult } from './create'
import { backupFolderOf } from './marker'
import { dailyBackupDue } from './rules'

export interface BackupScheduler {
  /** takes the daily backup if the newest is a day old or more; never throws (a failure is logged) */
  tick(): Promise<BackupResult | null>
  /** no more ticks; resolves when a backup in flight has finished (a pg_dump must not outlive its host) */
  stop(): Promise<void>
}

export function startBackupScheduler(
  core: { dataDir: string; db: Db; clock: Clock },
  opts: { everyMs?: number; log?: (message: string) => void } = {},
): BackupScheduler {
  const log = opts.log ?? ((m: string) => console.error(m))
  let running: Promise<BackupResult | null> | null = null
  const tick = (): Promise<BackupResult | null> => {
    if (running) return running
    const run = async (): Promise<BackupResult | null> => {
      try {
        const lastDaily = backupStamps(backupFolderOf(core.dataDir)).find((s) => s.kind === 'daily')
        if (!dailyBackupDue(lastDaily?.createdAt ?? null, core.clock.now())) return null
        return await createBackup({ dataDir: core.dataDir, source: snapshotOfDb(core.db), kind: 'daily', now: core.clock.now() })
      } catch (err) {
        log(`[duban] 每日备份失败：${(err as Error).message}`)
        return null
      }
    }
    running = run().finally(() => {
      running = null
    })
    return running
  }
  void tick()
  const timer = setInterval(() => void tick(), opts.everyMs ?? 3_600_000)
  timer.unref()
  const stop = async () => {
    clearInterval(timer)
    await running // never rejects: run() catches and logs
  }
  return { tick, stop }
}
