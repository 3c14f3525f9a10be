// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'server_security'
// The bureau server: failed logins are counted per user and per address so guessing is slowed and then
// locked (the lock survives a restart); sessions record where they came from so the admin can see and end them.
export const sql = `
    CREATE TABLE login_attempts (
      kind TEXT NOT NULL CHECK (kind IN ('user', 'address')),
      subject TEXT NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      last_failed_at TEXT NOT NULL,
      locked_until TEXT,
      PRIMARY KEY (kind, subject)
    );
    ALTER TABLE sessions ADD COLUMN address TEXT;
    ALTER TABLE sessions ADD COLUMN user_agent TEXT;
    CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    CREATE TABLE login_attempts (
      kind TEXT NOT NULL CHECK (kind IN ('user', 'address')),
      subject TEXT NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      last_failed_at TEXT NOT NULL,
      locked_until TEXT,
      PRIMARY KEY (kind, subject)
    );
    ALTER TABLE sessions ADD COLUMN address TEXT;
    ALTER TABLE sessions ADD COLUMN user_agent TEXT;
    CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
`
