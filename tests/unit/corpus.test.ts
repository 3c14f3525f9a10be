import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BASELINE_FILE, CORPUS_DIR, loadExpectations, scoreCorpus } from '../corpus/run'
import { drops, figuresOf, type Figures } from '../corpus/baseline'
import { FORMAT_CLASSES, KNOWN_GAPS } from '../corpus/formats'
import { normaliseText } from '../corpus/normalise'

const SEEDS_DIR = join(CORPUS_DIR, '..', 'seeds')
const expectations = loadExpectations()

describe('the corpus of real documents', () => {
  it('holds at least 30 documents from at least 20 issuers over several years, each with its public address', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(30)
    const issuers = new Set(expectations.map((e) => e.issuer).filter((i) => !i.startsWith('不详')))
    expect(issuers.size).toBeGreaterThanOrEqual(20)
    expect(new Set(expectations.map((e) => e.year)).size).toBeGreaterThanOrEqual(5)
    for (const e of expectations) expect(e.source, e.id).toMatch(/^https?:\/\/\S+$/)
  })

  it('names for every expectation files that exist, and every file of the folder belongs to one expectation', () => {
    const named = new Set(expectations.flatMap((e) => e.files))
    for (const e of expectations) {
      expect(e.files[0], e.id).toBe(`${e.id}.txt`)
      for (const f of e.files) expect(existsSync(join(CORPUS_DIR, f)), f).toBe(true)
    }
    const documents = readdirSync(CORPUS_DIR).filter((f) => /\.(txt|html)$/.test(f))
    expect(documents.filter((f) => !named.has(f))).toEqual([])
  })

  it('gives every expected task a number, a text start found in the document, unit lists and well-formed targets', () => {
    for (const e of expectations) {
      const text = normaliseText(readFileSync(join(CORPUS_DIR, e.files[0]), 'utf8'))
      for (const t of e.tasks) {
        const where = `${e.id} ${t.number}`
        expect(t.number, where).not.toBe('')
        expect(text.includes(normaliseText(t.text)), `${where}: ${t.text}`).toBe(true)
        expect(Array.isArray(t.leads) && Array.isArray(t.coUnits), where).toBe(true)
        for (const g of t.targets) {
          expect(Number.isFinite(g.value), where).toBe(true)
          expect(['=', '>=', '>', '<=', '<'], where).toContain(g.comparator)
        }
      }
      for (const n of e.notTasks) expect(text.includes(normaliseText(n)), `${e.id} notTask ${n}`).toBe(true)
    }
  })

  it('shares no document with the seeds', () => {
    const seedLines = readdirSync(SEEDS_DIR).flatMap((f) =>
      readFileSync(join(SEEDS_DIR, f), 'utf8')
        .split('\n')
        .map(normaliseText)
        .filter((l) => l.length >= 30),
    )
    for (const e of expectations) {
      const text = normaliseText(readFileSync(join(CORPUS_DIR, e.files[0]), 'utf8'))
      expect(
        seedLines.filter((l) => text.includes(l)),
        e.id,
      ).toEqual([])
    }
  })

  it('covers every format class of the issue with at least two documents, except the gaps it names', () => {
    const count = (c: string) => expectations.filter((e) => e.formats.includes(c)).length
    for (const e of expectations) for (const f of e.formats) expect(Object.keys(FORMAT_CLASSES), `${e.id}: ${f}`).toContain(f)
    const covered = Object.keys(FORMAT_CLASSES).filter((c) => count(c) >= 2)
    const thin = Object.keys(FORMAT_CLASSES).filter((c) => count(c) < 2)
    expect(thin.sort()).toEqual([...KNOWN_GAPS].sort())
    expect(covered.length).toBeGreaterThanOrEqual(Object.keys(FORMAT_CLASSES).length - KNOWN_GAPS.length)
    for (const c of KNOWN_GAPS) expect(count(c), c).toBe(1)
  })
})

describe('the importer on the corpus', () => {
  it('keeps every total of recall and precision at or above the recorded baseline', async () => {
    const recorded = (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { figures: Figures }).figures
    const score = await scoreCorpus()
    expect(drops(recorded, figuresOf(score.totals))).toEqual([])
  })
})
