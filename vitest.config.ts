import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

const src = fileURLToPath(new URL('./src', import.meta.url))

/**
 * Integration tests that stay on SQLite: they damage, copy or back up the database file itself, generate with
 * better-sqlite3, or run the command line in a child process against a data folder's SQLite file.
 */
const SQLITE_ONLY = [
  'tests/integration/backup-restore.test.ts',
  'tests/integration/damaged-database.test.ts',
  'tests/integration/electron-damaged.test.ts',
  'tests/integration/numbering-concurrency.test.ts',
  'tests/integration/dashboards-vs-sql.test.ts',
  'tests/integration/generator.test.ts',
  'tests/integration/archive.test.ts',
  'tests/integration/cli.test.ts',
  'tests/integration/import-commit.test.ts',
  'tests/integration/serve.test.ts',
  'tests/integration/documents.test.ts',
]

// The process zone is not pinned: the core reads days in the bureau's zone (a setting), so the suite must
// pass in any zone. .ci/run runs it under TZ=Asia/Shanghai and the date-sensitive projects again under TZ=UTC.

export default defineConfig({
  resolve: { alias: { '@': src } },
  test: {
    // Benchmarks belong to the 'bench' project only (vitest's default pattern would give every project a copy).
    benchmark: { include: [] },
    projects: [
      // Timeouts fit a loaded 2-core machine (several suites at once), with room for what each project really does.
      {
        extends: true,
        // pure rules and parsing: milliseconds each, seconds on a busy machine (the Chromium-printed PDFs set their own)
        // one worker module cache for all files: pure modules, no per-file state (saves ~25 s of startup)
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 15_000, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/postgres/**', 'tests/integration/rendering/**'],
          environment: 'node',
          pool: 'forks',
          // Files share a worker's module cache (each opens its own database in its own folder); the two that
          // start the Electron shell reset modules first. Saves about a minute of imports on 2 cores.
          isolate: false,
          // the SQLite run ignores a DUBAN_DATABASE_URL left in the shell by pg:start
          env: { DUBAN_DATABASE_URL: '' },
          // a test may spawn the CLI (tsx compiles it first, 5-15 s when busy) or write a whole demo database
          testTimeout: 60_000,
          // beforeAll builds the demo database by importing the Suzhou document through the app's importer
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The same suite on PostgreSQL (npm run pg:start, or DUBAN_TEST_PG_URL): a fresh database per core,
          // plus tests/integration/postgres/ (what only PostgreSQL has: schema parity, concurrent writers).
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...SQLITE_ONLY, 'tests/integration/rendering/**'],
          environment: 'node',
          pool: 'forks',
          env: { DUBAN_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/integration/postgres-global.ts'],
          setupFiles: ['tests/integration/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Documents printed through LibreOffice and read back (layout, not data): once per run, on SQLite,
          // whatever the engine or zone the other projects repeat.
          name: 'rendering',
          include: ['tests/integration/rendering/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          env: { DUBAN_DATABASE_URL: '' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['element-plus'] } },
          // mounting Element Plus pages in happy-dom takes 1-4 s idle; four times that when the machine is busy
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // a page on a busy 2-core machine can take seconds to settle; poll for what a person would wait for
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
      { extends: true, test: { name: 'bench', include: [], benchmark: { include: ['tests/bench/**/*.bench.ts'] } } },
    ],
  },
})
