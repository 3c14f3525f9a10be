/** Runs the monthly mix against a server process and prints what it measured. Bounded in time and count. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { adminUrl } from '../../support/postgres'
import { CallStats } from './stats'
import { Client, WRITES, leaderIteration, officeIteration, rng, unitIteration, type Role, type Session, type World } from './mix'

const PASSWORD = 'Duban2021'
const UNIT_ACCOUNTS = ['scjg', 'scjg01', 'pbfw', 'xiehui', 'anquan', 'bgs']
const OFFICE_ACCOUNTS = ['office', 'admin']
const LEADER_ACCOUNTS = ['juzhang', 'fujuzhang']
/** how long the virtual users take to arrive */
const RAMP_MS = Number(process.env.DUBAN_BENCH_RAMP_S ?? 10) * 1000
/** a virtual user stops after this many passes even if time is left */
const MAX_ITERATIONS = 2000

export async function startServerProcess(engine: 'sqlite' | 'postgres' = 'sqlite'): Promise<{ url: string; child: ChildProcess }> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const child = spawn(tsx, [join(process.cwd(), 'tests', 'bench', 'load', 'server-process.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // the SQLite run ignores a DUBAN_DATABASE_URL left in the shell by pg:start
    env: { ...process.env, DUBAN_BENCH_ENGINE: engine, DUBAN_TEST_PG_URL: adminUrl(), DUBAN_DATABASE_URL: '' },
  })
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`load server exited with ${code}: ${out}`)))
  })
  return { url, child }
}

async function login(c: Client, username: string, role: Role): Promise<Omit<Session, 'slot' | 'slots'>> {
  const data = (await c.call('auth.login', { username, password: PASSWORD })) as
    { token: string; user: { unitId: number | null } } | undefined
  if (!data) throw new Error(`login failed for ${username}: ${c.stats.errorSamples.join('; ')}`)
  return { role, token: data.token, unitId: data.user.unitId }
}

/** 70 % division people, 20 % office, 10 % leaders; work split so no two users write the same report. */
async function makeSessions(c: Client, users: number): Promise<Session[]> {
  const units = Math.max(1, Math.round(users * 0.7))
  const office = users === 1 ? 0 : Math.max(1, Math.round(users * 0.2))
  const leaders = users - units - office
  const out: Session[] = []
  const perUnit = new Map<number | null, Session[]>()
  for (let i = 0; i < units; i++) {
    const s = { ...(await login(c, UNIT_ACCOUNTS[i % UNIT_ACCOUNTS.length], 'unit')), slot: 0, slots: 1 }
    const list = perUnit.get(s.unitId) ?? []
    list.push(s)
    perUnit.set(s.unitId, list)
    out.push(s)
  }
  for (const list of perUnit.values()) list.forEach((s, i) => Object.assign(s, { slot: i, slots: list.length }))
  for (let i = 0; i < office; i++)
    out.push({ ...(await login(c, OFFICE_ACCOUNTS[i % OFFICE_ACCOUNTS.length], 'office')), slot: i, slots: office })
  for (let i = 0; i < leaders; i++)
    out.push({ ...(await login(c, LEADER_ACCOUNTS[i % LEADER_ACCOUNTS.length], 'leader')), slot: 0, slots: 1 })
  return out
}

export interface LoadResult {
  users: number
  seconds: number
  calls: number
  errors: number
  callsPerSecond: number
  readP95: number
  writeP95: number
  table: ReturnType<CallStats['table']>
  errorSamples: string[]
}

/**
 * `users` virtual users for `seconds`; each waits about `thinkMs` between calls (a person reads the page).
 * With one user the baseline cycles through the roles in the same 7:2:1 proportion.
 */
export async function runLoad(base: string, opts: { users: number; seconds: number; thinkMs: number; seed: number }): Promise<LoadResult> {
  const stats = new CallStats()
  const setup = new Client(base, new CallStats())
  let sessions = await makeSessions(setup, opts.users)
  const office = (await login(setup, 'office', 'office')).token
  const plans = (await setup.call('plans.list', {}, office)) as { id: number }[]
  const planId = plans[0].id
  const taskIds = (((await setup.call('tasks.list', { planId }, office)) ?? []) as { id: number }[]).map((t) => t.id)
  if (opts.users === 1) {
    // the baseline: one person who is in turn a division, the office and a leader
    sessions = [
      { ...(await login(setup, 'scjg01', 'unit')), slot: 0, slots: 1 },
      { ...(await login(setup, 'office', 'office')), slot: 0, slots: 1 },
      { ...(await login(setup, 'juzhang', 'leader')), slot: 0, slots: 1 },
    ]
  }

  const client = new Client(base, stats)
  const started = performance.now()
  const end = started + opts.seconds * 1000
  const vu = async (index: number, roles: Session[]) => {
    const random = rng(opts.seed + index)
    const world: World = {
      planId,
      random,
      think: () => (opts.thinkMs > 0 ? new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + random()))) : Promise.resolve()),
    }
    const mine = { tasks: null as number[] | null, turn: 0 }
    // People arrive over the ramp (DUBAN_BENCH_RAMP_S, 10 s by default), not all in the same second: otherwise
    // every user's first call lands at once on a server whose pool and caches are still cold, and that burst,
    // not the steady state, sets the p95.
    if (opts.users > 1) await new Promise((r) => setTimeout(r, RAMP_MS * random()))
    const order: Session[] =
      roles.length === 1 ? roles : [roles[0], roles[0], roles[0], roles[0], roles[0], roles[0], roles[0], roles[1], roles[1], roles[2]]
    for (let i = 0; i < MAX_ITERATIONS && performance.now() < end; i++) {
      const s = order[i % order.length]
      if (s.role === 'unit') await unitIteration(client, s, world, mine)
      else if (s.role === 'office') await officeIteration(client, s, world)
      else await leaderIteration(client, s, world, taskIds)
    }
  }
  await Promise.all(opts.users === 1 ? [vu(0, sessions)] : sessions.map((s, i) => vu(i, [s])))
  const seconds = (performance.now() - started) / 1000
  return {
    users: opts.users,
    seconds: Math.round(seconds),
    calls: stats.totalCalls,
    errors: stats.totalErrors,
    callsPerSecond: Math.round(stats.totalCalls / seconds),
    readP95: stats.p95Of('read', WRITES),
    writeP95: stats.p95Of('write', WRITES),
    table: stats.table(WRITES),
    errorSamples: stats.errorSamples,
  }
}
