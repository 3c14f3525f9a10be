/**
 * npm run drill: the kill -9 loop. A child process writes reports with uploaded evidence; it is killed with SIGKILL
 * at a random moment, 20 times over; after each kill the data folder is opened as the app would open it (the start-up
 * check runs) and every write the child acknowledged must be there, its file in the store with the right SHA-256.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../electron/core/app'
import { appRoot, demoSamplePath } from '../electron/core/paths'
import { blobPath } from '../electron/core/files/store'

const TRIALS = Number(process.env.DUBAN_DRILL_TRIALS || 20)
const root = appRoot()
const dataDir = mkdtempSync(join(tmpdir(), 'duban-drill-'))

function runUntilKilled(trial: number): Promise<{ id: number; sha: string }[]> {
  return new Promise((resolvePromise, reject) => {
    // one process (tsx as a loader, not its CLI, which would run the script in a grandchild that SIGKILL misses)
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/drill-writer.ts'), dataDir, String(trial)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const acks: { id: number; sha: string }[] = []
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), 200 + Math.floor(Math.random() * 1800))
        const m = /^ACK (\d+) ([0-9a-f]{64})$/.exec(line)
        if (m) acks.push({ id: Number(m[1]), sha: m[2] })
      }
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`写入进程意外退出（第 ${trial} 次）`))
      else resolvePromise(acks)
    })
  })
}

const demo = await openCore({ dataDir, demoSample: demoSamplePath(root) })
await demo.close()
let acknowledged = 0
let lost = 0
try {
  for (let trial = 1; trial <= TRIALS; trial++) {
    const acks = await runUntilKilled(trial)
    const core = await openCore({ dataDir }) // the start-up check must accept what a kill leaves
    try {
      let lostNow = 0
      for (const a of acks) {
        const row = await core.db
          .selectFrom('attachments')
          .select('sha256')
          .where('id', '=', a.id)
          .where('sha256', '=', a.sha)
          .executeTakeFirst()
        const path = blobPath(core.files.dir, a.sha)
        const fileOk = existsSync(path) && createHash('sha256').update(readFileSync(path)).digest('hex') === a.sha
        if (!row || !fileOk) lostNow++
      }
      acknowledged += acks.length
      lost += lostNow
      console.log(`第 ${String(trial).padStart(2)} 次：确认写入 ${acks.length} 份佐证材料（上传并保存到报送草稿），丢失 ${lostNow} 条`)
    } finally {
      await core.close()
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
console.log(`${TRIALS} 次 kill -9，共确认写入 ${acknowledged} 条`)
console.log(`${lost} acknowledged writes lost`)
process.exit(lost === 0 && acknowledged > 0 ? 0 : 1)
