import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    dataDir: string
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** Starts `npm run web` exactly as a person would, on a fresh data directory, with a fresh build. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'web', '--', '--build'], {
    env: { ...process.env, DUBAN_DATA_DIR: dataDir, DUBAN_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so teardown stops npm and the server together
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web did not start in time:\n${output}`)), 180_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('督办台已启动')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run web exited with ${code}:\n${output}`))
    })
  })
  project.provide('baseUrl', `http://127.0.0.1:${port}`)
  project.provide('dataDir', dataDir)
  return () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      /* already gone */
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
}
