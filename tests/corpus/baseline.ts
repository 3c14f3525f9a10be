/**
 * The ratchet: recall and precision per field, recorded from a corpus run. The figures may
 * only go up; a test fails when a total falls below its recorded value.
 */
import { FIELDS, rates, type Field, type Tallies } from './score'

export type Figures = Record<Field, { recall: number; precision: number }>

/** Rounding noise allowed between a run and the recorded figures. */
export const EPSILON = 0.0005

const round = (x: number) => Math.round(x * 10000) / 10000

export function figuresOf(totals: Tallies): Figures {
  const out = {} as Figures
  for (const f of FIELDS) {
    const r = rates(totals[f])
    out[f] = { recall: round(r.recall), precision: round(r.precision) }
  }
  return out
}

/** Every figure of `now` that is below `recorded`, as 'leads recall 0.4120 < 0.4300'. */
export function drops(recorded: Figures, now: Figures): string[] {
  const out: string[] = []
  for (const f of FIELDS) {
    for (const k of ['recall', 'precision'] as const) {
      if (now[f][k] < recorded[f][k] - EPSILON) out.push(`${f} ${k} ${now[f][k].toFixed(4)} < ${recorded[f][k].toFixed(4)}`)
    }
  }
  return out
}
