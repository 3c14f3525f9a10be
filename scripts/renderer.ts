import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

/** Builds the renderer when there is no build yet (or --build); returns its folder. */
export function ensureRenderer(root: string): string {
  // DUBAN_RENDERER_DIR lets test runs build into a folder of their own instead of out/renderer.
  const rendererDir = process.env.DUBAN_RENDERER_DIR || join(root, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html')) || process.argv.includes('--build')) {
    console.log('正在构建界面……')
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'src/vite.config.ts', '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit', env: { ...process.env, DUBAN_RENDERER_DIR: rendererDir } },
    )
  }
  return rendererDir
}
