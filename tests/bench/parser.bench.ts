import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, describe, test } from 'vitest'
import { parsePlanText } from '../../electron/core/importers/parser'
import { generatedPlan } from './generated-plan'

const suzhou = readFileSync(resolve(__dirname, '../fixtures/seeds/suzhou-2021-work-points.txt'), 'utf8')
const inputs: [string, string][] = [
  ['Suzhou 2021 (88 items)', suzhou],
  ['generated 1,000 items', generatedPlan(1_000)],
  ['generated 10,000 items', generatedPlan(10_000)],
]

const taskCount = (text: string) => parsePlanText(text).lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)

/** Our own timing, independent of the bench reporter, so the figures can be printed as items per second. */
function medianMs(text: string, runs: number): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    parsePlanText(text)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

// Vitest 5 runs benchmarks from the test context; nothing here asserts a time.
describe('parsePlanText', () => {
  for (const [name, text] of inputs)
    test(name, { timeout: 120_000 }, async ({ bench }) => {
      await bench(name, () => void parsePlanText(text)).run()
    })
})

afterAll(() => {
  const rows = inputs.map(([input, text]) => {
    const items = taskCount(text)
    const ms = medianMs(text, items > 5000 ? 7 : 25)
    return { input, items, 'median ms': Number(ms.toFixed(2)), 'items/s': Math.round((items / ms) * 1000) }
  })
  console.log('\nParser figures (median of repeated runs; not asserted):')
  console.table(rows)
})
