import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface WebServer {
  url: string
  port: number
  stop(): void
  /** stops it and resolves once the process has exited (a restart on the same port) */
  stopped(): Promise<void>
}

/** Starts `npm run web` as a person would, and waits for it to say it is ready. */
export async function startWeb(env: Record<string, string>, args: string[] = [], fixedPort?: number): Promise<WebServer> {
  const port = fixedPort ?? (await freePort())
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'web', '--', ...args], {
    env: { ...process.env, ...env, DUBAN_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping ends npm and the server together
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      /* already gone */
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop,
    async stopped() {
      stop()
      await exited
    },
  }
}
