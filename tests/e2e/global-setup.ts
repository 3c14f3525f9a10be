import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startWeb } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    dataDir: string
    rendererDir: string
  }
}

/** `npm run web` on a fresh data directory (so the demo database is built) and a fresh build. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-'))
  // a build of its own, so parallel runs never serve each other's half-written files
  const rendererDir = mkdtempSync(join(tmpdir(), 'duban-e2e-renderer-'))
  const web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_RENDERER_DIR: rendererDir }, ['--build'])
  project.provide('baseUrl', web.url)
  project.provide('dataDir', dataDir)
  project.provide('rendererDir', rendererDir)
  return () => {
    web.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(rendererDir, { recursive: true, force: true })
  }
}
