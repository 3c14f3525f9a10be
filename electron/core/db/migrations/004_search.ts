// Shipped migrations are never edited: add a new numbered file instead.
export const name = 'search'
/**
 * SQLite-specific on purpose: FTS5 with the trigram tokenizer finds Chinese substrings of three or more
 * characters (快递进村) without a word segmenter. On PostgreSQL this would be pg_trgm; the search
 * queries live in core/search/queries.ts so only that file changes. Shorter queries fall back to LIKE there.
 */
export const sql = `
    CREATE VIRTUAL TABLE task_search USING fts5(body, tokenize='trigram');
    CREATE VIRTUAL TABLE report_search USING fts5(body, tokenize='trigram');

    INSERT INTO task_search(rowid, body) SELECT id, text FROM tasks;
    INSERT INTO report_search(rowid, body) SELECT id, progress || char(10) || problems || char(10) || next_steps FROM reports;

    CREATE TRIGGER task_search_ins AFTER INSERT ON tasks BEGIN
      INSERT INTO task_search(rowid, body) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER task_search_upd AFTER UPDATE OF text ON tasks BEGIN
      DELETE FROM task_search WHERE rowid = old.id;
      INSERT INTO task_search(rowid, body) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER task_search_del AFTER DELETE ON tasks BEGIN
      DELETE FROM task_search WHERE rowid = old.id;
    END;

    CREATE TRIGGER report_search_ins AFTER INSERT ON reports BEGIN
      INSERT INTO report_search(rowid, body) VALUES (new.id, new.progress || char(10) || new.problems || char(10) || new.next_steps);
    END;
    CREATE TRIGGER report_search_upd AFTER UPDATE OF progress, problems, next_steps ON reports BEGIN
      DELETE FROM report_search WHERE rowid = old.id;
      INSERT INTO report_search(rowid, body) VALUES (new.id, new.progress || char(10) || new.problems || char(10) || new.next_steps);
    END;
    CREATE TRIGGER report_search_del AFTER DELETE ON reports BEGIN
      DELETE FROM report_search WHERE rowid = old.id;
    END;
`

/**
 * PostgreSQL 15: pg_trgm GIN indexes serve ILIKE '%…%' for any length (two-character Chinese words too),
 * straight on the tables, so no copies and no triggers. core/search/postgres.ts queries the same expressions.
 */
export const postgres = `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX task_text_trgm ON tasks USING gin (text gin_trgm_ops);
    CREATE INDEX report_text_trgm ON reports USING gin ((progress || chr(10) || problems || chr(10) || next_steps) gin_trgm_ops);
`
