/**
 * Runs the app's importer (the readers, then parsePlanText — what `import --dry-run` does)
 * on every document of tests/fixtures/corpus and scores it against its expectation.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readPlanFile } from '../../electron/core/importers'
import { parsePlanText } from '../../electron/core/importers/parser'
import type { PlanDraft } from '../../electron/core/importers/types'
import { addTallies, scoreDocument, zeroTallies, type DocumentScore, type Expectation, type FoundTask, type Tallies } from './score'

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))
export const BASELINE_FILE = join(CORPUS_DIR, 'baseline.json')

export interface FileScore extends DocumentScore {
  id: string
  file: string
  formats: string[]
  /** the reader's message when the file could not be read at all */
  error: string | null
}

export interface CorpusScore {
  files: FileScore[]
  totals: Tallies
  byFormat: Record<string, Tallies>
}

export function loadExpectations(dir = CORPUS_DIR): Expectation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expectation)
}

export function foundTasks(draft: PlanDraft): FoundTask[] {
  return draft.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
}

async function readAndParse(dir: string, file: string): Promise<{ found: FoundTask[]; error: string | null }> {
  try {
    const { text } = await readPlanFile(file, new Uint8Array(readFileSync(join(dir, file))))
    return { found: foundTasks(parsePlanText(text)), error: null }
  } catch (e) {
    // An unreadable file is scored as one that yields nothing: the office would have to retype it.
    return { found: [], error: e instanceof Error ? e.message : String(e) }
  }
}

export async function scoreCorpus(dir = CORPUS_DIR): Promise<CorpusScore> {
  const files: FileScore[] = []
  const totals = zeroTallies()
  const byFormat: Record<string, Tallies> = {}
  for (const expectation of loadExpectations(dir)) {
    for (const file of expectation.files) {
      const { found, error } = await readAndParse(dir, file)
      const score = scoreDocument(expectation, found)
      files.push({ id: expectation.id, file, formats: expectation.formats, error, ...score })
      addTallies(totals, score.tallies)
      for (const f of expectation.formats) addTallies((byFormat[f] ??= zeroTallies()), score.tallies)
    }
  }
  return { files, totals, byFormat }
}
