/**
 * Field-by-field scoring of what the importer read against a hand-checked expectation.
 * Pure: no files, no importer. Tasks are paired one to one by the start of their text
 * (the visible number only breaks ties); every other field is scored on those pairs.
 */
import type { Comparator } from '../../electron/core/importers/types'
import { normaliseText, normaliseUnit, sameUnitSet, stripNumbering } from './normalise'

export interface ExpectedTarget {
  value: number
  unit: string
  comparator: Comparator
}

export interface ExpectedTask {
  /** path of visible numbers, e.g. "一/3" or "一/(二)/1" */
  number: string
  /** the first dozen characters of the item as written */
  text: string
  leads: string[]
  coUnits: string[]
  /** as written or ISO; a list when the item names more than one acceptable date */
  deadline: string | string[] | null
  targets: ExpectedTarget[]
}

export interface Expectation {
  id: string
  files: string[]
  source: string
  issuer: string
  year: number
  kind: string
  formats: string[]
  tasks: ExpectedTask[]
  notTasks: string[]
  notes?: string
}

/** The part of a parsed task the scorer looks at (a TaskDraft fits). */
export interface FoundTask {
  number: number
  text: string
  leads: string[]
  coops: string[]
  deadline: string | null
  deadlineText: string | null
  targets: { value: number; unit: string; comparator: Comparator }[]
}

export const FIELDS = ['tasks', 'leads', 'coUnits', 'deadlines', 'targets'] as const
export type Field = (typeof FIELDS)[number]

/** expected: items in the expectation; found: items the importer gave; hit: items both agree on. */
export interface Tally {
  expected: number
  found: number
  hit: number
}

export type Tallies = Record<Field, Tally>

export interface DocumentScore {
  tallies: Tallies
  /** parsed tasks whose text starts like something the expectation says is not a task */
  notTaskHits: string[]
  /** expected tasks nobody matched, for the report */
  missed: string[]
}

/** Share of the text start's character pairs found in the candidate's opening (Dice). */
function bigramDice(a: string, b: string): number {
  const pairs = (s: string) => {
    const out = new Map<string, number>()
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1)
    return out
  }
  const pa = pairs(a)
  const pb = pairs(b)
  let common = 0
  for (const [k, n] of pa) common += Math.min(n, pb.get(k) ?? 0)
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0)
  return total === 0 ? 0 : (2 * common) / total
}

/** 0…1: how well a parsed task's text fits an expected text start. */
export function textSimilarity(expectedStart: string, foundText: string): number {
  const e = normaliseText(expectedStart)
  const f = normaliseText(stripNumbering(foundText))
  if (!e || !f) return 0
  if (f.startsWith(e) || e.startsWith(f.slice(0, e.length))) return 1
  return bigramDice(e, f.slice(0, e.length + 4))
}

const MATCH_THRESHOLD = 0.6

function lastNumber(path: string): number | null {
  const parts = path.split('/')
  const m = parts[parts.length - 1].match(/\d+/)
  return m ? Number(m[0]) : null
}

/** One-to-one pairs (expected index, found index), best text fits first. */
export function pairTasks(expected: ExpectedTask[], found: FoundTask[]): [number, number][] {
  const candidates: { e: number; f: number; score: number }[] = []
  expected.forEach((et, e) => {
    const wanted = lastNumber(et.number)
    found.forEach((ft, f) => {
      const sim = textSimilarity(et.text, ft.text)
      if (sim < MATCH_THRESHOLD) return
      candidates.push({ e, f, score: sim + (wanted !== null && wanted === ft.number ? 0.1 : 0) })
    })
  })
  candidates.sort((a, b) => b.score - a.score || a.e - b.e || a.f - b.f)
  const usedE = new Set<number>()
  const usedF = new Set<number>()
  const pairs: [number, number][] = []
  for (const c of candidates) {
    if (usedE.has(c.e) || usedF.has(c.f)) continue
    usedE.add(c.e)
    usedF.add(c.f)
    pairs.push([c.e, c.f])
  }
  return pairs
}

const ISO = /^\d{4}-\d{2}-\d{2}$/

export function deadlineMatches(expected: string | string[], found: FoundTask): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected]
  const foundText = found.deadlineText ? normaliseText(found.deadlineText) : ''
  return wanted.some((w) => {
    if (ISO.test(w)) return found.deadline === w
    const n = normaliseText(w)
    return foundText !== '' && (foundText === n || foundText.includes(n) || n.includes(foundText))
  })
}

/** How many expected targets the found ones reproduce (value, unit and comparison), each used once. */
export function targetHits(expected: ExpectedTarget[], found: FoundTask['targets']): number {
  const left = [...found]
  let hits = 0
  for (const t of expected) {
    const at = left.findIndex(
      (f) => Math.abs(f.value - t.value) < 1e-9 && normaliseUnit(f.unit) === normaliseUnit(t.unit) && f.comparator === t.comparator,
    )
    if (at < 0) continue
    hits++
    left.splice(at, 1)
  }
  return hits
}

const emptyTallies = (): Tallies => ({
  tasks: { expected: 0, found: 0, hit: 0 },
  leads: { expected: 0, found: 0, hit: 0 },
  coUnits: { expected: 0, found: 0, hit: 0 },
  deadlines: { expected: 0, found: 0, hit: 0 },
  targets: { expected: 0, found: 0, hit: 0 },
})

export function scoreDocument(expectation: Pick<Expectation, 'tasks' | 'notTasks'>, found: FoundTask[]): DocumentScore {
  const t = emptyTallies()
  const expected = expectation.tasks
  t.tasks.expected = expected.length
  t.tasks.found = found.length
  t.leads.expected = expected.filter((e) => e.leads.length > 0).length
  t.leads.found = found.filter((f) => f.leads.length > 0).length
  t.coUnits.expected = expected.filter((e) => e.coUnits.length > 0).length
  t.coUnits.found = found.filter((f) => f.coops.length > 0).length
  t.deadlines.expected = expected.filter((e) => e.deadline !== null).length
  t.deadlines.found = found.filter((f) => f.deadline !== null || f.deadlineText !== null).length
  t.targets.expected = expected.reduce((n, e) => n + e.targets.length, 0)
  t.targets.found = found.reduce((n, f) => n + f.targets.length, 0)

  const pairs = pairTasks(expected, found)
  t.tasks.hit = pairs.length
  for (const [ei, fi] of pairs) {
    const e = expected[ei]
    const f = found[fi]
    if (e.leads.length > 0 && sameUnitSet(e.leads, f.leads)) t.leads.hit++
    if (e.coUnits.length > 0 && sameUnitSet(e.coUnits, f.coops)) t.coUnits.hit++
    if (e.deadline !== null && deadlineMatches(e.deadline, f)) t.deadlines.hit++
    t.targets.hit += targetHits(e.targets, f.targets)
  }
  const paired = new Set(pairs.map(([e]) => e))
  const missed = expected.filter((_, i) => !paired.has(i)).map((e) => `${e.number} ${e.text}`)
  const notTaskHits = found
    .filter((f) => expectation.notTasks.some((n) => textSimilarity(n, f.text) === 1))
    .map((f) => normaliseText(f.text).slice(0, 16))
  return { tallies: t, notTaskHits, missed }
}

export function addTallies(into: Tallies, more: Tallies): Tallies {
  for (const k of FIELDS) {
    into[k].expected += more[k].expected
    into[k].found += more[k].found
    into[k].hit += more[k].hit
  }
  return into
}

export const zeroTallies = emptyTallies

/** Recall and precision; a side with nothing to find counts as perfect. */
export function rates(t: Tally): { recall: number; precision: number } {
  return { recall: t.expected === 0 ? 1 : t.hit / t.expected, precision: t.found === 0 ? 1 : t.hit / t.found }
}
