import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
import { existsSync } from 'node:fs'

/** Finds the repository (or packaged app) root by walking up to package.json. */
export function appRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
  return dir
}

export const demoSamplePath = (root = appRoot()) => join(root, 'resources', 'samples', 'suzhou-2021-work-points.txt')

/** DUBAN_DATA_DIR wins; otherwise the caller's default (Electron's userData, or ./.duban-data for web). */
export const dataDirFrom = (fallback: string) => resolve(process.env.DUBAN_DATA_DIR || fallback)

/** DUBAN_DEMO=0 starts an empty database (the first administrator is asked for a password) instead of the demo. */
export const wantsDemo = () => process.env.DUBAN_DEMO !== '0'
