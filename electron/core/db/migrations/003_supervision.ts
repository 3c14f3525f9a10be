// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'supervision'
export const sql = `
    -- One report per task, unit and period; its submitted versions live in report_versions.
    CREATE UNIQUE INDEX reports_task_unit_period ON reports(task_id, unit_id, period);
    CREATE INDEX reports_status ON reports(status, period);

    -- Every submission is kept as it was sent, with the office's decision on it.
    CREATE TABLE report_versions (
      id INTEGER PRIMARY KEY,
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      percent INTEGER NOT NULL,
      progress TEXT NOT NULL,
      problems TEXT NOT NULL,
      next_steps TEXT NOT NULL,
      is_final INTEGER NOT NULL,
      indicator_values_json TEXT NOT NULL DEFAULT '[]',
      attachment_ids_json TEXT NOT NULL DEFAULT '[]',
      outcome TEXT NOT NULL DEFAULT 'submitted' CHECK (outcome IN ('submitted','returned','approved','noted')),
      return_reason TEXT,
      submitted_by INTEGER NOT NULL REFERENCES users(id),
      submitted_at TEXT NOT NULL,
      reviewed_by INTEGER REFERENCES users(id),
      reviewed_at TEXT,
      UNIQUE (report_id, version)
    );

    CREATE INDEX attachments_sha ON attachments(sha256);
    CREATE INDEX attachments_report ON attachments(report_id);
    CREATE INDEX indicator_values_report ON indicator_values(report_id);
    CREATE INDEX instructions_task ON instructions(task_id, parent_id);

    -- 催办 (kind 'reminder') and 督办单 (kind 'notice', numbered per year).
    CREATE TABLE notices (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('reminder','notice')),
      task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      period TEXT,
      year INTEGER,
      seq INTEGER,
      number TEXT,
      issue TEXT NOT NULL,
      required_reply TEXT,
      reply_deadline TEXT,
      reply TEXT,
      replied_by INTEGER REFERENCES users(id),
      replied_at TEXT,
      escalation_level INTEGER NOT NULL DEFAULT 0,
      escalated_to INTEGER REFERENCES users(id),
      escalated_at TEXT,
      created_by INTEGER REFERENCES users(id),
      created_at TEXT NOT NULL,
      UNIQUE (kind, year, seq)
    );
    CREATE INDEX notices_unit ON notices(unit_id, kind);

    -- What a unit or a person has to look at, with read state.
    CREATE TABLE inbox_items (
      id INTEGER PRIMARY KEY,
      recipient_unit_id INTEGER REFERENCES units(id),
      recipient_user_id INTEGER REFERENCES users(id),
      to_office INTEGER NOT NULL DEFAULT 0,
      kind TEXT NOT NULL CHECK (kind IN ('reminder','notice','returned','instruction','instruction_reply','escalation','notice_reply')),
      ref_id INTEGER,
      task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      read_at TEXT,
      read_by INTEGER REFERENCES users(id)
    );
    CREATE INDEX inbox_unit ON inbox_items(recipient_unit_id, read_at);
    CREATE INDEX inbox_user ON inbox_items(recipient_user_id, read_at);
`
