import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type CoreApp } from '../../electron/core/app'
import { demoSamplePath } from '../../electron/core/paths'
import { clockFrom, type Actor, type Clock, type Ctx } from '../../electron/core/context'

/** A clock the test moves by hand. */
export function movableClock(start: string): Clock & { set(iso: string): void; advanceMinutes(m: number): void } {
  let at = new Date(start)
  return {
    ...clockFrom(() => new Date(at)),
    set: (iso) => {
      at = new Date(iso)
    },
    advanceMinutes: (m) => {
      at = new Date(at.getTime() + m * 60_000)
    },
  }
}

export interface TestCore {
  core: CoreApp
  clock: ReturnType<typeof movableClock>
  dir: string
  ctxAs(username: string): Promise<Ctx>
  cleanup(): Promise<void>
}

/**
 * A real SQLite file in a temp folder, with the demo plan imported. In the integration-pg project
 * (tests/integration/postgres-setup.ts) the same call opens a fresh PostgreSQL database instead, dropped after the file.
 */
export async function demoCore(start = '2021-07-20T10:00:00+08:00'): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-test-'))
  const clock = movableClock(start)
  const core = await openCore({ dataDir: dir, demoSample: demoSamplePath(), clock })
  return {
    core,
    clock,
    dir,
    async ctxAs(username) {
      const u = await core.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow()
      const actor: Actor = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id }
      return { db: core.db, clock, files: core.files, actor }
    },
    async cleanup() {
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
