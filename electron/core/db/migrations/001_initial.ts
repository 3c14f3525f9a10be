// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'initial'
export const sql = `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('division','bureau','center','association','collective')),
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );
    CREATE TABLE unit_aliases (
      alias TEXT PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
    );

    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin','office','unit_head','unit_staff','leader')),
      unit_id INTEGER REFERENCES units(id),
      password_hash TEXT NOT NULL,
      password_salt TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );

    CREATE TABLE plans (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      issuer TEXT,
      doc_number TEXT,
      issued_on TEXT,
      year INTEGER,
      source_name TEXT,
      original_text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE lists (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      sort INTEGER NOT NULL
    );
    CREATE TABLE sections (
      id INTEGER PRIMARY KEY,
      list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
      number TEXT,
      title TEXT,
      sort INTEGER NOT NULL
    );
    CREATE TABLE tasks (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
      section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
      number INTEGER NOT NULL,
      text TEXT NOT NULL,
      leader_id INTEGER REFERENCES users(id),
      deadline TEXT,
      deadline_text TEXT,
      closed_at TEXT,
      source_line INTEGER,
      sort INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX tasks_list ON tasks(list_id, sort);
    CREATE TABLE task_units (
      task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      role TEXT NOT NULL CHECK (role IN ('lead','coop')),
      position INTEGER NOT NULL,
      PRIMARY KEY (task_id, unit_id, role)
    );
    CREATE INDEX task_units_unit ON task_units(unit_id, role);

    CREATE TABLE milestones (
      id INTEGER PRIMARY KEY,
      task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      due_on TEXT NOT NULL,
      planned_pct INTEGER NOT NULL CHECK (planned_pct BETWEEN 0 AND 100),
      title TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX milestones_task ON milestones(task_id, due_on);

    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      period TEXT NOT NULL,
      percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
      progress TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      next_steps TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('draft','submitted','returned','approved')),
      is_final INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      return_reason TEXT,
      created_by INTEGER NOT NULL REFERENCES users(id),
      reviewed_by INTEGER REFERENCES users(id),
      submitted_at TEXT,
      reviewed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX reports_task ON reports(task_id, status, period);

    CREATE TABLE indicators (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      comparator TEXT NOT NULL DEFAULT '=',
      target_value REAL NOT NULL,
      baseline_value REAL,
      baseline_year INTEGER,
      target_year INTEGER,
      growth_pct REAL,
      source_text TEXT
    );
    CREATE TABLE indicator_values (
      id INTEGER PRIMARY KEY,
      indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
      period TEXT NOT NULL,
      value REAL NOT NULL,
      recorded_at TEXT NOT NULL
    );

    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    );

    CREATE TABLE instructions (
      id INTEGER PRIMARY KEY,
      task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES instructions(id),
      author_id INTEGER NOT NULL REFERENCES users(id),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id INTEGER REFERENCES users(id),
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      before_json TEXT,
      after_json TEXT
    );
    CREATE INDEX audit_entity ON audit_log(entity, entity_id);
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE units (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('division','bureau','center','association','collective')),
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );
    CREATE TABLE unit_aliases (
      alias TEXT PRIMARY KEY,
      unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE
    );

    CREATE TABLE users (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin','office','unit_head','unit_staff','leader')),
      unit_id BIGINT REFERENCES units(id),
      password_hash TEXT NOT NULL,
      password_salt TEXT NOT NULL,
      active SMALLINT NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );

    CREATE TABLE plans (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      title TEXT NOT NULL,
      issuer TEXT,
      doc_number TEXT,
      issued_on TEXT,
      year INTEGER,
      source_name TEXT,
      original_text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE lists (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      sort INTEGER NOT NULL
    );
    CREATE TABLE sections (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      list_id BIGINT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
      number TEXT,
      title TEXT,
      sort INTEGER NOT NULL
    );
    CREATE TABLE tasks (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      list_id BIGINT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
      section_id BIGINT REFERENCES sections(id) ON DELETE SET NULL,
      number INTEGER NOT NULL,
      text TEXT NOT NULL,
      leader_id BIGINT REFERENCES users(id),
      deadline TEXT,
      deadline_text TEXT,
      closed_at TEXT,
      source_line INTEGER,
      sort INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX tasks_list ON tasks(list_id, sort);
    CREATE TABLE task_units (
      task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      unit_id BIGINT NOT NULL REFERENCES units(id),
      role TEXT NOT NULL CHECK (role IN ('lead','coop')),
      position INTEGER NOT NULL,
      PRIMARY KEY (task_id, unit_id, role)
    );
    CREATE INDEX task_units_unit ON task_units(unit_id, role);

    CREATE TABLE milestones (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      due_on TEXT NOT NULL,
      planned_pct INTEGER NOT NULL CHECK (planned_pct BETWEEN 0 AND 100),
      title TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX milestones_task ON milestones(task_id, due_on);

    CREATE TABLE reports (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      unit_id BIGINT NOT NULL REFERENCES units(id),
      period TEXT NOT NULL,
      percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
      progress TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      next_steps TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('draft','submitted','returned','approved')),
      is_final SMALLINT NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      return_reason TEXT,
      created_by BIGINT NOT NULL REFERENCES users(id),
      reviewed_by BIGINT REFERENCES users(id),
      submitted_at TEXT,
      reviewed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX reports_task ON reports(task_id, status, period);

    CREATE TABLE indicators (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      task_id BIGINT REFERENCES tasks(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      unit TEXT NOT NULL,
      comparator TEXT NOT NULL DEFAULT '=',
      target_value NUMERIC NOT NULL,
      baseline_value NUMERIC,
      baseline_year INTEGER,
      target_year INTEGER,
      growth_pct NUMERIC,
      source_text TEXT
    );
    CREATE TABLE indicator_values (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      report_id BIGINT REFERENCES reports(id) ON DELETE SET NULL,
      period TEXT NOT NULL,
      value NUMERIC NOT NULL,
      recorded_at TEXT NOT NULL
    );

    CREATE TABLE attachments (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      report_id BIGINT REFERENCES reports(id) ON DELETE SET NULL,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size BIGINT NOT NULL,
      created_by BIGINT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    );

    CREATE TABLE instructions (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
      parent_id BIGINT REFERENCES instructions(id),
      author_id BIGINT NOT NULL REFERENCES users(id),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id BIGINT REFERENCES users(id),
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id BIGINT,
      before_json TEXT,
      after_json TEXT
    );
    CREATE INDEX audit_entity ON audit_log(entity, entity_id);
`
