// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'people'
// A bureau sets itself up: people with phones and one-time passwords, units that can be retired,
// leaders in charge of divisions (分管), and its working calendar (法定节假日 and 调休).
export const sql = `
    ALTER TABLE users ADD COLUMN phone TEXT;
    ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN last_login_at TEXT;

    ALTER TABLE units ADD COLUMN short_name TEXT;
    ALTER TABLE units ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE leader_units (
      leader_id INTEGER NOT NULL REFERENCES users(id),
      unit_id INTEGER NOT NULL REFERENCES units(id),
      PRIMARY KEY (leader_id, unit_id)
    );
    CREATE INDEX leader_units_unit ON leader_units(unit_id);

    -- Days that break the Monday-to-Friday rule: a holiday on a weekday, or a weekend working day (调休).
    CREATE TABLE calendar_days (
      day TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
      name TEXT NOT NULL DEFAULT ''
    );
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    ALTER TABLE users ADD COLUMN phone TEXT;
    ALTER TABLE users ADD COLUMN must_change_password SMALLINT NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN last_login_at TEXT;

    ALTER TABLE units ADD COLUMN short_name TEXT;
    ALTER TABLE units ADD COLUMN active SMALLINT NOT NULL DEFAULT 1;

    CREATE TABLE leader_units (
      leader_id BIGINT NOT NULL REFERENCES users(id),
      unit_id BIGINT NOT NULL REFERENCES units(id),
      PRIMARY KEY (leader_id, unit_id)
    );
    CREATE INDEX leader_units_unit ON leader_units(unit_id);

    -- Days that break the Monday-to-Friday rule: a holiday on a weekday, or a weekend working day (调休).
    CREATE TABLE calendar_days (
      day TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
      name TEXT NOT NULL DEFAULT ''
    );
`
