import { defineConfig, type UserConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath } from 'node:url'

const srcDir = fileURLToPath(new URL('.', import.meta.url))
// DUBAN_RENDERER_DIR: test runs build into a folder of their own (see scripts/web.ts)
const outDir = process.env.DUBAN_RENDERER_DIR || fileURLToPath(new URL('../out/renderer', import.meta.url))

/** The renderer's build, shared by `vite build -c src/vite.config.ts` (npm run web) and electron-vite. */
export const rendererConfig: UserConfig = {
  root: srcDir,
  // relative asset paths: the same build loads from file:// in Electron and over HTTP
  base: './',
  resolve: { alias: { '@': srcDir } },
  plugins: [
    vue(),
    Components({
      dts: false,
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
  },
  server: { port: 5173, strictPort: false },
}

export default defineConfig(rendererConfig)
