/**
 * The escalation rules, run by any long-running host (the Electron main process, npm run web, the bureau
 * server) at start and then whenever the bureau's day changes. Time comes from the core's clock; the firings
 * table's unique event key makes a second run, or a second host on the same database, do nothing more.
 */
import type { Clock } from '../context'
import type { Db } from '../db/connection'
import type { EventPublisher } from '../events/bus'
import { runEscalation } from './service'

export interface EscalationScheduler {
  /** runs the rules if they have not run today; never throws (a failure is logged) */
  tick(): Promise<number>
  stop(): void
}

export function startEscalationScheduler(
  core: { db: Db; clock: Clock; files: { dir: string }; events?: EventPublisher },
  opts: { everyMs?: number; log?: (message: string) => void } = {},
): EscalationScheduler {
  const log = opts.log ?? ((m: string) => console.error(m))
  let lastDay: string | null = null
  let running: Promise<number> | null = null
  const tick = (): Promise<number> => {
    if (running) return running
    const run = async (): Promise<number> => {
      const today = core.clock.today()
      if (lastDay === today) return 0
      try {
        const { fired } = await runEscalation({ db: core.db, clock: core.clock, files: core.files, events: core.events, actor: null })
        lastDay = today
        if (fired.length) log(`[duban] 督查督办规则：今日执行${fired.length}项`)
        return fired.length
      } catch (err) {
        log(`[duban] 督查督办规则执行失败：${(err as Error).message}`)
        return 0
      }
    }
    running = run().finally(() => {
      running = null
    })
    return running
  }
  void tick()
  const timer = setInterval(() => void tick(), opts.everyMs ?? 600_000)
  timer.unref()
  return { tick, stop: () => clearInterval(timer) }
}
