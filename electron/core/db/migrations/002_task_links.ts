// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'task_links'
export const sql = `
    CREATE TABLE task_links (
      task_a_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      task_b_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      similarity REAL NOT NULL,
      status TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested','accepted','rejected')),
      PRIMARY KEY (task_a_id, task_b_id),
      CHECK (task_a_id <> task_b_id)
    );
    CREATE INDEX task_links_b ON task_links(task_b_id);
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    CREATE TABLE task_links (
      task_a_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      task_b_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      similarity NUMERIC NOT NULL,
      status TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested','accepted','rejected')),
      PRIMARY KEY (task_a_id, task_b_id),
      CHECK (task_a_id <> task_b_id)
    );
    CREATE INDEX task_links_b ON task_links(task_b_id);
`
