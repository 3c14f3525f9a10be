/**
 * Growth goals: 增长6%左右 → 6 % =, 增长8%以上 → 8 % >=, 增长16% → 16 % =. Reported growth
 * (同比增长28.6%) is progress, not a goal, and is left out.
 */
import type { Comparator, TargetDraft } from '../types'

const GROWTH = /(同比)?(?:年均)?增长\s*(\d+(?:\.\d+)?)\s*[%％]\s*(左右|以上|以内|以下)?/g

const COMPARATOR: Record<string, Comparator> = { 左右: '=', 以上: '>=', 以内: '<=', 以下: '<=' }

export function findGrowthTargets(text: string): TargetDraft[] {
  const out: TargetDraft[] = []
  for (const m of text.matchAll(GROWTH)) {
    if (m[1]) continue
    const before =
      text
        .slice(0, m.index)
        .split(/[，,。；;、]/)
        .pop() ?? ''
    out.push({
      value: Number(m[2]),
      unit: '%',
      comparator: m[3] ? COMPARATOR[m[3]] : '=',
      about: `${before.replace(/^(力争|确保|努力实现|实现)/, '').trim()}增长`,
      text: m[0].trim(),
    })
  }
  return out
}

/** Adds growth goals the general target reader did not already find at the same value. */
export function withGrowthTargets(text: string, found: TargetDraft[]): TargetDraft[] {
  const extra = findGrowthTargets(text).filter((g) => !found.some((f) => f.unit === '%' && f.value === g.value))
  return [...found, ...extra]
}
