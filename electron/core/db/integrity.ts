import { sql } from 'kysely'
import type { OpenedDatabase } from './connection'

export interface IntegrityProblem {
  code: 'integrity' | 'foreign_key' | 'constraint'
  message: string
}

/**
 * The engine's own checks, before the app's rules. SQLite: integrity_check and foreign_key_check on the file.
 * PostgreSQL keeps its pages consistent itself; what can still go wrong is a constraint left NOT VALID
 * (a load with checks off) and the rows it let in: every foreign key is checked for orphans.
 */
export async function engineIntegrityProblems(opened: OpenedDatabase): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = []
  if (opened.engine === 'sqlite') {
    const integrity = opened.raw.pragma('integrity_check') as { integrity_check: string }[]
    for (const r of integrity)
      if (r.integrity_check !== 'ok') problems.push({ code: 'integrity', message: `数据库文件损坏：${r.integrity_check}` })
    const fk = opened.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
    for (const r of fk) problems.push({ code: 'foreign_key', message: `表 ${r.table} 第 ${r.rowid} 行引用的 ${r.parent} 记录不存在` })
    return problems
  }
  const unvalidated = await sql<{ table: string; name: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name FROM pg_constraint
    WHERE connamespace = current_schema()::text::regnamespace AND NOT convalidated`.execute(opened.db)
  for (const c of unvalidated.rows)
    problems.push({ code: 'constraint', message: `表 ${c.table} 的约束 ${c.name} 未经验证（可能曾关闭检查导入数据）` })
  const fks = await sql<{ child: string; column: string; parent: string; parent_column: string }>`
    SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent, pa.attname AS parent_column
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND c.connamespace = current_schema()::text::regnamespace AND array_length(c.conkey, 1) = 1
    ORDER BY 1, 2`.execute(opened.db)
  for (const fk of fks.rows) {
    const orphans = await sql<{ id: string }>`
      SELECT ${sql.ref(`x.${fk.column}`)}::text AS id FROM ${sql.table(fk.child)} x
      WHERE ${sql.ref(`x.${fk.column}`)} IS NOT NULL AND NOT EXISTS
        (SELECT 1 FROM ${sql.table(fk.parent)} p WHERE ${sql.ref(`p.${fk.parent_column}`)} = ${sql.ref(`x.${fk.column}`)})
      LIMIT 20`.execute(opened.db)
    for (const o of orphans.rows)
      problems.push({ code: 'foreign_key', message: `表 ${fk.child} 的 ${fk.column} = ${o.id} 引用的 ${fk.parent} 记录不存在` })
  }
  return problems
}
