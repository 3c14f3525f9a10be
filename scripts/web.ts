/**
 * npm run web: the app in a browser, on the same core as the Electron window.
 * Builds the renderer when there is no build yet, opens (or creates the demo) database and serves both.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { openCore } from '../electron/core/app'
import { appRoot, dataDirFrom, demoSamplePath, wantsDemo } from '../electron/core/paths'
import { startBridge } from '../electron/bridge/server'

const root = appRoot()
// DUBAN_RENDERER_DIR lets test runs build into a folder of their own instead of out/renderer.
const rendererDir = process.env.DUBAN_RENDERER_DIR || join(root, 'out', 'renderer')

if (!existsSync(join(rendererDir, 'index.html')) || process.argv.includes('--build')) {
  console.log('正在构建界面……')
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'src/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DUBAN_RENDERER_DIR: rendererDir },
    },
  )
}

const dataDir = dataDirFrom(join(root, '.duban-data'))
const core = await openCore({ dataDir, demoSample: wantsDemo() ? demoSamplePath(root) : undefined })
const port = Number(process.env.DUBAN_PORT || 5180)
const { server, url } = await startBridge({ env: core, staticRoot: rendererDir, port })
console.log(`督办台已启动：${url}  （数据目录：${dataDir}）`)

const stop = () => {
  core.events.close() // ends the open event streams, so the server can close
  server.close()
  void core.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
