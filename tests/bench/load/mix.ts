/**
 * The monthly mix as virtual users do it: divisions look at home and their tasks, save a draft, upload
 * a small file and submit; the office reviews (returning with a reason, so the loop can go on) and
 * reads the dashboard; leaders read. Every user reads the inbox.
 */
import { CallStats } from './stats'

export const WRITES = new Set(['reports.saveDraft', 'files.upload', 'reports.submit', 'reports.review'])
const PERIODS = ['2021-07', '2021-05', '2021-04', '2021-02']
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')])

export type Role = 'unit' | 'office' | 'leader'
export interface Session {
  role: Role
  token: string
  unitId: number | null
  /** this user's share of the work: tasks (unit) or pending reports (office) split among users */
  slot: number
  slots: number
}

/**
 * A tiny deterministic random source (mulberry32), so two runs make the same choices. Its seed is mixed
 * first: a plain xorshift seeded 7, 8, 9 … gives nearly the same first numbers, which put every virtual
 * user's arrival in the same 65 ms of a 10 s ramp.
 */
export function rng(seed: number) {
  let s = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

export class Client {
  constructor(
    readonly base: string,
    readonly stats: CallStats,
  ) {}

  /**
   * One timed call; resolves to the data, or undefined after recording an error or a refusal. Timed under
   * `label` when given (home.summary per role: each role's home page runs different queries).
   */
  async call(method: string, input: unknown, token?: string, label = method): Promise<any> {
    const start = performance.now()
    try {
      const res = await fetch(`${this.base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(15_000),
      })
      const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } }
      this.stats.record(label, performance.now() - start)
      if (body.ok) return body.data
      // a business refusal (another desk changed the report first), not a server fault
      if (body.error?.code === 'conflict' || body.error?.code === 'stale') this.stats.refusal(label)
      else this.stats.error(label, `${res.status} ${body.error?.code} ${body.error?.message}`)
    } catch (err) {
      this.stats.error(label, (err as Error).message)
    }
    return undefined
  }

  async upload(token: string): Promise<number | undefined> {
    const start = performance.now()
    try {
      const res = await fetch(`${this.base}/api/files.upload`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${token}`,
          'x-file-name': encodeURIComponent('佐证材料.pdf'),
        },
        body: PDF,
        signal: AbortSignal.timeout(15_000),
      })
      const body = (await res.json()) as { ok: boolean; data?: { id: number }; error?: { code: string } }
      this.stats.record('files.upload', performance.now() - start)
      if (body.ok) return body.data!.id
      this.stats.error('files.upload', `${res.status} ${body.error?.code}`)
    } catch (err) {
      this.stats.error('files.upload', (err as Error).message)
    }
    return undefined
  }
}

export interface World {
  planId: number
  think: () => Promise<void>
  random: () => number
}

/** One pass of a division person's month. Tasks this user may no longer write (approved, closed) are dropped. */
export async function unitIteration(c: Client, s: Session, w: World, mine: { tasks: number[] | null; turn: number }) {
  await c.call('home.summary', { planId: w.planId }, s.token, 'home.summary (unit)')
  await w.think()
  if (!mine.tasks) {
    const rows = (await c.call('tasks.list', { planId: w.planId, unitId: s.unitId, unitRole: 'lead' }, s.token)) as
      { id: number }[] | undefined
    mine.tasks = (rows ?? []).map((r) => r.id).filter((_, i) => i % s.slots === s.slot)
  } else {
    await c.call('tasks.list', { planId: w.planId }, s.token)
  }
  await w.think()
  if (!mine.tasks.length) {
    await c.call('inbox.list', { limit: 20 }, s.token)
    return
  }
  const taskId = mine.tasks[mine.turn++ % mine.tasks.length]
  const period = PERIODS[Math.floor(mine.turn / mine.tasks.length) % PERIODS.length]
  await c.call('tasks.get', { taskId }, s.token)
  await w.think()
  const reports = ((await c.call('reports.listForTask', { taskId }, s.token)) ?? []) as {
    period: string
    status: string
    unitId: number
    revision: number
  }[]
  const current = reports.find((r) => r.period === period && r.unitId === s.unitId)
  await w.think()
  if (!current || current.status === 'draft' || current.status === 'returned') {
    const report = { taskId, period, percent: 40 + Math.floor(w.random() * 50), progress: '按计划推进，已完成阶段性工作（压测）' }
    // every edit says which revision it was based on (optimistic concurrency)
    const draft = (await c.call('reports.saveDraft', { ...report, revision: current?.revision ?? null }, s.token)) as
      { revision: number } | undefined
    await w.think()
    if (draft) {
      const fileId = await c.upload(s.token)
      await w.think()
      await c.call('reports.submit', { ...report, revision: draft.revision, attachmentIds: fileId ? [fileId] : [] }, s.token)
      await w.think()
    }
  }
  await c.call('inbox.list', { limit: 20 }, s.token)
}

export async function officeIteration(c: Client, s: Session, w: World) {
  await c.call('home.summary', { planId: w.planId }, s.token, 'home.summary (office)')
  await w.think()
  const pending = ((await c.call('reports.pending', { planId: w.planId }, s.token)) ?? []) as { id: number }[]
  await w.think()
  for (const r of pending.filter((p) => p.id % s.slots === s.slot).slice(0, 2)) {
    await c.call('reports.review', { reportId: r.id, decision: 'return', reason: '请补充本月佐证材料（压测）' }, s.token)
    await w.think()
  }
  await c.call('dashboards.overview', { planId: w.planId }, s.token)
  await w.think()
  await c.call('inbox.list', { limit: 20 }, s.token)
}

export async function leaderIteration(c: Client, s: Session, w: World, taskIds: number[]) {
  await c.call('home.summary', { planId: w.planId }, s.token, 'home.summary (leader)')
  await w.think()
  await c.call('dashboards.overview', { planId: w.planId }, s.token)
  await w.think()
  await c.call('tasks.list', { planId: w.planId }, s.token)
  await w.think()
  if (taskIds.length) await c.call('tasks.get', { taskId: taskIds[Math.floor(w.random() * taskIds.length)] }, s.token)
  await w.think()
  await c.call('inbox.list', { limit: 20 }, s.token)
}
