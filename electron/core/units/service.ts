import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, UnitKind } from '../db/schema'
import { requireActor } from '../users/rules'
import { guessUnitKind } from './rules'

export interface UnitView {
  id: number
  name: string
  kind: UnitKind
  aliases: string[]
}

export async function listUnits(ctx: Ctx): Promise<UnitView[]> {
  requireActor(ctx.actor)
  const units = await ctx.db.selectFrom('units').selectAll().orderBy('sort').orderBy('id').execute()
  const aliases = await ctx.db.selectFrom('unit_aliases').selectAll().execute()
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
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
  input: { name: string; kind?: UnitKind; aliases?: string[]; sort?: number },
): Promise<number> {
  const row = await trx
    .insertInto('units')
    .values({
      name: input.name,
      kind: input.kind ?? guessUnitKind(input.name),
      sort: input.sort ?? 100,
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
