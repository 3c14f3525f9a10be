/** npm run serve: the bureau server on the LAN (HTTPS by default). See README「单位服务器」. */
import { join } from 'node:path'
import { appRoot, demoSamplePath } from '../electron/core/paths'
import { readServeConfig } from '../electron/bridge/config'
import { installProcessHandlers, runServer } from '../electron/bridge/run'
import { ensureRenderer } from './renderer'

const root = appRoot()
const config = readServeConfig(process.env, join(root, '.duban-data'))
const staticRoot = ensureRenderer(root)
try {
  const server = await runServer({
    mode: 'server',
    staticRoot,
    config,
    // the bureau's real server starts empty; DUBAN_DEMO=1 only for trying it out
    demoSample: process.env.DUBAN_DEMO === '1' ? demoSamplePath(root) : undefined,
  })
  installProcessHandlers(server.close, (msg, err) => server.app.log.error({ err }, msg))
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
}
