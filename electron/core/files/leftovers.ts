/**
 * Uploads are staged as files/tmp/*.part and renamed into the store after their transaction commits.
 * A process killed in between leaves the .part behind: nothing refers to it, so it is removed at the
 * next start. Only files untouched for a while go, because another process on the same data folder
 * (the app while the CLI runs) may be staging one right now.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Far longer than any upload takes from staging to commit. */
export const LEFTOVER_AFTER_MS = 10 * 60 * 1000

export interface LeftoverUpload {
  name: string
  size: number
  modifiedAt: string
}

/** The .part files in files/tmp last written more than LEFTOVER_AFTER_MS ago. */
export function findLeftoverUploads(filesDir: string, now = Date.now()): LeftoverUpload[] {
  const tmp = join(filesDir, 'tmp')
  if (!existsSync(tmp)) return []
  const out: LeftoverUpload[] = []
  for (const name of readdirSync(tmp)) {
    if (!name.endsWith('.part')) continue
    const stat = statSync(join(tmp, name), { throwIfNoEntry: false })
    if (!stat?.isFile() || now - stat.mtimeMs < LEFTOVER_AFTER_MS) continue
    out.push({ name, size: stat.size, modifiedAt: stat.mtime.toISOString() })
  }
  return out
}

/** Removes what findLeftoverUploads finds; returns what was removed. */
export function removeLeftoverUploads(filesDir: string, now = Date.now()): LeftoverUpload[] {
  const found = findLeftoverUploads(filesDir, now)
  for (const f of found) rmSync(join(filesDir, 'tmp', f.name), { force: true })
  return found
}
