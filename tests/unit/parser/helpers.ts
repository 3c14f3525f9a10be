import { readFileSync } from 'node:fs'
import path from 'node:path'

const shared = path.resolve(__dirname, '../../fixtures')

export const readSeed = (name: string) => readFileSync(path.join(shared, 'seeds', name), 'utf8')

export interface ExpectedTarget {
  value: number
  unit: string
  comparator?: string
  about: string
}
export interface ExpectedItem {
  number: number
  textStart: string
  leads: string[]
  targets?: ExpectedTarget[]
}
export interface ExpectedList {
  name: string
  expectedCount: number
  sections: { number?: string; title: string | null; items: ExpectedItem[] }[]
  numberingGaps?: number[]
}
export interface Expected {
  docNumber: string
  issuer: string
  issuedOn: string
  lists: ExpectedList[]
  annualIndicators: { name: string; target: number; unit: string; growthPct: number }[]
}

export const expectedSuzhou = (): Expected =>
  JSON.parse(readFileSync(path.join(shared, 'expected', 'suzhou-2021.json'), 'utf8')) as Expected

const strip = (s: string) => s.replace(/[“”"‘’《》\s]/g, '')

/** Same measured thing, loosely: one contains the other, or they end in the same noun. */
export function sameAbout(expected: string, actual: string): boolean {
  const e = strip(expected)
  const a = strip(actual)
  return a.includes(e) || e.includes(a) || (a.length >= 2 && a.slice(-2) === e.slice(-2))
}
