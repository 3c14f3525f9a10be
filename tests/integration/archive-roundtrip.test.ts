import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoCore, movableClock, type TestCore } from './helpers'
import { openCore, type CoreApp } from '../../electron/core/app'
import { exportArchive } from '../../electron/core/archive/export'
import { importArchive } from '../../electron/core/archive/import'
import { listPlans } from '../../electron/core/plans/service'
import { createUser } from '../../electron/core/users/service'
import { inTransaction } from '../../electron/core/audit/service'
import { insertUnit } from '../../electron/core/units/service'
import type { Ctx } from '../../electron/core/context'

// In process, so it runs on both engines (archive.test.ts drives the command line against SQLite files).
let t: TestCore
let dir: string
let fresh: CoreApp
beforeAll(async () => {
  t = await demoCore()
  dir = mkdtempSync(join(tmpdir(), 'duban-archive-rt-'))
  fresh = await openCore({ dataDir: dir, clock: movableClock('2022-01-10T10:00:00+08:00') })
})
afterAll(async () => {
  await fresh?.close()
  rmSync(dir, { recursive: true, force: true })
  await t.cleanup()
})

describe('an archive read into a new install', () => {
  it('keeps every id, and the install goes on numbering new rows after them', async () => {
    const office = await t.ctxAs('office')
    const planId = (await listPlans(office))[0].id
    const zip = await exportArchive(office, { planId })

    const system: Ctx = { db: fresh.db, clock: fresh.clock, files: fresh.files, actor: null }
    const admin = await createUser(system, {
      username: 'root',
      displayName: '管理员',
      role: 'admin',
      unitId: null,
      password: 'Root-2022-pass',
    })
    const asAdmin: Ctx = { ...system, actor: { id: admin.id, username: 'root', displayName: '管理员', role: 'admin', unitId: null } }
    const result = await importArchive(asAdmin, Buffer.from(zip.contentBase64, 'base64'))
    expect(result.planId).toBe(planId)

    const ids = async (core: { db: CoreApp['db'] }) =>
      (await core.db.selectFrom('tasks').select('id').orderBy('id').execute()).map((r) => r.id)
    expect(await ids(fresh)).toEqual(await ids(t.core))

    // new rows in tables the archive filled: no id may collide with an imported one
    const maxUnit = Math.max(...(await fresh.db.selectFrom('units').select('id').execute()).map((u) => u.id))
    const unitId = await inTransaction(asAdmin, (trx) => insertUnit(trx, asAdmin, { name: '新设处室' }))
    expect(unitId).toBeGreaterThan(maxUnit)
  })
})
