/**
 * The server under load, in a process of its own so the load generator does not share its event loop:
 * the demo database in a temporary folder, plain HTTP on 127.0.0.1, no per-address rate limit (every
 * virtual user comes from 127.0.0.1; on a LAN each desk has its own address).
 * DUBAN_BENCH_ENGINE=postgres: the same demo in a fresh PostgreSQL database (npm run pg:start), dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../../../electron/core/app'
import { demoSamplePath } from '../../../electron/core/paths'
import { startBridge } from '../../../electron/bridge/server'
import { createTestDatabase, dropTestDatabase } from '../../support/postgres'

const dir = mkdtempSync(join(tmpdir(), 'duban-load-'))
const databaseUrl = process.env.DUBAN_BENCH_ENGINE === 'postgres' ? await createTestDatabase() : undefined
const core = await openCore({ dataDir: dir, demoSample: demoSamplePath(), databaseUrl })
const server = await startBridge({ env: core, port: 0, rateLimitPerMinute: false })
console.log(`READY ${server.url}`)

const stop = async () => {
  await server.close()
  await core.close()
  if (databaseUrl) await dropTestDatabase(databaseUrl)
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
