import { readBureauTimeZone } from '../calendar/zone'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { ROLE_LABELS } from '../users/rules'
import { staleMessage, type LastChange } from './rules'

/** The newest audit entry on an entity: who changed it last, and what. */
async function lastChange(db: Kysely<Database>, entity: 'task' | 'report', entityId: number): Promise<LastChange | null> {
  const row = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.after_json', 'users.display_name', 'users.role', 'units.name as unit_name'])
    .where('audit_log.entity', '=', entity)
    .where('audit_log.entity_id', '=', entityId)
    .where('audit_log.action', 'not in', ['notice.issue'])
    .orderBy('audit_log.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    at: row.at,
    actorName: row.display_name,
    actorPlace: row.unit_name ?? (row.role ? ROLE_LABELS[row.role] : null),
    action: row.action,
    after: row.after_json ? JSON.parse(row.after_json) : null,
  }
}

export async function staleTask(db: Kysely<Database>, taskId: number): Promise<DubanError> {
  return new DubanError('stale', staleMessage('该任务', await lastChange(db, 'task', taskId), await readBureauTimeZone(db)))
}

export async function staleReport(db: Kysely<Database>, reportId: number): Promise<DubanError> {
  return new DubanError('stale', staleMessage('该进展报送', await lastChange(db, 'report', reportId), await readBureauTimeZone(db)))
}

/**
 * Moves a task to its next version. With the version the edit was based on, only if nobody wrote in
 * between (compare-and-set in one statement, so it holds on PostgreSQL too); without one (the core's own
 * follow-up writes, such as closing on approval), unconditionally.
 */
export async function bumpTaskVersion(db: Kysely<Database>, taskId: number, basedOn: number | undefined, now: string): Promise<number> {
  let q = db
    .updateTable('tasks')
    .set({ version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', taskId)
  if (basedOn !== undefined) q = q.where('version', '=', basedOn)
  const row = await q.returning('version').executeTakeFirst()
  if (row) return row.version
  const exists = await db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst()
  if (!exists) throw notFound(`任务（编号${taskId}）`)
  throw await staleTask(db, taskId)
}
