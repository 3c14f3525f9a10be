/** 人员名册导入导出: preview with per-row errors, then all rows in one transaction. */
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { toExported, type ExportedFile } from '../exporters/common'
import { bureauName } from '../settings/bureau'
import { ROLE_LABELS, requireRole } from './rules'
import { checkRosterRows, type CheckedRosterRow, type RosterRow, type RosterWorld } from './roster-rules'
import { readRosterXlsx, writeRosterXlsx } from './roster-xlsx'
import { createPerson, updatePerson } from './admin'

export interface RosterPreview {
  rows: CheckedRosterRow[]
  errorCount: number
  counts: { create: number; update: number; unchanged: number }
}

export interface RosterResult extends RosterPreview {
  /** new people with their one-time passwords, shown once */
  created: { username: string; displayName: string; oneTimePassword: string }[]
  /** the same, as a sheet to hand out */
  passwordsFile: ExportedFile | null
}

export type RosterInput = { fileBase64?: string; rows?: RosterRow[]; confirm: boolean }

async function world(ctx: Ctx): Promise<RosterWorld> {
  const units = await ctx.db.selectFrom('units').select(['id', 'name']).execute()
  const aliases = await ctx.db.selectFrom('unit_aliases').select(['alias', 'unit_id']).execute()
  const byName = new Map<string, number>([
    ...aliases.map((a) => [a.alias, a.unit_id] as const),
    ...units.map((u) => [u.name, u.id] as const),
  ])
  const users = await ctx.db.selectFrom('users').selectAll().execute()
  const leaderUnits = await ctx.db.selectFrom('leader_units').selectAll().execute()
  return {
    unitId: (name) => byName.get(name) ?? null,
    existing: new Map(
      users.map((u) => [
        u.username.toLowerCase(),
        {
          id: u.id,
          displayName: u.display_name,
          role: u.role,
          unitId: u.unit_id,
          phone: u.phone,
          leaderUnitIds: leaderUnits.filter((l) => l.leader_id === u.id).map((l) => l.unit_id),
        },
      ]),
    ),
    actorUsername: ctx.actor?.username ?? '',
  }
}

/** Preview (confirm: false) says what each row would do and what is wrong with it; confirm writes every row or none. */
export async function importRoster(ctx: Ctx, input: RosterInput): Promise<RosterResult> {
  requireRole(ctx.actor, ['admin'])
  const rows = input.rows ?? (input.fileBase64 ? await readRosterXlsx(input.fileBase64) : null)
  if (!rows) throw new DubanError('invalid_input', '请选择人员名册文件')
  const w = await world(ctx)
  const checked = checkRosterRows(rows, w)
  const preview: RosterPreview = {
    rows: checked.map((c) => c.row),
    errorCount: checked.filter((c) => c.row.errors.length > 0).length,
    counts: {
      create: checked.filter((c) => c.row.action === 'create').length,
      update: checked.filter((c) => c.row.action === 'update').length,
      unchanged: checked.filter((c) => c.row.action === 'unchanged').length,
    },
  }
  if (!input.confirm) return { ...preview, created: [], passwordsFile: null }
  if (preview.errorCount > 0) {
    throw new DubanError('invalid_input', `名册中有${preview.errorCount}行有误，未导入任何人员，请修改后重新检查`)
  }
  const created = await inTransaction(ctx, async (trx) => {
    const inTrx: Ctx = { ...ctx, db: trx }
    const made: RosterResult['created'] = []
    for (const c of checked) {
      const person = {
        username: c.row.username,
        displayName: c.row.displayName,
        role: c.role!,
        unitId: c.unitId,
        phone: c.row.phone || null,
        leaderUnitIds: c.leaderUnitIds,
      }
      if (c.row.action === 'create') {
        const { user, oneTimePassword } = await createPerson(inTrx, person)
        made.push({ username: user.username, displayName: user.displayName, oneTimePassword })
      } else if (c.row.action === 'update') {
        await updatePerson(inTrx, { ...person, userId: w.existing.get(c.row.username.toLowerCase())!.id })
      }
    }
    await writeAudit(trx, ctx, { action: 'user.importRoster', entity: 'user', entityId: null, after: preview.counts })
    return made
  })
  const passwordsFile = created.length
    ? toExported(
        `${await bureauName(ctx)}新增人员初始密码.xlsx`,
        await writeRosterXlsx(
          created.map((c) => {
            const r = checked.find((x) => x.row.username === c.username)!.row
            return { ...r }
          }),
          { header: '初始密码（首次登录须修改）', values: created.map((c) => c.oneTimePassword) },
        ),
      )
    : null
  return { ...preview, created, passwordsFile }
}

/** Everyone active, in the roster's shape, so the office can edit it in Excel and import it again. */
export async function exportRoster(ctx: Ctx): Promise<ExportedFile> {
  requireRole(ctx.actor, ['admin'])
  const users = await ctx.db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'display_name', 'username', 'role', 'units.name as unit_name', 'phone'])
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute()
  const inCharge = await ctx.db
    .selectFrom('leader_units')
    .innerJoin('units', 'units.id', 'leader_units.unit_id')
    .select(['leader_id', 'units.name'])
    .orderBy('units.sort')
    .orderBy('units.id')
    .execute()
  const rows = users.map((u) => ({
    displayName: u.display_name,
    username: u.username,
    roleLabel: ROLE_LABELS[u.role],
    unitName: u.unit_name ?? '',
    leaderUnitNames: inCharge
      .filter((l) => l.leader_id === u.id)
      .map((l) => l.name)
      .join('、'),
    phone: u.phone ?? '',
  }))
  return toExported(`${await bureauName(ctx)}人员名册.xlsx`, await writeRosterXlsx(rows))
}
