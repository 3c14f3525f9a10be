/** While the core has the database open: the data folder's marker exists and this process is listed as a holder. */
import type BetterSqlite3 from 'better-sqlite3'
import { countRows } from './manifest'
import { registerHolder } from './holders'
import { ensureMarker, updateMarker } from './marker'

/** Returns what to run just before the connection closes: the baseline is refreshed from a clean close. */
export function trackOpenDatabase(dataDir: string, raw: BetterSqlite3.Database, now: () => Date): () => void {
  ensureMarker(dataDir, now())
  const unregister = registerHolder(dataDir, process.argv[1] ?? 'duban')
  let done = false
  return () => {
    if (done) return
    done = true
    try {
      if (raw.open) {
        const current = countRows(raw)
        updateMarker(dataDir, (m) => ({ ...m, baseline: { at: now().toISOString(), ...current } }))
      }
    } finally {
      unregister()
    }
  }
}
