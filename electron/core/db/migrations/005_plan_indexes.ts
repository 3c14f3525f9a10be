// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'plan_indexes'
// Dashboards, the ledger and the task list read a whole plan at a time; with many years and bureaus in
// one database, finding a plan's tasks must not scan every task.
export const sql = `
    CREATE INDEX IF NOT EXISTS tasks_plan ON tasks(plan_id, sort);
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    CREATE INDEX IF NOT EXISTS tasks_plan ON tasks(plan_id, sort);
`
