// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'versions_counters'
// Many desks at once. A task (its wording, assignment and milestones) and a report carry a version that
// every write bumps, so an edit based on an older version is refused instead of silently overwriting.
// Numbers (督办单, 通报) come from one counter row per kind and year, incremented inside the issuing
// transaction: the row lock makes two people issuing at once get consecutive numbers (SQLite and PostgreSQL).
export const sql = `
    ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE counters (
      kind TEXT NOT NULL,
      year INTEGER NOT NULL,
      n INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (kind, year)
    );
    INSERT INTO counters (kind, year, n)
      SELECT 'notice', year, MAX(seq) FROM notices WHERE kind = 'notice' AND year IS NOT NULL AND seq IS NOT NULL GROUP BY year;
    INSERT INTO counters (kind, year, n)
      SELECT 'bulletin', CAST(substr(key, 14) AS INTEGER), CAST(value AS INTEGER) FROM settings WHERE key LIKE 'bulletin.seq.%';
    DELETE FROM settings WHERE key LIKE 'bulletin.seq.%';
`

/** The same schema on PostgreSQL 15. */
export const postgres = `
    ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE counters (
      kind TEXT NOT NULL,
      year INTEGER NOT NULL,
      n INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (kind, year)
    );
    INSERT INTO counters (kind, year, n)
      SELECT 'notice', year, MAX(seq) FROM notices WHERE kind = 'notice' AND year IS NOT NULL AND seq IS NOT NULL GROUP BY year;
    INSERT INTO counters (kind, year, n)
      SELECT 'bulletin', CAST(substr(key, 14) AS INTEGER), CAST(value AS INTEGER) FROM settings WHERE key LIKE 'bulletin.seq.%';
    DELETE FROM settings WHERE key LIKE 'bulletin.seq.%';
`
