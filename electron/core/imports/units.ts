import type { Transaction } from 'kysely'
import type { Db } from '../db/connection'
import type { Database } from '../db/schema'
import type { Ctx } from '../context'
import type { ParseWarning, PlanDraft } from '../importers/types'
import type { UnitMapping } from './types'
import { insertUnit } from '../units/service'
import { DubanError } from '../errors'

/** Every unit name a draft mentions, in order of first appearance. */
export function namesIn(draft: PlanDraft): string[] {
  const names = new Set<string>()
  for (const l of draft.lists) for (const s of l.sections) for (const t of s.tasks) for (const n of [...t.leads, ...t.coops]) names.add(n)
  return [...names]
}

export interface KnownUnits {
  byName: Map<string, { id: number; name: string; viaAlias: boolean }>
}

export async function knownUnits(db: Db | Transaction<Database>): Promise<KnownUnits> {
  const units = await db.selectFrom('units').select(['id', 'name']).execute()
  const aliases = await db.selectFrom('unit_aliases').select(['alias', 'unit_id']).execute()
  const byName = new Map<string, { id: number; name: string; viaAlias: boolean }>()
  for (const u of units) byName.set(u.name, { id: u.id, name: u.name, viaAlias: false })
  for (const a of aliases) {
    const unit = units.find((u) => u.id === a.unit_id)
    if (unit && !byName.has(a.alias)) byName.set(a.alias, { id: unit.id, name: unit.name, viaAlias: true })
  }
  return { byName }
}

/**
 * Resolves the draft's names inside the commit's transaction: the office's mapping first (a name mapped
 * to an existing unit becomes its alias, so next year's document matches by itself), then known names,
 * and a name nobody mapped becomes a new unit.
 */
export async function unitResolver(trx: Transaction<Database>, ctx: Ctx, mapping: Record<string, UnitMapping>) {
  const known = await knownUnits(trx)
  const resolved = new Map<string, number>()
  return async (name: string): Promise<number> => {
    const done = resolved.get(name)
    if (done !== undefined) return done
    const m = mapping[name]
    let id: number
    if (m && 'unitId' in m) {
      const exists = await trx.selectFrom('units').select('id').where('id', '=', m.unitId).executeTakeFirst()
      if (!exists) throw new DubanError('invalid_reference', `“${name}”对应的单位不存在，请重新选择`)
      id = m.unitId
      if (!known.byName.has(name)) await trx.insertInto('unit_aliases').values({ alias: name, unit_id: id }).execute()
    } else if (m && 'create' in m) {
      id =
        known.byName.get(m.create.name)?.id ??
        (await insertUnit(trx, ctx, { name: m.create.name, aliases: m.create.name === name ? [] : [name] }))
    } else {
      id = known.byName.get(name)?.id ?? (await insertUnit(trx, ctx, { name }))
    }
    known.byName.set(name, { id, name, viaAlias: false })
    resolved.set(name, id)
    return id
  }
}

/** One warning per name the database does not know, at the first task that names it. */
export function unknownUnitWarnings(draft: PlanDraft, known: KnownUnits): ParseWarning[] {
  const warned = new Set<string>()
  const out: ParseWarning[] = []
  for (const l of draft.lists)
    for (const s of l.sections)
      for (const t of s.tasks)
        for (const name of [...t.leads, ...t.coops]) {
          if (known.byName.has(name) || warned.has(name)) continue
          warned.add(name)
          out.push({
            code: 'unknown_unit',
            message: `「${l.name}」第${t.number}项中的“${name}”不是已登记的单位，请对应到已有单位或新建`,
            at: { list: l.name, number: t.number },
          })
        }
  return out
}
