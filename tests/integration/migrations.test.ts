import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from '../../electron/core/db/connection'
import { MIGRATIONS_TABLE, migrationId, migrations } from '../../electron/core/db/migrate'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duban-migrations-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A file as the program before the migrations table left it: the first `version` steps, counted in user_version. */
function oldStyleDatabase(name: string, version: number): string {
  const file = join(dir, name)
  const raw = new BetterSqlite3(file)
  for (const step of migrations.slice(0, version)) raw.exec(step.sql)
  raw.pragma(`user_version = ${version}`)
  raw.prepare(`INSERT INTO units (name, kind, sort, created_at) VALUES ('办公室', 'division', 0, '2021-01-01T00:00:00Z')`).run()
  raw.close()
  return file
}

const names = migrations.map((_, i) => migrationId(i))

describe('migrations recorded in a table (SQLite)', () => {
  it('step 14 moves a matter’s expected evidence off its milestone title and lists the 约谈 the rules fired before', async () => {
    const file = join(dir, 'v13.db')
    const raw = new BetterSqlite3(file)
    for (const step of migrations.slice(0, 13)) raw.exec(step.sql)
    raw.pragma('user_version = 13')
    raw.exec(`
      INSERT INTO units (id, name, kind, sort, created_at) VALUES (1, '市场监管处', 'division', 0, '2021-01-01T00:00:00Z');
      INSERT INTO plans (id, title, year, original_text, created_at, kind) VALUES (1, '2021年督查督办事项', 2021, '', '2021-07-20T00:00:00Z', 'matters');
      INSERT INTO lists (id, plan_id, name, kind, sort) VALUES (1, 1, '会议议定事项', 'meeting', 0);
      INSERT INTO tasks (id, plan_id, list_id, number, text, sort, created_at, updated_at, source_kind)
        VALUES (1, 1, 1, 1, '开展安全检查', 1, '2021-07-20T00:00:00Z', '2021-07-20T00:00:00Z', 'meeting'),
               (2, 1, 1, 2, '办结事项', 2, '2021-07-20T00:00:00Z', '2021-07-20T00:00:00Z', 'meeting');
      INSERT INTO milestones (task_id, due_on, planned_pct, title) VALUES (1, '2021-08-10', 100, '检查报告、现场照片'), (2, '2021-08-10', 100, '办结并报送办理结果');
      INSERT INTO escalation_firings (id, event_key, level, level_name, trigger_kind, task_id, unit_id, subject, reason, fired_on, created_at)
        VALUES (5, 'interview|u1|x', 'interview', '约谈', 'tally', 1, 1, 'x', '连续3次红色督办单', '2021-08-02', '2021-08-02T01:00:00Z');
    `)
    raw.close()
    const opened = openDatabase(file)
    try {
      const ms = await opened.db.selectFrom('milestones').select(['task_id', 'title', 'expected_evidence']).orderBy('task_id').execute()
      expect(ms).toEqual([
        { task_id: 1, title: '办结并报送办理结果', expected_evidence: '检查报告、现场照片' },
        { task_id: 2, title: '办结并报送办理结果', expected_evidence: null },
      ])
      const iv = await opened.db.selectFrom('interviews').select(['year', 'unit_id', 'source', 'firing_id', 'reason', 'status']).execute()
      expect(iv).toEqual([{ year: 2021, unit_id: 1, source: 'rule', firing_id: 5, reason: '连续3次红色督办单', status: 'pending' }])
      expect(await opened.db.selectFrom('interview_tasks').select('task_id').execute()).toEqual([{ task_id: 1 }])
    } finally {
      await opened.close()
    }
  })

  it('recognises a database at user_version 8 as fully migrated: nothing runs again, nothing is lost', async () => {
    const opened = openDatabase(oldStyleDatabase('v8.db', 8))
    try {
      const applied = opened.raw.prepare(`SELECT name, applied_at FROM ${MIGRATIONS_TABLE} ORDER BY name`).all() as {
        name: string
        applied_at: string
      }[]
      expect(applied.slice(0, 8)).toEqual(names.slice(0, 8).map((name) => ({ name, applied_at: 'user_version' })))
      expect(applied.map((a) => a.name)).toEqual(names)
      expect(await opened.db.selectFrom('units').select('name').execute()).toEqual([{ name: '办公室' }])
      expect(opened.raw.pragma('user_version', { simple: true })).toBe(migrations.length)
    } finally {
      await opened.close()
    }
  })

  it('runs only the steps an older database lacks (user_version 4: steps 5 onwards)', async () => {
    const opened = openDatabase(oldStyleDatabase('v4.db', 4))
    try {
      const applied = opened.raw.prepare(`SELECT name, applied_at FROM ${MIGRATIONS_TABLE} ORDER BY name`).all() as {
        name: string
        applied_at: string
      }[]
      expect(applied.map((a) => a.name)).toEqual(names)
      expect(applied.filter((a) => a.applied_at === 'user_version').map((a) => a.name)).toEqual(names.slice(0, 4))
      // step 6 added units.active: the old row got its default
      expect(await opened.db.selectFrom('units').select(['name', 'active']).execute()).toEqual([{ name: '办公室', active: 1 }])
    } finally {
      await opened.close()
    }
  })

  it('opens an already migrated database again without running anything', async () => {
    const file = join(dir, 'again.db')
    await openDatabase(file).close()
    const opened = openDatabase(file)
    try {
      expect((opened.raw.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n).toBe(migrations.length)
    } finally {
      await opened.close()
    }
  })

  it('refuses a database that has a step this program does not know', async () => {
    const file = join(dir, 'future.db')
    const first = openDatabase(file)
    first.raw.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ('999_future', 'x')`).run()
    await first.close()
    expect(() => openDatabase(file)).toThrow('比本程序新')
  })
})
