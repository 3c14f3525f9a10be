/**
 * The integration suite on PostgreSQL: every core a test opens gets its own fresh database (the same data
 * folder reopened gets the same database back, as a SQLite file would), dropped when the file's tests end.
 */
import { afterAll, vi } from 'vitest'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'
import type * as App from '../../electron/core/app'

const databases = new Map<string, Promise<string>>()

vi.mock('../../electron/core/app', async (importOriginal) => {
  const real = await importOriginal<typeof App>()
  return {
    ...real,
    openCore: async (opts: App.OpenOptions) => {
      if (!databases.has(opts.dataDir)) databases.set(opts.dataDir, createTestDatabase())
      return real.openCore({ ...opts, databaseUrl: opts.databaseUrl ?? (await databases.get(opts.dataDir)) })
    },
  }
})

afterAll(async () => {
  for (const url of databases.values()) await dropTestDatabase(await url)
})
