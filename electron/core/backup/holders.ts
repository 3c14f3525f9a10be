/**
 * Which processes have the database open: one file per process id in <dataDir>/.duban-open/.
 * A restore refuses while another live process holds the database; a file left by a killed process is ignored.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const HOLDERS_DIR = '.duban-open'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function registerHolder(dataDir: string, what: string): () => void {
  const dir = join(dataDir, HOLDERS_DIR)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, String(process.pid))
  writeFileSync(file, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }))
  return () => rmSync(file, { force: true })
}

/** Live processes other than this one that have the database open. */
export function otherHolders(dataDir: string): number[] {
  const dir = join(dataDir, HOLDERS_DIR)
  if (!existsSync(dir)) return []
  const pids: number[] = []
  for (const name of readdirSync(dir)) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    if (alive(pid)) pids.push(pid)
    else rmSync(join(dir, name), { force: true })
  }
  return pids
}
