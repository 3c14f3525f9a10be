import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startWeb } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    dataDir: string
  }
}

/** `npm run web` on a fresh data directory (so the demo database is built) and a fresh build. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-'))
  const web = await startWeb({ DUBAN_DATA_DIR: dataDir }, ['--build'])
  project.provide('baseUrl', web.url)
  project.provide('dataDir', dataDir)
  return () => {
    web.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
