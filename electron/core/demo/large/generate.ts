/**
 * Builds a large, realistic database for benchmarks: bureaus × years × ~100 tasks with monthly reports.
 * Written with plain inserts through Kysely (the same on SQLite and PostgreSQL), one transaction per plan and
 * reports in batches, instead of the services: 150,000 reports through the use cases and the audit trail
 * would take minutes, and this history is invented, so there is nothing for the audit log to witness.
 * Runs only on a fresh (empty) database. Memory stays bounded by one plan's rows (about 1,200 reports), whatever
 * the size: the province (100 bureaus × 10 years, about a million reports) is written the same way, plan by plan.
 */
import type { Insertable, Transaction } from 'kysely'
import type { Db } from '../../db/connection'
import type { Database, Role } from '../../db/schema'
import { hashPassword, newSalt } from '../../users/passwords'
import { DEMO_PASSWORD } from '../accounts'
import { CITIES, PROGRESS_TEXTS, SECTIONS, UNIT_SUFFIXES, at, pad, seeded, taskText } from './shape'

export interface GenerateOptions {
  years: number
  bureaus: number
  /** tasks per plan; about 100 as in a real 工作要点 */
  tasksPerPlan?: number
  /** the last year generated is half done: its "today" is 20 July */
  lastYear?: number
  /** after each plan's transaction commits: for progress on a large run */
  onPlan?: (done: number, total: number) => void
}

/** Named sizes: a city (13 bureaus, as the provincial administration) and a province (about a million reports). */
export const DEMO_SIZES = {
  city: { years: 10, bureaus: 13 },
  province: { years: 10, bureaus: 100 },
} as const

export interface GenerateStats {
  plans: number
  tasks: number
  reports: number
  units: number
  today: string
  ms: number
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[]

/** Rows that need no id back are written in batches at the end of each plan: one statement per few hundred rows. */
async function insertBatched<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: Rows<T>): Promise<void> {
  const BATCH = 500 // well under SQLite's 32,766 bound parameters
  for (let i = 0; i < rows.length; i += BATCH)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute()
}

async function insertId<T extends 'units' | 'users' | 'plans' | 'lists' | 'sections' | 'tasks' | 'indicators'>(
  trx: Transaction<Database>,
  table: T,
  row: Insertable<Database[T]>,
): Promise<number> {
  const inserted = await trx
    .insertInto(table)
    .values(row as never)
    .returning('id' as never)
    .executeTakeFirstOrThrow()
  return Number((inserted as unknown as { id: number }).id)
}

const QUARTERS = [
  ['03-31', 25, '一季度'],
  ['06-30', 50, '二季度'],
  ['09-30', 75, '三季度'],
  ['12-31', 100, '全年'],
] as const

export async function generateLarge(db: Db, opts: GenerateOptions): Promise<GenerateStats> {
  const t0 = performance.now()
  const random = seeded(20_210_720)
  const lastYear = opts.lastYear ?? 2021
  const firstYear = lastYear - opts.years + 1
  const perPlan = opts.tasksPerPlan ?? 100
  const today = `${lastYear}-07-20`
  const now = at(lastYear, 7, 20)
  const salt = newSalt()
  const hash = hashPassword(DEMO_PASSWORD, salt) // one scrypt for every generated account
  const stats = { plans: 0, tasks: 0, reports: 0, units: 0 }
  const user = (username: string, display_name: string, role: Role, unit_id: number | null) =>
    ({ username, display_name, role, unit_id, password_hash: hash, password_salt: salt, created_at: now }) as const

  const bureaus = Array.from({ length: opts.bureaus }, (_, b) => {
    const [city, abbr] = CITIES[b % CITIES.length]
    const name = b < CITIES.length ? city : `${city}${Math.floor(b / CITIES.length) + 1}`
    return { name, abbr, units: [] as { id: number; head: number }[] }
  })
  const { office, leader } = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: 'demo.today', value: today })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: today }))
      .execute()
    await insertId(trx, 'users', user('admin', '系统管理员', 'admin', null))
    const leader = await insertId(trx, 'users', user('juzhang', '局长', 'leader', null))
    let office = 0
    for (const [b, bureau] of bureaus.entries())
      for (const [u, suffix] of UNIT_SUFFIXES.entries()) {
        const unitId = await insertId(trx, 'units', {
          name: `${bureau.name}局${suffix.name}`,
          kind: suffix.kind,
          sort: b * 10 + u,
          created_at: now,
        })
        const head = await insertId(trx, 'users', user(`b${b + 1}u${u + 1}`, `${bureau.name}局${suffix.name}负责人`, 'unit_head', unitId))
        if (b === 0 && u === 0) office = await insertId(trx, 'users', user('office', '督查专员', 'office', unitId))
        bureau.units.push({ id: unitId, head })
        stats.units++
      }
    return { office, leader }
  })

  for (const bureau of bureaus)
    for (let year = firstYear; year <= lastYear; year++) {
      await db.transaction().execute((trx) => generatePlan(trx, bureau, year))
      opts.onPlan?.(stats.plans, opts.bureaus * opts.years)
    }

  async function generatePlan(trx: Transaction<Database>, bureau: (typeof bureaus)[number], year: number) {
    const issued = `${year}-02-${pad(8 + Math.floor(random() * 10))}`
    const created = at(year, 2, 20)
    const planId = await insertId(trx, 'plans', {
      title: `${bureau.name}市邮政管理局关于印发${year}年工作要点的通知`,
      issuer: `${bureau.name}市邮政管理局`,
      doc_number: `${bureau.abbr}邮管〔${year}〕${3 + Math.floor(random() * 20)}号`,
      issued_on: issued,
      year,
      source_name: 'generated',
      original_text: '',
      created_at: created,
    })
    stats.plans++
    const list = (name: string, kind: string, sort: number) => insertId(trx, 'lists', { plan_id: planId, name, kind, sort })
    const key = await list('重点工作', 'key_works', 0)
    const points = await list('工作要点', 'work_points', 1)
    const livelihood = await list('更贴近民生实事', 'livelihood', 2)
    const sections: number[] = []
    for (const [i, title] of SECTIONS.entries())
      sections.push(
        await insertId(trx, 'sections', {
          list_id: points,
          number: ['一', '二', '三', '四', '五', '六', '七', '八'][i] + '、',
          title,
          sort: i,
        }),
      )
    // Every row of the plan's tasks is built first, with the task's position (k) where its id will go; the tasks
    // are then inserted in batches and their ids read back by position: a few statements per plan, not one per task.
    const taskRows: Rows<'tasks'> = []
    const taskUnits: Rows<'task_units'> = []
    const milestones: Rows<'milestones'> = []
    const reports: Rows<'reports'> = []
    const closes: { id: number; at: string }[] = []
    const keyCount = Math.round(perPlan / 10)
    const livelihoodCount = Math.min(7, Math.max(1, Math.round(perPlan * 0.07)))
    const endMonth = year === lastYear ? 6 : 12
    for (let k = 0; k < perPlan; k++) {
      const inKey = k < keyCount
      const inLivelihood = k >= perPlan - livelihoodCount
      const listId = inKey ? key : inLivelihood ? livelihood : points
      const sectionIndex = Math.floor(((k - keyCount) / Math.max(1, perPlan - keyCount - livelihoodCount)) * sections.length)
      const section = inKey || inLivelihood ? null : sections[sectionIndex]
      const number = inKey ? k + 1 : inLivelihood ? k - (perPlan - livelihoodCount) + 1 : k - keyCount + 1
      const lead = bureau.units[Math.floor(random() * 5)] // the association rarely leads
      taskRows.push({
        plan_id: planId,
        list_id: listId,
        section_id: section,
        number,
        text: taskText(k + year),
        leader_id: leader,
        deadline: `${year}-12-31`,
        deadline_text: '年底前',
        sort: k,
        created_at: created,
        updated_at: created,
      })
      stats.tasks++
      taskUnits.push({ task_id: k, unit_id: lead.id, role: 'lead', position: 0 })
      if (random() < 0.3)
        taskUnits.push({
          task_id: k,
          unit_id: bureau.units[(bureau.units.indexOf(lead) + 1) % bureau.units.length].id,
          role: 'coop',
          position: 1,
        })
      for (const [md, pct, title] of QUARTERS) milestones.push({ task_id: k, due_on: `${year}-${md}`, planned_pct: pct, title })
      generateReports(k, lead, year, endMonth, 0.65 + random() * 0.4, reports, closes)
    }
    for (const c of closes) taskRows[c.id].closed_at = c.at
    await insertBatched(trx, 'tasks', taskRows)
    const ids = (await trx.selectFrom('tasks').select('id').where('plan_id', '=', planId).orderBy('sort').execute()).map((r) =>
      Number(r.id),
    )
    for (const rows of [taskUnits, milestones, reports]) for (const r of rows) r.task_id = ids[r.task_id]
    await insertBatched(trx, 'task_units', taskUnits)
    await insertBatched(trx, 'milestones', milestones)
    await insertBatched(trx, 'reports', reports)
    const values: Rows<'indicator_values'> = []
    for (const [i, [name, unit, base]] of (
      [
        ['快递业务量', '亿件', 10],
        ['邮政业务收入', '亿元', 30],
        ['建制村快递服务通达率', '%', 90],
      ] as const
    ).entries()) {
      const growth = i === 2 ? 1 : 8 + Math.round(random() * 6)
      const baseline = Math.round(base * (1 + random()) * 10) / 10
      const id = await insertId(trx, 'indicators', {
        plan_id: planId,
        task_id: null,
        name,
        unit,
        comparator: '>=',
        target_value: Math.round(baseline * Math.pow(1 + growth / 100, 5) * 10) / 10,
        baseline_value: baseline,
        baseline_year: year - 1,
        target_year: year + 4,
        growth_pct: growth,
        source_text: null,
      })
      for (let q = 1; q * 3 <= endMonth; q++)
        values.push({
          indicator_id: id,
          report_id: null,
          period: `${year}-${pad(q * 3)}`,
          value: Math.round(baseline * (1 + (growth / 100) * (q / 4)) * 10) / 10,
          recorded_at: at(year, q * 3, 28),
        })
    }
    await insertBatched(trx, 'indicator_values', values)
  }

  function generateReports(
    taskId: number,
    lead: { id: number; head: number },
    year: number,
    endMonth: number,
    speed: number,
    reports: Rows<'reports'>,
    closes: { id: number; at: string }[],
  ) {
    for (let m = 1; m <= endMonth; m++) {
      if (random() < 0.03) continue // a month nobody reported
      let pct = Math.min(100, Math.round(((m / 12) * 100 * speed) / 5) * 5)
      if (m === 12 && random() < 0.7) pct = 100
      const late = random() < 0.12
      const sentDay = late ? 26 + Math.floor(random() * 3) : 15 + Math.floor(random() * 10)
      const sent = at(year, m, sentDay)
      const current = year * 100 + m === Number(today.slice(0, 4)) * 100 + 6
      const roll = random()
      const status = current && roll < 0.3 ? 'submitted' : current && roll < 0.35 ? 'returned' : 'approved'
      const reviewed = status === 'submitted' ? null : at(year, m, sentDay + 1 + Math.floor(random() * 3), 15)
      const final = pct === 100 ? 1 : 0
      reports.push({
        task_id: taskId,
        unit_id: lead.id,
        period: `${year}-${pad(m)}`,
        percent: pct,
        progress: PROGRESS_TEXTS[Math.floor(random() * PROGRESS_TEXTS.length)],
        problems: pct < 50 && random() < 0.3 ? '受客观因素影响，部分工作推进较慢。' : '',
        next_steps: final ? '总结经验，形成长效机制。' : '按时间节点推进下一阶段工作。',
        status,
        is_final: final,
        version: 1,
        return_reason: status === 'returned' ? '进展描述过于笼统，请补充具体数据。' : null,
        created_by: lead.head,
        reviewed_by: reviewed ? office : null,
        submitted_at: sent,
        reviewed_at: reviewed,
        created_at: sent,
        updated_at: reviewed ?? sent,
      })
      stats.reports++
      if (final && status === 'approved') {
        closes.push({ id: taskId, at: reviewed! })
        return
      }
    }
  }

  return { ...stats, today, ms: Math.round(performance.now() - t0) }
}
