import { describe, expect, it } from 'vitest'
import { rng } from '../bench/load/mix'

// The load bench's virtual users arrive at rng(seed + index)() of the ramp; seeds next to each other
// must not give arrivals next to each other (they once all fell in the first 1 % of the ramp).
describe('the load mix’s random source', () => {
  it('spreads the first numbers of neighbouring seeds over the whole range', () => {
    const firsts = Array.from({ length: 100 }, (_, i) => rng(7 + i)()).sort((a, b) => a - b)
    expect(firsts[0]).toBeGreaterThanOrEqual(0)
    expect(firsts[99]).toBeLessThan(1)
    for (const [q, at] of [
      [0.25, 24],
      [0.5, 49],
      [0.75, 74],
    ] as const)
      expect(Math.abs(firsts[at] - q)).toBeLessThan(0.15)
  })

  it('is the same sequence for the same seed, and about uniform', () => {
    const a = rng(3)
    const b = rng(3)
    const xs = Array.from({ length: 10_000 }, () => a())
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()))
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.02)
  })
})
