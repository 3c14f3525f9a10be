// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'task_codes'
// Every task named unambiguously: a code unique in its plan (重点3, 要点15, 民生5-2), derived from its list's
// abbreviation (set by the office, or from the list's kind) by plans/codes.ts and stored so every view and
// search reads the same text; codes left NULL here are filled in when the database is opened.
// A deadline the office set (not the document's own 原文时限) is marked as such, and the demo's invented
// reports are marked so the app can badge them 演示数据.
export const sql = `
    ALTER TABLE lists ADD COLUMN abbr TEXT;
    ALTER TABLE tasks ADD COLUMN code TEXT;
    ALTER TABLE tasks ADD COLUMN deadline_by_office INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reports ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
    UPDATE tasks SET deadline_by_office = 1 WHERE deadline IS NOT NULL AND deadline_text IS NULL;
    UPDATE reports SET demo = 1
      WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'demo.today')
        AND NOT EXISTS (SELECT 1 FROM report_versions WHERE report_versions.report_id = reports.id);
    CREATE INDEX tasks_code ON tasks(plan_id, code);
`

export const postgres = `
    ALTER TABLE lists ADD COLUMN abbr TEXT;
    ALTER TABLE tasks ADD COLUMN code TEXT;
    ALTER TABLE tasks ADD COLUMN deadline_by_office SMALLINT NOT NULL DEFAULT 0;
    ALTER TABLE reports ADD COLUMN demo SMALLINT NOT NULL DEFAULT 0;
    UPDATE tasks SET deadline_by_office = 1 WHERE deadline IS NOT NULL AND deadline_text IS NULL;
    UPDATE reports SET demo = 1
      WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'demo.today')
        AND NOT EXISTS (SELECT 1 FROM report_versions WHERE report_versions.report_id = reports.id);
    CREATE INDEX tasks_code ON tasks(plan_id, code);
`
