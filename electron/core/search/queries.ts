import { sql } from 'kysely'
import type { Db } from '../db/connection'
import { engineOf } from '../db/engine'

/** The trigram tokenizer indexes runs of three characters; shorter queries cannot use the index. */
export const MIN_FTS_CHARS = 3

/** A NUL ends an FTS5 string early ("unterminated string"), and no control character is ever typed on purpose. */
export const withoutControlChars = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, '')

const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Tasks of a plan whose text, or whose submitted reports, contain the query.
 * The one search module with SQL per engine: SQLite uses FTS5 MATCH on the tables of migration 004 (1–2
 * characters fall back to LIKE); PostgreSQL uses ILIKE, served by migration 004's pg_trgm indexes at any length.
 */
export async function searchTaskIds(db: Db, planId: number, query: string): Promise<Set<number>> {
  const q = withoutControlChars(query).trim()
  if (!q) return new Set()
  if (engineOf(db) === 'postgres') {
    const like = likePattern(q)
    const rows = await sql<{ id: number }>`
      SELECT t.id FROM tasks t WHERE t.plan_id = ${planId} AND (
        t.text ILIKE ${like}
        OR EXISTS (SELECT 1 FROM reports r WHERE r.task_id = t.id AND r.status <> 'draft'
                   AND (r.progress || chr(10) || r.problems || chr(10) || r.next_steps) ILIKE ${like}))`.execute(db)
    return new Set(rows.rows.map((r) => r.id))
  }
  if ([...q].length >= MIN_FTS_CHARS) {
    const rows = await sql<{ id: number }>`
      SELECT t.id FROM tasks t WHERE t.plan_id = ${planId} AND (
        t.id IN (SELECT rowid FROM task_search WHERE task_search MATCH ${phrase(q)})
        OR t.id IN (SELECT r.task_id FROM reports r WHERE r.status <> 'draft'
                    AND r.id IN (SELECT rowid FROM report_search WHERE report_search MATCH ${phrase(q)})))`.execute(db)
    return new Set(rows.rows.map((r) => r.id))
  }
  const like = likePattern(q)
  const rows = await sql<{ id: number }>`
    SELECT t.id FROM tasks t WHERE t.plan_id = ${planId} AND (
      t.text LIKE ${like} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM reports r WHERE r.task_id = t.id AND r.status <> 'draft'
                 AND (r.progress LIKE ${like} ESCAPE '\\' OR r.problems LIKE ${like} ESCAPE '\\' OR r.next_steps LIKE ${like} ESCAPE '\\')))`.execute(
    db,
  )
  return new Set(rows.rows.map((r) => r.id))
}
