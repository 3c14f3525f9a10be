/** The Suzhou demo (88 tasks) built by the importer from the fixture text, with the demo's clock at 2021年7月20日. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore, type CoreApp } from '../../../electron/core/app'
import type { Actor, Ctx } from '../../../electron/core/context'
import { movableClock } from '../helpers'

const seed = resolve(__dirname, '../../fixtures/seeds/suzhou-2021-work-points.txt')

export interface SuzhouDemo {
  core: CoreApp
  ctx(username: string): Promise<Ctx>
  cleanup(): Promise<void>
}

export async function suzhouDemo(): Promise<SuzhouDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-render-db-'))
  const clock = movableClock('2021-07-20T10:00:00+08:00')
  const core = await openCore({ dataDir: dir, demoSample: seed, clock })
  return {
    core,
    async ctx(username) {
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
