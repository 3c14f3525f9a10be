import { mkdirSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase, type OpenedDatabase } from './db/connection'
import { shiftedClock, systemClock, type Clock } from './context'
import { seedDemo } from './demo/seed'
import { EventBus } from './events/bus'

export interface CoreApp extends OpenedDatabase {
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
  /** fixed "today" for tests; otherwise DUBAN_TODAY, the demo's date, or the real clock */
  clock?: Clock
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

export async function openCore(opts: OpenOptions): Promise<CoreApp> {
  mkdirSync(opts.dataDir, { recursive: true })
  const file = join(opts.dataDir, DB_FILE)
  const filesDir = join(opts.dataDir, 'files')
  mkdirSync(filesDir, { recursive: true })
  if (!existsSync(file) && opts.demoSample) await buildDemo(file, filesDir, opts.demoSample, opts.clock ?? systemClock)
  const opened = openDatabase(file)
  const demoToday = await opened.db.selectFrom('settings').select('value').where('key', '=', 'demo.today').executeTakeFirst()
  const day = process.env.DUBAN_TODAY ?? demoToday?.value
  const clock = opts.clock ?? (day ? shiftedClock(day) : systemClock)
  const events = new EventBus()
  const close = async () => {
    events.close()
    await opened.close()
  }
  return { ...opened, close, clock, files: { dir: filesDir }, dataDir: opts.dataDir, events }
}
