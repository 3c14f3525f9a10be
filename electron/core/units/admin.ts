/** 单位管理: the administrator creates, edits, retires and merges units. Every change is audited. */
import { taskLabel } from '../../contract/taskLabel'
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, UnitKind } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireRole } from '../users/rules'
import { cleanAliases } from './rules'
import { insertUnit, listUnits, type UnitView } from './service'

export interface UnitInput {
  name: string
  kind: UnitKind
  shortName?: string | null
  aliases?: string[]
  sort?: number
}

async function unitSnapshot(trx: Transaction<Database>, id: number) {
  const u = await trx.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  if (!u) throw notFound('该单位')
  const aliases = await trx.selectFrom('unit_aliases').select('alias').where('unit_id', '=', id).orderBy('alias').execute()
  return { name: u.name, kind: u.kind, shortName: u.short_name, sort: u.sort, active: u.active === 1, aliases: aliases.map((a) => a.alias) }
}

/** A name or alias may stand for one unit only, or the importer could not tell them apart. */
async function checkNamesFree(trx: Transaction<Database>, unitId: number | null, names: readonly string[]): Promise<void> {
  for (const n of names) {
    const unit = await trx.selectFrom('units').select(['id', 'name']).where('name', '=', n).executeTakeFirst()
    if (unit && unit.id !== unitId) throw new DubanError('conflict', `“${n}”已是单位“${unit.name}”的名称`)
    const alias = await trx
      .selectFrom('unit_aliases')
      .innerJoin('units', 'units.id', 'unit_aliases.unit_id')
      .select(['units.id', 'units.name'])
      .where('alias', '=', n)
      .executeTakeFirst()
    if (alias && alias.id !== unitId) throw new DubanError('conflict', `“${n}”已是单位“${alias.name}”的别名`)
  }
}

async function viewOf(ctx: Ctx, id: number): Promise<UnitView> {
  return (await listUnits(ctx)).find((u) => u.id === id)!
}

export async function createUnit(ctx: Ctx, input: UnitInput): Promise<UnitView> {
  requireRole(ctx.actor, ['admin'])
  const aliases = cleanAliases(input.aliases ?? [], input.name)
  const id = await inTransaction(ctx, async (trx) => {
    await checkNamesFree(trx, null, [input.name, ...aliases])
    const last = await trx
      .selectFrom('units')
      .select((eb) => eb.fn.max('sort').as('sort'))
      .executeTakeFirst()
    const id = await insertUnit(trx, ctx, { ...input, aliases, sort: input.sort ?? Number(last?.sort ?? 0) + 1 })
    await writeAudit(trx, ctx, { action: 'unit.create', entity: 'unit', entityId: id, after: await unitSnapshot(trx, id) })
    return id
  })
  return viewOf(ctx, id)
}

export interface UnitUpdate extends Partial<UnitInput> {
  unitId: number
  /** false retires the unit: it keeps its tasks, reports and history, but is no longer offered for new work */
  active?: boolean
}

export async function updateUnit(ctx: Ctx, input: UnitUpdate): Promise<UnitView> {
  requireRole(ctx.actor, ['admin'])
  await inTransaction(ctx, async (trx) => {
    const before = await unitSnapshot(trx, input.unitId)
    const name = input.name ?? before.name
    const aliases = input.aliases === undefined ? undefined : cleanAliases(input.aliases, name)
    await checkNamesFree(trx, input.unitId, [name, ...(aliases ?? [])])
    await trx
      .updateTable('units')
      .set({
        name,
        kind: input.kind ?? before.kind,
        short_name: input.shortName === undefined ? before.shortName : input.shortName || null,
        sort: input.sort ?? before.sort,
        active: input.active === undefined ? Number(before.active) : Number(input.active),
      })
      .where('id', '=', input.unitId)
      .execute()
    if (aliases) {
      await trx.deleteFrom('unit_aliases').where('unit_id', '=', input.unitId).execute()
      for (const alias of aliases) await trx.insertInto('unit_aliases').values({ alias, unit_id: input.unitId }).execute()
    }
    // A renamed unit is still found by its old name in next year's document.
    if (name !== before.name && !(aliases ?? before.aliases).includes(before.name)) {
      await checkNamesFree(trx, input.unitId, [before.name])
      await trx.insertInto('unit_aliases').values({ alias: before.name, unit_id: input.unitId }).execute()
    }
    const action =
      input.active === false && before.active
        ? 'unit.deactivate'
        : input.active === true && !before.active
          ? 'unit.activate'
          : 'unit.update'
    await writeAudit(trx, ctx, { action, entity: 'unit', entityId: input.unitId, before, after: await unitSnapshot(trx, input.unitId) })
  })
  return viewOf(ctx, input.unitId)
}

export interface MergeResult {
  unit: UnitView
  moved: { taskUnits: number; reports: number; notices: number; inboxItems: number; users: number; aliases: number; leaders: number }
}

/**
 * Merges one unit into another (e.g. two divisions combined): its tasks, reports, notices, inbox items,
 * people, leaders in charge and aliases move to the target; its name becomes an alias of the target.
 * Refused, with nothing changed, when both units reported on the same task for the same period.
 */
export async function mergeUnits(ctx: Ctx, input: { fromUnitId: number; intoUnitId: number }): Promise<MergeResult> {
  requireRole(ctx.actor, ['admin'])
  if (input.fromUnitId === input.intoUnitId) throw new DubanError('invalid_input', '不能把单位合并到它自己')
  const moved = await inTransaction(ctx, async (trx) => {
    const from = await unitSnapshot(trx, input.fromUnitId)
    const into = await unitSnapshot(trx, input.intoUnitId)
    const clash = await trx
      .selectFrom('reports as a')
      .innerJoin('reports as b', (j) => j.onRef('a.task_id', '=', 'b.task_id').onRef('a.period', '=', 'b.period'))
      .innerJoin('tasks', 'tasks.id', 'a.task_id')
      .innerJoin('lists', 'lists.id', 'tasks.list_id')
      .select(['tasks.number', 'tasks.code', 'lists.name as list_name', 'a.period'])
      .where('a.unit_id', '=', input.fromUnitId)
      .where('b.unit_id', '=', input.intoUnitId)
      .executeTakeFirst()
    if (clash) {
      throw new DubanError(
        'conflict',
        `“${from.name}”和“${into.name}”都报送了${taskLabel({ number: clash.number, code: clash.code, listName: clash.list_name })}任务${clash.period}的进展，无法自动合并，请先删除或合并其中一份`,
      )
    }
    const taskUnits = await moveTaskUnits(trx, input.fromUnitId, input.intoUnitId)
    const count = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows)
    const reports = count(
      await trx.updateTable('reports').set({ unit_id: input.intoUnitId }).where('unit_id', '=', input.fromUnitId).executeTakeFirst(),
    )
    const notices = count(
      await trx.updateTable('notices').set({ unit_id: input.intoUnitId }).where('unit_id', '=', input.fromUnitId).executeTakeFirst(),
    )
    const inboxItems = count(
      await trx
        .updateTable('inbox_items')
        .set({ recipient_unit_id: input.intoUnitId })
        .where('recipient_unit_id', '=', input.fromUnitId)
        .executeTakeFirst(),
    )
    const users = count(
      await trx.updateTable('users').set({ unit_id: input.intoUnitId }).where('unit_id', '=', input.fromUnitId).executeTakeFirst(),
    )
    const leaders = await moveLeaders(trx, input.fromUnitId, input.intoUnitId)
    const aliases = count(
      await trx.updateTable('unit_aliases').set({ unit_id: input.intoUnitId }).where('unit_id', '=', input.fromUnitId).executeTakeFirst(),
    )
    await trx.deleteFrom('units').where('id', '=', input.fromUnitId).execute()
    await trx.insertInto('unit_aliases').values({ alias: from.name, unit_id: input.intoUnitId }).execute()
    const moved = { taskUnits, reports, notices, inboxItems, users, aliases, leaders }
    await writeAudit(trx, ctx, {
      action: 'unit.merge',
      entity: 'unit',
      entityId: input.intoUnitId,
      before: { from: { id: input.fromUnitId, ...from }, into: into },
      after: { into: await unitSnapshot(trx, input.intoUnitId), moved },
    })
    return moved
  })
  return { unit: await viewOf(ctx, input.intoUnitId), moved }
}

/** The target keeps its own place on a task; where only the merged unit was there, the target takes its place. */
async function moveTaskUnits(trx: Transaction<Database>, fromId: number, intoId: number): Promise<number> {
  const rows = await trx.selectFrom('task_units').selectAll().where('unit_id', '=', fromId).execute()
  for (const r of rows) {
    const existing = await trx
      .selectFrom('task_units')
      .select('role')
      .where('task_id', '=', r.task_id)
      .where('unit_id', '=', intoId)
      .execute()
    const hasLead = existing.some((e) => e.role === 'lead')
    const hasSameRole = existing.some((e) => e.role === r.role)
    await trx.deleteFrom('task_units').where('task_id', '=', r.task_id).where('unit_id', '=', fromId).where('role', '=', r.role).execute()
    if (hasSameRole || (r.role === 'coop' && hasLead)) continue
    if (r.role === 'lead')
      await trx.deleteFrom('task_units').where('task_id', '=', r.task_id).where('unit_id', '=', intoId).where('role', '=', 'coop').execute()
    await trx
      .insertInto('task_units')
      .values({ ...r, unit_id: intoId })
      .execute()
  }
  return rows.length
}

async function moveLeaders(trx: Transaction<Database>, fromId: number, intoId: number): Promise<number> {
  const rows = await trx.selectFrom('leader_units').select('leader_id').where('unit_id', '=', fromId).execute()
  await trx.deleteFrom('leader_units').where('unit_id', '=', fromId).execute()
  for (const r of rows) {
    await trx
      .insertInto('leader_units')
      .values({ leader_id: r.leader_id, unit_id: intoId })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  return rows.length
}
