import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

const src = fileURLToPath(new URL('./src', import.meta.url))

// The process zone is not pinned: the core reads days in the bureau's zone (a setting), so the suite must
// pass in any zone. .ci/run runs it under TZ=Asia/Shanghai and the date-sensitive projects again under TZ=UTC.

export default defineConfig({
  resolve: { alias: { '@': src } },
  test: {
    // Benchmarks belong to the 'bench' project only (vitest's default pattern would give every project a copy).
    benchmark: { include: [] },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', pool: 'forks' },
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['element-plus'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      { extends: true, test: { name: 'bench', include: [], benchmark: { include: ['tests/bench/**/*.bench.ts'] } } },
    ],
  },
})
