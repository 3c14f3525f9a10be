/**
 * What changed since last month (环比): new reds, matters cleared, milestones missed and rank changes, for the
 * dashboard and for a section of the draft 督查通报. Pure over the event history; the service loads it.
 */
import type { Ctx } from '../context'
import { DubanError } from '../errors'
import { requireRole } from '../users/rules'
import { PERIOD } from '../reports/rules'
import { reportedPctOn, type History } from '../escalation/history'
import { loadHistory } from '../escalation/load'
import { assess, type ScoringRules } from './rules'
import { readScoringRules } from './service'

export interface MonthFigures {
  newReds: number
  cleared: number
  milestonesMissed: number
}

export interface RankChange {
  unitId: number
  unitName: string
  score: number
  rank: number
  previousRank: number | null
  /** positive: moved up */
  change: number | null
}

export interface MonthOnMonth {
  period: string
  previous: string
  current: MonthFigures
  before: MonthFigures
  ranks: RankChange[]
  /** 红榜 / 黑榜: the top and bottom three of the month, when the rules show them */
  redBoard: RankChange[]
  blackBoard: RankChange[]
  /** the section of the 督查通报, ready to edit */
  paragraphs: string[]
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/** The month's figures, counted up to `until` (the month's last day, or today within the running month). */
export function monthFigures(h: History, period: string, until: string, redLevel: string, today: string): MonthFigures {
  const inMonth = (d: string | null) => !!d && d.startsWith(period) && d <= until
  const seen = new Set<number>()
  let cleared = 0
  let missed = 0
  for (const t of h.tasks) {
    if (!seen.has(t.taskId) && inMonth(t.closedOn)) cleared++
    seen.add(t.taskId)
    for (const m of t.milestones) if (inMonth(m.dueOn) && m.dueOn < today && reportedPctOn(t.reports, m.dueOn) < m.plannedPct) missed++
  }
  return { newReds: h.firings.filter((f) => f.level === redLevel && inMonth(f.on)).length, cleared, milestonesMissed: missed }
}

export function monthOnMonth(h: History, rules: ScoringRules, period: string, today: string): MonthOnMonth {
  const previous = previousPeriod(period)
  const end = [lastDayOf(period), today].sort()[0]
  const prevEnd = lastDayOf(previous)
  const current = monthFigures(h, period, end, rules.redLevel, today)
  const before = monthFigures(h, previous, prevEnd, rules.redLevel, today)
  const year = Number(period.slice(0, 4))
  const none = new Map()
  const now = assess({ rules, history: h, year, asOf: end, ratings: none, waived: none })
  const then = previous.startsWith(`${year}-`) ? assess({ rules, history: h, year, asOf: prevEnd, ratings: none, waived: none }) : []
  const ranks: RankChange[] = now.map((u) => {
    const p = then.find((x) => x.unitId === u.unitId)
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      score: u.score,
      rank: u.rank,
      previousRank: p?.rank ?? null,
      change: p ? p.rank - u.rank : null,
    }
  })
  const board = rules.monthlyBoard && ranks.length >= 2
  const diff = (a: number, b: number) => (a === b ? '持平' : a > b ? `增加${a - b}` : `减少${b - a}`)
  const [y, m] = period.split('-').map(Number)
  const moved = ranks.filter((r) => r.change)
  const paragraphs = [
    `与上月相比：本月新增红色督办${current.newReds}次（上月${before.newReds}次，${diff(current.newReds, before.newReds)}）；` +
      `办结事项${current.cleared}项（上月${before.cleared}项，${diff(current.cleared, before.cleared)}）；` +
      `未按期完成的进度节点${current.milestonesMissed}个（上月${before.milestonesMissed}个，${diff(current.milestonesMissed, before.milestonesMissed)}）。`,
    moved.length
      ? `督查考核排名变化：${moved
          .slice(0, 8)
          .map((r) => `${r.unitName}${r.change! > 0 ? `上升${r.change}位` : `下降${-r.change!}位`}（第${r.rank}名）`)
          .join('，')}。`
      : `${y}年${m}月各单位督查考核排名与上月相同。`,
  ]
  return {
    period,
    previous,
    current,
    before,
    ranks,
    redBoard: board ? ranks.slice(0, 3) : [],
    blackBoard: board ? ranks.slice(-3).reverse() : [],
    paragraphs,
  }
}

export async function monthlyComparison(ctx: Ctx, input: { period?: string }): Promise<MonthOnMonth> {
  requireRole(ctx.actor, ['admin', 'office', 'leader'])
  return monthOnMonthFor(ctx, input.period ?? ctx.clock.today().slice(0, 7))
}

/** Without a role check: the bulletin exporter has checked its own. */
export async function monthOnMonthFor(ctx: Pick<Ctx, 'db' | 'clock'>, period: string): Promise<MonthOnMonth> {
  if (!PERIOD.test(period)) throw new DubanError('invalid_input', '月份格式应为 YYYY-MM')
  const rules = await readScoringRules(ctx)
  return monthOnMonth(await loadHistory(ctx, { year: Number(period.slice(0, 4)) }), rules, period, ctx.clock.today())
}
