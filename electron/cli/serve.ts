/** cli serve [--check]: the bureau server, or only a report of its configuration and its problems. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readServeConfig } from '../bridge/config'
import { checkServer, installProcessHandlers, runServer } from '../bridge/run'
import { appRoot, demoSamplePath } from '../core/paths'

export async function runServe(args: string[]): Promise<number> {
  const root = appRoot()
  const config = readServeConfig(process.env, join(root, '.duban-data'))
  if (args.includes('--check')) return checkServer(config, (line) => console.log(line))
  // The built renderer when there is one (npm run build or npm run serve builds it); the API serves regardless.
  const rendererDir = process.env.DUBAN_RENDERER_DIR || join(root, 'out', 'renderer')
  const server = await runServer({
    mode: 'server',
    config,
    staticRoot: existsSync(join(rendererDir, 'index.html')) ? rendererDir : undefined,
    demoSample: process.env.DUBAN_DEMO === '1' ? demoSamplePath(root) : undefined,
  })
  installProcessHandlers(server.close, (msg, err) => server.app.log.error({ err }, msg))
  // Runs until a signal stops it; the handlers exit the process.
  return new Promise<number>(() => {})
}
