/**
 * Builds a large, realistic database for benchmarks: bureaus × years × ~100 tasks with monthly reports.
 * Written with raw better-sqlite3 prepared statements, one transaction per plan, instead of the services:
 * 150,000 reports through Kysely and the audit trail would take minutes, and this history is invented,
 * so there is nothing for the audit log to witness. Runs only on a fresh database file.
 */
import type BetterSqlite3 from 'better-sqlite3'
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
}

export interface GenerateStats {
  plans: number
  tasks: number
  reports: number
  units: number
  today: string
  ms: number
}

function statements(raw: BetterSqlite3.Database) {
  const p = (sql: string) => raw.prepare(sql)
  return {
    unit: p(`INSERT INTO units (name, kind, sort, created_at) VALUES (?, ?, ?, ?)`),
    user: p(
      `INSERT INTO users (username, display_name, role, unit_id, password_hash, password_salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    plan: p(
      `INSERT INTO plans (title, issuer, doc_number, issued_on, year, source_name, original_text, created_at) VALUES (?, ?, ?, ?, ?, 'generated', '', ?)`,
    ),
    list: p(`INSERT INTO lists (plan_id, name, kind, sort) VALUES (?, ?, ?, ?)`),
    section: p(`INSERT INTO sections (list_id, number, title, sort) VALUES (?, ?, ?, ?)`),
    task: p(
      `INSERT INTO tasks (plan_id, list_id, section_id, number, text, leader_id, deadline, deadline_text, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '年底前', ?, ?, ?)`,
    ),
    taskUnit: p(`INSERT INTO task_units (task_id, unit_id, role, position) VALUES (?, ?, ?, ?)`),
    milestone: p(`INSERT INTO milestones (task_id, due_on, planned_pct, title) VALUES (?, ?, ?, ?)`),
    report: p(
      `INSERT INTO reports (task_id, unit_id, period, percent, progress, problems, next_steps, status, is_final, version, return_reason, created_by, reviewed_by, submitted_at, reviewed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    close: p(`UPDATE tasks SET closed_at = ? WHERE id = ?`),
    indicator: p(
      `INSERT INTO indicators (plan_id, task_id, name, unit, comparator, target_value, baseline_value, baseline_year, target_year, growth_pct, source_text) VALUES (?, NULL, ?, ?, '>=', ?, ?, ?, ?, ?, NULL)`,
    ),
    value: p(`INSERT INTO indicator_values (indicator_id, report_id, period, value, recorded_at) VALUES (?, NULL, ?, ?, ?)`),
  }
}

const QUARTERS = [
  ['03-31', 25, '一季度'],
  ['06-30', 50, '二季度'],
  ['09-30', 75, '三季度'],
  ['12-31', 100, '全年'],
] as const

export function generateLarge(raw: BetterSqlite3.Database, opts: GenerateOptions): GenerateStats {
  const t0 = performance.now()
  const s = statements(raw)
  const random = seeded(20_210_720)
  const lastYear = opts.lastYear ?? 2021
  const firstYear = lastYear - opts.years + 1
  const perPlan = opts.tasksPerPlan ?? 100
  const today = `${lastYear}-07-20`
  const now = at(lastYear, 7, 20)
  const salt = newSalt()
  const hash = hashPassword(DEMO_PASSWORD, salt) // one scrypt for every generated account
  const stats = { plans: 0, tasks: 0, reports: 0, units: 0 }

  const bureaus = Array.from({ length: opts.bureaus }, (_, b) => {
    const [city, abbr] = CITIES[b % CITIES.length]
    const name = b < CITIES.length ? city : `${city}${Math.floor(b / CITIES.length) + 1}`
    return { name, abbr, units: [] as { id: number; head: number }[] }
  })
  raw.transaction(() => {
    raw.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('demo.today', ?)`).run(today)
    s.user.run('admin', '系统管理员', 'admin', null, hash, salt, now)
    s.user.run('juzhang', '局长', 'leader', null, hash, salt, now)
    for (const [b, bureau] of bureaus.entries())
      for (const [u, suffix] of UNIT_SUFFIXES.entries()) {
        const unitId = Number(s.unit.run(`${bureau.name}局${suffix.name}`, suffix.kind, b * 10 + u, now).lastInsertRowid)
        const head = Number(
          s.user.run(`b${b + 1}u${u + 1}`, `${bureau.name}局${suffix.name}负责人`, 'unit_head', unitId, hash, salt, now).lastInsertRowid,
        )
        if (b === 0 && u === 0) s.user.run('office', '督查专员', 'office', unitId, hash, salt, now)
        bureau.units.push({ id: unitId, head })
        stats.units++
      }
  })()
  const office = (raw.prepare(`SELECT id FROM users WHERE username = 'office'`).get() as { id: number }).id
  const leader = (raw.prepare(`SELECT id FROM users WHERE username = 'juzhang'`).get() as { id: number }).id

  for (const bureau of bureaus)
    for (let year = firstYear; year <= lastYear; year++) {
      raw.transaction(() => generatePlan(bureau, year))()
    }

  function generatePlan(bureau: (typeof bureaus)[number], year: number) {
    const issued = `${year}-02-${pad(8 + Math.floor(random() * 10))}`
    const created = at(year, 2, 20)
    const planId = Number(
      s.plan.run(
        `${bureau.name}市邮政管理局关于印发${year}年工作要点的通知`,
        `${bureau.name}市邮政管理局`,
        `${bureau.abbr}邮管〔${year}〕${3 + Math.floor(random() * 20)}号`,
        issued,
        year,
        created,
      ).lastInsertRowid,
    )
    stats.plans++
    const key = Number(s.list.run(planId, '重点工作', 'key_works', 0).lastInsertRowid)
    const points = Number(s.list.run(planId, '工作要点', 'work_points', 1).lastInsertRowid)
    const livelihood = Number(s.list.run(planId, '更贴近民生实事', 'livelihood', 2).lastInsertRowid)
    const sections = SECTIONS.map((title, i) =>
      Number(s.section.run(points, ['一', '二', '三', '四', '五', '六', '七', '八'][i] + '、', title, i).lastInsertRowid),
    )
    const keyCount = Math.round(perPlan / 10)
    const livelihoodCount = Math.min(7, Math.max(1, Math.round(perPlan * 0.07)))
    const endMonth = year === lastYear ? 6 : 12
    for (let k = 0; k < perPlan; k++) {
      const inKey = k < keyCount
      const inLivelihood = k >= perPlan - livelihoodCount
      const list = inKey ? key : inLivelihood ? livelihood : points
      const sectionIndex = Math.floor(((k - keyCount) / Math.max(1, perPlan - keyCount - livelihoodCount)) * sections.length)
      const section = inKey || inLivelihood ? null : sections[sectionIndex]
      const number = inKey ? k + 1 : inLivelihood ? k - (perPlan - livelihoodCount) + 1 : k - keyCount + 1
      const lead = bureau.units[Math.floor(random() * 5)] // the association rarely leads
      const taskId = Number(
        s.task.run(planId, list, section, number, taskText(k + year), leader, `${year}-12-31`, k, created, created).lastInsertRowid,
      )
      stats.tasks++
      s.taskUnit.run(taskId, lead.id, 'lead', 0)
      if (random() < 0.3) s.taskUnit.run(taskId, bureau.units[(bureau.units.indexOf(lead) + 1) % bureau.units.length].id, 'coop', 1)
      for (const [md, pct, title] of QUARTERS) s.milestone.run(taskId, `${year}-${md}`, pct, title)
      generateReports(taskId, lead, year, endMonth, 0.65 + random() * 0.4)
    }
    for (const [i, [name, unit, base]] of (
      [
        ['快递业务量', '亿件', 10],
        ['邮政业务收入', '亿元', 30],
        ['建制村快递服务通达率', '%', 90],
      ] as const
    ).entries()) {
      const growth = i === 2 ? 1 : 8 + Math.round(random() * 6)
      const baseline = Math.round(base * (1 + random()) * 10) / 10
      const id = Number(
        s.indicator.run(
          planId,
          name,
          unit,
          Math.round(baseline * Math.pow(1 + growth / 100, 5) * 10) / 10,
          baseline,
          year - 1,
          year + 4,
          growth,
        ).lastInsertRowid,
      )
      for (let q = 1; q * 3 <= endMonth; q++)
        s.value.run(id, `${year}-${pad(q * 3)}`, Math.round(baseline * (1 + (growth / 100) * (q / 4)) * 10) / 10, at(year, q * 3, 28))
    }
  }

  function generateReports(taskId: number, lead: { id: number; head: number }, year: number, endMonth: number, speed: number) {
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
      s.report.run(
        taskId,
        lead.id,
        `${year}-${pad(m)}`,
        pct,
        PROGRESS_TEXTS[Math.floor(random() * PROGRESS_TEXTS.length)],
        pct < 50 && random() < 0.3 ? '受客观因素影响，部分工作推进较慢。' : '',
        final ? '总结经验，形成长效机制。' : '按时间节点推进下一阶段工作。',
        status,
        final,
        status === 'returned' ? '进展描述过于笼统，请补充具体数据。' : null,
        lead.head,
        reviewed ? office : null,
        sent,
        reviewed,
        sent,
        reviewed ?? sent,
      )
      stats.reports++
      if (final && status === 'approved') {
        s.close.run(reviewed, taskId)
        return
      }
    }
  }

  return { ...stats, today, ms: Math.round(performance.now() - t0) }
}
