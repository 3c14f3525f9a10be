/**
 * The data folder's own record (.duban-data.json), kept outside the database so that it survives the database:
 * that a database was created here (a missing or empty duban.db is then refused, never silently replaced),
 * the administrator's backup folder, and the baseline the start-up check compares row counts against.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { Baseline } from './rules'

export const MARKER_FILE = '.duban-data.json'

export interface DataMarker {
  format: 'duban-data'
  /** identifies this installation's database; copied into every backup's manifest */
  dbId: string
  createdAt: string
  /** chosen by the administrator; absent means the default <dataDir>/backups */
  backupFolder?: string
  baseline?: Baseline
}

export function readMarker(dataDir: string): DataMarker | null {
  const file = join(dataDir, MARKER_FILE)
  if (!existsSync(file)) return null
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as DataMarker
    return parsed.format === 'duban-data' && typeof parsed.dbId === 'string' ? parsed : null
  } catch {
    // An unreadable marker still says a database was here.
    return { format: 'duban-data', dbId: 'unknown', createdAt: '' }
  }
}

/** Written to a side file and renamed, so a crash leaves the old marker or the new one, never half of one. */
export function writeMarker(dataDir: string, marker: DataMarker): void {
  const file = join(dataDir, MARKER_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(marker, null, 2))
  renameSync(`${file}.tmp`, file)
}

/** Called whenever the core opens a database: the first time, the folder records that it now holds one. */
export function ensureMarker(dataDir: string, now: Date): DataMarker {
  const existing = readMarker(dataDir)
  if (existing && existing.dbId !== 'unknown') return existing
  // an unreadable marker is rewritten with a fresh id, keeping nothing from it
  const marker: DataMarker = { format: 'duban-data', dbId: randomUUID(), createdAt: now.toISOString() }
  writeMarker(dataDir, marker)
  return marker
}

export function updateMarker(dataDir: string, change: (m: DataMarker) => DataMarker): void {
  const current = readMarker(dataDir)
  if (!current) return
  writeMarker(dataDir, change(current))
}

/** Beside the database, inside the data folder: one folder to move or copy, and test installs clean up after themselves. */
export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups')

export function backupFolderOf(dataDir: string): string {
  const chosen = readMarker(dataDir)?.backupFolder
  if (!chosen) return defaultBackupFolder(dataDir)
  return isAbsolute(chosen) ? chosen : resolve(dataDir, chosen)
}
