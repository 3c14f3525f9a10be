import { readFileSync } from 'node:fs'
import type { Ctx } from '../context'
import { parsePlanText } from '../importers/parser'
import { decodeText } from '../importers/readers/text'
import { importUnreviewed } from '../imports/service'
import { createUser } from '../users/service'
import { inTransaction } from '../audit/service'
import { insertUnit } from '../units/service'
import { writeSetting } from '../settings/store'
import { DEMO_BUREAU, DEMO_LEADER_OF_UNIT, DEMO_PASSWORD, DEMO_TODAY, DEMO_UNITS, DEMO_USERS } from './accounts'
import { seedDemoProgress } from './progress'

/**
 * Builds the demo database from the real Suzhou 2021 document, through the same importer and services
 * the office uses. Only the progress history is invented (see progress.ts).
 */
export async function seedDemo(base: Omit<Ctx, 'actor'>, samplePath: string): Promise<void> {
  const system: Ctx = { ...base, actor: null }
  const admin = await createUser(system, {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    unitId: null,
    password: DEMO_PASSWORD,
  })
  const asAdmin: Ctx = { ...base, actor: { id: admin.id, username: 'admin', displayName: admin.displayName, role: 'admin', unitId: null } }

  const unitIds = new Map<string, number>()
  await inTransaction(asAdmin, async (trx) => {
    for (const [sort, u] of DEMO_UNITS.entries()) unitIds.set(u.name, await insertUnit(trx, asAdmin, { ...u, sort }))
    await trx.insertInto('settings').values({ key: 'demo.today', value: DEMO_TODAY }).execute()
    for (const [key, value] of Object.entries(DEMO_BUREAU)) await writeSetting(trx, key, value)
  })
  const userIds = new Map<string, number>()
  for (const u of DEMO_USERS.filter((x) => x.username !== 'admin')) {
    const created = await createUser(asAdmin, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unit ? unitIds.get(u.unit)! : null,
      password: DEMO_PASSWORD,
    })
    userIds.set(u.username, created.id)
  }
  // 分管: the same leaders the demo's tasks name, so escalation and the leader's home page agree.
  await inTransaction(asAdmin, async (trx) => {
    for (const [unit, user] of Object.entries(DEMO_LEADER_OF_UNIT)) {
      await trx
        .insertInto('leader_units')
        .values({ leader_id: userIds.get(user)!, unit_id: unitIds.get(unit)! })
        .execute()
    }
  })

  const text = decodeText(readFileSync(samplePath))
  const { planId } = await importUnreviewed(asAdmin, { draft: parsePlanText(text), text, sourceName: 'suzhou-2021-work-points.txt' })

  const leaderOf = new Map(Object.entries(DEMO_LEADER_OF_UNIT).map(([unit, user]) => [unitIds.get(unit), userIds.get(user)]))
  await seedDemoProgress(asAdmin, planId, leaderOf)
}
