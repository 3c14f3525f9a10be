import { mkdirSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase, type OpenedDatabase, type PostgresDatabase } from './db/connection'
import { openPostgres } from './db/postgres'
import { postgresUrlFrom } from './db/engine'
import { inTransaction } from './audit/service'
import { shiftedClock, systemClock, withTimeZone, type Clock } from './context'
import { readBureauTimeZone } from './calendar/zone'
import { seedDemo } from './demo/seed'
import { fillMissingCodes } from './plans/codeStore'
import { removeLeftoverUploads } from './files/leftovers'
import { guardDatabase, guardPostgresDatabase } from './backup/health'
import { trackOpenDatabase } from './backup/lifecycle'
import { EventBus } from './events/bus'

export type CoreApp = OpenedDatabase & CoreParts

interface CoreParts {
  clock: Clock
  files: { dir: string }
  dataDir: string
  /** committed changes, for the people connected right now */
  events: EventBus
}

export interface OpenOptions {
  dataDir: string
  /** build the demo database from this sample when the directory has none (npm start, npm run web) */
  demoSample?: string
  /** fixed "today" for tests (its days then read in the bureau's zone); otherwise DUBAN_TODAY, the demo's date, or the real clock */
  clock?: Clock
  /** postgres://… selects PostgreSQL (evidence files stay in dataDir); otherwise DUBAN_DATABASE_URL, or the SQLite file */
  databaseUrl?: string
}

export const DB_FILE = 'duban.db'

/** The demo is built in a side file and renamed into place, so a crash never leaves half a demo. */
async function buildDemo(file: string, filesDir: string, sample: string, clock: Clock): Promise<void> {
  const building = `${file}.building`
  rmSync(building, { force: true })
  const opened = openDatabase(building)
  try {
    await seedDemo({ db: opened.db, clock, files: { dir: filesDir } }, sample)
    opened.raw.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    await opened.close()
  }
  renameSync(building, file)
  rmSync(`${building}-wal`, { force: true })
  rmSync(`${building}-shm`, { force: true })
}

/**
 * PostgreSQL has no side file to rename: the demo is seeded in one transaction, so a crash leaves the
 * database empty and the next start builds it again. An empty database is one without users.
 */
async function buildDemoOnPostgres(opened: PostgresDatabase, filesDir: string, sample: string, clock: Clock): Promise<void> {
  const anyone = await opened.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyone) return
  await inTransaction({ db: opened.db, clock, files: { dir: filesDir }, actor: null }, (trx) =>
    seedDemo({ db: trx, clock, files: { dir: filesDir } }, sample),
  )
}

/** SQLite: the file in the data folder, guarded against damage and loss, and tracked for the backups' baseline. */
async function openSqliteCore(opts: OpenOptions, filesDir: string): Promise<{ opened: OpenedDatabase; release: () => void }> {
  const file = join(opts.dataDir, DB_FILE)
  // Refuses a missing or damaged database, applies a staged restore, backs up before a migration.
  await guardDatabase(opts.dataDir, file, (opts.clock ?? systemClock()).now())
  if (!existsSync(file) && opts.demoSample) await buildDemo(file, filesDir, opts.demoSample, opts.clock ?? systemClock())
  const opened = openDatabase(file)
  const release = trackOpenDatabase(opts.dataDir, opened.raw, () => (opts.clock ?? systemClock()).now())
  return { opened, release }
}

export async function openCore(opts: OpenOptions): Promise<CoreApp> {
  mkdirSync(opts.dataDir, { recursive: true })
  const filesDir = join(opts.dataDir, 'files')
  mkdirSync(filesDir, { recursive: true })
  removeLeftoverUploads(filesDir)
  const url = opts.databaseUrl ?? postgresUrlFrom()
  let opened: OpenedDatabase
  let release = () => {}
  if (url) {
    // Applies a staged restore, backs up before a migration (pg_dump).
    await guardPostgresDatabase(opts.dataDir, url, (opts.clock ?? systemClock()).now())
    const pg = await openPostgres(url)
    opened = pg
    try {
      if (opts.demoSample) await buildDemoOnPostgres(pg, filesDir, opts.demoSample, opts.clock ?? systemClock())
    } catch (err) {
      await pg.close()
      throw err
    }
  } else {
    ;({ opened, release } = await openSqliteCore(opts, filesDir))
  }
  await fillMissingCodes(opened.db)
  const demoToday = await opened.db.selectFrom('settings').select('value').where('key', '=', 'demo.today').executeTakeFirst()
  const day = process.env.DUBAN_TODAY ?? demoToday?.value
  const zone = await readBureauTimeZone(opened.db)
  const clock = opts.clock ? withTimeZone(opts.clock, zone) : day ? shiftedClock(day, zone) : systemClock(zone)
  const events = new EventBus()
  const close = async () => {
    events.close()
    release()
    await opened.close()
  }
  return { ...opened, close, clock, files: { dir: filesDir }, dataDir: opts.dataDir, events }
}
