import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
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

/** Newest modification time of any file under these folders or files (what the renderer's build is made from). */
function newestSource(paths: string[]): number {
  let newest = 0
  const visit = (path: string) => {
    const st = statSync(path)
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    else newest = Math.max(newest, st.mtimeMs)
  }
  for (const p of paths) if (existsSync(p)) visit(p)
  return newest
}

/**
 * The renderer as `npm run build` left it in out/renderer, when that build is newer than every source it is made
 * from (CI builds just before the tests: about a minute saved). Otherwise undefined, and the tests build their own.
 */
function currentBuild(root: string): string | undefined {
  const built = join(root, 'out', 'renderer', 'index.html')
  if (!existsSync(built)) return undefined
  const sources = ['src', 'electron/contract', 'package-lock.json'].map((p) => join(root, p))
  return statSync(built).mtimeMs > newestSource(sources) ? join(root, 'out', 'renderer') : undefined
}

/** `npm run web` on a fresh data directory (so the demo database is built) and a renderer build of its own. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-'))
  // a copy of its own, so parallel runs never serve each other's half-written files
  const rendererDir = mkdtempSync(join(tmpdir(), 'duban-e2e-renderer-'))
  const fresh = currentBuild(process.cwd())
  if (fresh) cpSync(fresh, rendererDir, { recursive: true })
  const web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_RENDERER_DIR: rendererDir }, fresh ? [] : ['--build'])
  project.provide('baseUrl', web.url)
  project.provide('dataDir', dataDir)
  project.provide('rendererDir', rendererDir)
  return () => {
    web.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(rendererDir, { recursive: true, force: true })
  }
}
