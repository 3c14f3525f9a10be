import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, UnitKind } from '../db/schema'
import { requireActor } from '../users/rules'
import { UNIT_KIND_LABELS, guessUnitKind } from './rules'

export interface UnitView {
  id: number
  name: string
  kind: UnitKind
  kindLabel: string
  shortName: string | null
  aliases: string[]
  sort: number
  active: boolean
  /** 分管 leaders of this unit */
  leaders: { id: number; displayName: string }[]
  /** people whose unit this is, and tasks it leads: the units page shows what a change touches */
  userCount: number
  leadTaskCount: number
}

export async function listUnits(ctx: Ctx): Promise<UnitView[]> {
  requireActor(ctx.actor)
  const units = await ctx.db.selectFrom('units').selectAll().orderBy('sort').orderBy('id').execute()
  const aliases = await ctx.db.selectFrom('unit_aliases').selectAll().orderBy('alias').execute()
  const leaders = await ctx.db
    .selectFrom('leader_units')
    .innerJoin('users', 'users.id', 'leader_units.leader_id')
    .select(['leader_units.unit_id', 'users.id', 'users.display_name'])
    .orderBy('users.id')
    .execute()
  const users = await ctx.db
    .selectFrom('users')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'is not', null)
    .groupBy('unit_id')
    .execute()
  const leads = await ctx.db
    .selectFrom('task_units')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role', '=', 'lead')
    .groupBy('unit_id')
    .execute()
  const count = (rows: { unit_id: number | null; n: number }[], id: number) => Number(rows.find((r) => r.unit_id === id)?.n ?? 0)
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind],
    shortName: u.short_name,
    aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
    sort: u.sort,
    active: u.active === 1,
    leaders: leaders.filter((l) => l.unit_id === u.id).map((l) => ({ id: l.id, displayName: l.display_name })),
    userCount: count(users, u.id),
    leadTaskCount: count(leads, u.id),
  }))
}

/** Finds a unit by its name or one of its aliases (协会 → 市快递协会). */
export async function findUnitId(trx: Transaction<Database>, name: string): Promise<number | null> {
  const byName = await trx.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst()
  if (byName) return byName.id
  const byAlias = await trx.selectFrom('unit_aliases').select('unit_id').where('alias', '=', name).executeTakeFirst()
  return byAlias?.unit_id ?? null
}

export async function insertUnit(
  trx: Transaction<Database>,
  ctx: Ctx,
  input: { name: string; kind?: UnitKind; aliases?: string[]; sort?: number; shortName?: string | null },
): Promise<number> {
  const row = await trx
    .insertInto('units')
    .values({
      name: input.name,
      kind: input.kind ?? guessUnitKind(input.name),
      sort: input.sort ?? 100,
      short_name: input.shortName ?? null,
      created_at: ctx.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const alias of input.aliases ?? []) {
    await trx.insertInto('unit_aliases').values({ alias, unit_id: row.id }).execute()
  }
  return row.id
}

/** Resolves a name from a document to a unit, creating it when nobody has heard of it yet. */
export async function resolveOrCreateUnit(trx: Transaction<Database>, ctx: Ctx, name: string): Promise<number> {
  return (await findUnitId(trx, name)) ?? insertUnit(trx, ctx, { name })
}
