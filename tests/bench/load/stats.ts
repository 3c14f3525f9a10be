/** Latency figures per call: count, errors, p50/p95/p99 in milliseconds. */
export class CallStats {
  private readonly times = new Map<string, number[]>()
  private readonly errors = new Map<string, number>()
  private readonly refusals = new Map<string, number>()
  readonly errorSamples: string[] = []

  record(name: string, ms: number) {
    let list = this.times.get(name)
    if (!list) this.times.set(name, (list = []))
    list.push(ms)
  }
  error(name: string, detail: string) {
    this.errors.set(name, (this.errors.get(name) ?? 0) + 1)
    if (this.errorSamples.length < 10) this.errorSamples.push(`${name}: ${detail}`)
  }
  /** a business rule said no (e.g. a report already approved): correct behaviour, counted apart */
  refusal(name: string) {
    this.refusals.set(name, (this.refusals.get(name) ?? 0) + 1)
  }

  get totalCalls() {
    let n = 0
    for (const l of this.times.values()) n += l.length
    return n
  }
  get totalErrors() {
    let n = 0
    for (const e of this.errors.values()) n += e
    return n
  }

  table(writes: Set<string>) {
    const pct = (sorted: number[], p: number) =>
      sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN
    const names = [...new Set([...this.times.keys(), ...this.errors.keys()])].sort()
    return names.map((name) => {
      const sorted = [...(this.times.get(name) ?? [])].sort((a, b) => a - b)
      return {
        call: name,
        kind: writes.has(name) ? 'write' : 'read',
        count: sorted.length,
        errors: this.errors.get(name) ?? 0,
        refused: this.refusals.get(name) ?? 0,
        p50: Math.round(pct(sorted, 50)),
        p95: Math.round(pct(sorted, 95)),
        p99: Math.round(pct(sorted, 99)),
      }
    })
  }

  /** p95 over all calls of one kind */
  p95Of(kind: 'read' | 'write', writes: Set<string>) {
    const all: number[] = []
    for (const [name, list] of this.times) if (writes.has(name) === (kind === 'write')) all.push(...list)
    all.sort((a, b) => a - b)
    return all.length ? Math.round(all[Math.floor(0.95 * all.length)]) : NaN
  }
}
