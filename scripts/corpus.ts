/**
 * `npm run corpus`: the importer's recall and precision on the in-repo corpus, per document,
 * per format class and in total. `npm run corpus -- --update-baseline` records today's totals
 * as the new floor, and refuses if any of them is lower than the floor already recorded.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { drops, figuresOf, type Figures } from '../tests/corpus/baseline'
import { BASELINE_FILE, scoreCorpus } from '../tests/corpus/run'
import { FIELDS, rates, type Tallies } from '../tests/corpus/score'

const pct = (x: number) => `${(x * 100).toFixed(0).padStart(3)}%`

function row(name: string, t: Tallies, extra = ''): string {
  const cells = FIELDS.map((f) => {
    const r = rates(t[f])
    return t[f].expected === 0 && t[f].found === 0 ? '    –     ' : `${pct(r.recall)} ${pct(r.precision)}`
  })
  return `${name.padEnd(44)} ${cells.join(' | ')}${extra}`
}

async function main(): Promise<number> {
  const update = process.argv.includes('--update-baseline')
  const score = await scoreCorpus()
  const header = `${'document (recall precision)'.padEnd(44)} ${FIELDS.map((f) => f.padEnd(9)).join(' | ')}`
  console.log(header)
  for (const f of score.files) {
    const notes = [f.error ? ` 读取失败: ${f.error}` : '', f.notTaskHits.length ? ` 误作任务: ${f.notTaskHits.join('；')}` : '']
    console.log(row(f.file, f.tallies, notes.join('')))
  }
  console.log('\nby format class')
  for (const [name, t] of Object.entries(score.byFormat).sort(([a], [b]) => a.localeCompare(b))) console.log(row(name, t))
  console.log('')
  console.log(row('TOTAL', score.totals))
  for (const f of FIELDS) {
    const t = score.totals[f]
    console.log(`  ${f.padEnd(9)} expected ${t.expected}, found ${t.found}, agreed ${t.hit}`)
  }

  const now = figuresOf(score.totals)
  const recorded = existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { figures: Figures }).figures : null
  const fallen = recorded ? drops(recorded, now) : []
  if (fallen.length) console.log(`\nbelow the baseline: ${fallen.join('; ')}`)
  if (!update) return fallen.length ? 1 : 0
  if (fallen.length) {
    console.error('baseline not updated: it may only go up')
    return 1
  }
  const documents = new Set(score.files.map((f) => f.id)).size
  writeFileSync(BASELINE_FILE, JSON.stringify({ documents, files: score.files.length, figures: now }, null, 1) + '\n')
  console.log(`baseline updated: ${BASELINE_FILE}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e)
    process.exit(2)
  },
)
