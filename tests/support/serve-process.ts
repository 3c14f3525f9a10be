import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:https'
import { join } from 'node:path'

export const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
export const CLI = join(process.cwd(), 'electron', 'cli', 'index.ts')

/** Starts `cli serve` (kept in `children` for clean-up) and resolves with everything it printed up to its ready line. */
export function startServe(env: Record<string, string>, children: ChildProcess[]): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(TSX, [CLI, 'serve'], {
    env: { ...process.env, DUBAN_DEMO: '0', DUBAN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('督办台已启动')) resolve({ child, output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
}

/** A JSON POST to the server's HTTPS port; its self-signed certificate is checked by fingerprint in serve.test.ts. */
export function httpsJson(port: number, path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        rejectUnauthorized: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
