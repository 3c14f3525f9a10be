/**
 * npm run web: the app in a browser, on the same core as the Electron window. The bureau server in its
 * loopback mode: plain HTTP on 127.0.0.1 only. Builds the renderer when there is no build yet.
 */
import { join } from 'node:path'
import { appRoot, dataDirFrom, demoSamplePath, wantsDemo } from '../electron/core/paths'
import { installProcessHandlers, runServer } from '../electron/bridge/run'
import { ensureRenderer } from './renderer'
import { DubanError } from '../electron/core/errors'

const root = appRoot()
const staticRoot = ensureRenderer(root)
const server = await runServer({
  mode: 'loopback',
  staticRoot,
  demoSample: wantsDemo() ? demoSamplePath(root) : undefined,
  config: {
    host: '127.0.0.1',
    port: Number(process.env.DUBAN_PORT || 5180),
    dataDir: dataDirFrom(join(root, '.duban-data')),
    tls: null,
    allowHttp: false,
    allowedHosts: [],
    rateLimitPerMinute: 0,
  },
}).catch((err: unknown) => {
  // A missing or damaged database is refused with the restore command to run; never a stack trace.
  console.error(err instanceof DubanError ? err.message : `督办台无法启动：${(err as Error).message}`)
  process.exit(1)
})
installProcessHandlers(server.close, (msg, err) => console.error(msg, err ?? ''))
