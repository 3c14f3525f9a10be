/**
 * The year-end assessment (督考合一): scores computed from the loop's recorded events as of a day, where every
 * deduction and bonus is an item that names the event behind it. Pure: histories and rules in, scores out.
 */
import { addDays, isWorkday, type WorkCalendar } from '../calendar/workdays'
import { firstSubmittedOn, reportedPctOn, type FiringFact, type History, type TaskHistory } from '../escalation/history'
import { nameOfTask } from '../escalation/rules'

export interface ScoringRules {
  base: number
  missingReport: number
  emptyReport: number
  /** a report under this many characters of progress counts as empty */
  emptyMinChars: number
  lateReport: number
  returnedReport: number
  overdueTask: number
  missedMilestone: number
  /** per 督办单 of this escalation level (the red one) */
  redNotice: number
  redLevel: string
  unsignedAssignment: number
  /** per approved 延期 (0: an approved extension costs nothing) */
  approvedExtension: number
  /** bonus for a task completed at least earlyWorkdays working days before its due date */
  earlyCompletion: number
  earlyWorkdays: number
  /** share of the final score given by the leaders' rating (0–1); unrated units keep their supervision score */
  leaderWeight: number
  /** the most one category (e.g. 未报送) can take off a unit's score; null: no limit */
  categoryCap: number | null
  /** the lowest score a unit can get */
  floor: number
  /** working days units have to appeal after the preview is announced */
  appealWorkdays: number
  /** show a monthly 红黑榜 (top and bottom three) on the dashboard */
  monthlyBoard: boolean
}

export const DEFAULT_SCORING_RULES: ScoringRules = {
  base: 100,
  missingReport: 10,
  emptyReport: 5,
  emptyMinChars: 10,
  lateReport: 2,
  returnedReport: 2,
  overdueTask: 5,
  missedMilestone: 0,
  redNotice: 5,
  redLevel: 'red',
  unsignedAssignment: 2,
  approvedExtension: 1,
  earlyCompletion: 2,
  earlyWorkdays: 10,
  leaderWeight: 0.2,
  categoryCap: 30,
  floor: 0,
  appealWorkdays: 5,
  monthlyBoard: true,
}

export type ItemCategory =
  | 'missing_report'
  | 'empty_report'
  | 'late_report'
  | 'returned_report'
  | 'overdue_task'
  | 'missed_milestone'
  | 'red_notice'
  | 'unsigned'
  | 'extension'
  | 'early_completion'

export const CATEGORY_LABELS: Record<ItemCategory, string> = {
  missing_report: '未报送',
  empty_report: '空报',
  late_report: '迟报',
  returned_report: '报送被退回',
  overdue_task: '任务逾期',
  missed_milestone: '节点未完成',
  red_notice: '红色督办单',
  unsigned: '交办未签收',
  extension: '申请延期',
  early_completion: '提前完成',
}

/** What an item points at: the report, the 督办单, the task, the milestone, the day. */
export interface ItemLink {
  kind: 'report' | 'notice' | 'task' | 'milestone' | 'firing' | 'assignment' | 'extension'
  id: number
  taskId: number | null
  taskNumber: number | null
  /** 要点15, 民生5-2: how the task is named in the item and the Excel (contract/taskLabel.ts) */
  taskName: string | null
}

export interface ScoreItem {
  /** stable across recomputation: what an appeal refers to */
  key: string
  category: ItemCategory
  categoryLabel: string
  points: number
  day: string
  label: string
  link: ItemLink
  /** set when an appeal against the item was upheld: the points no longer count */
  waived?: { reason: string }
  /** set when the category had reached its cap: the rule's points, of which `points` still count */
  capped?: { rulePoints: number }
}

export interface UnitScore {
  unitId: number
  unitName: string
  items: ScoreItem[]
  deductions: number
  bonuses: number
  /** base − deductions + bonuses, not below the floor */
  supervisionScore: number
  rating: number | null
  score: number
  rank: number
}

const cn = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
const round1 = (n: number) => Math.round(n * 10) / 10

function workdaysBefore(cal: WorkCalendar, day: string, until: string): number {
  let n = 0
  for (let d = addDays(day, 1); d <= until; d = addDays(d, 1)) if (isWorkday(cal, d)) n++
  return n
}

/** The items of one task for its lead unit, as of a day within the year. */
export function taskItems(r: ScoringRules, t: TaskHistory, cal: WorkCalendar, year: number, asOf: string): ScoreItem[] {
  const items: ScoreItem[] = []
  const inYear = (d: string) => d.startsWith(`${year}-`) && d <= asOf
  const name = nameOfTask(t)
  const ref = (kind: ItemLink['kind'], id: number): ItemLink => ({ kind, id, taskId: t.taskId, taskNumber: t.taskNumber, taskName: name })
  const add = (category: ItemCategory, points: number, day: string, label: string, link: ItemLink, key: string) => {
    if (points !== 0) items.push({ key, category, categoryLabel: CATEGORY_LABELS[category], points, day, label: `${name}：${label}`, link })
  }
  for (const p of t.duePeriods) {
    if (!inYear(p.dueOn) || p.dueOn >= asOf) continue
    if (t.closedOn && t.closedOn <= p.dueOn) continue
    const [y, m] = p.period.split('-').map(Number)
    const rep = t.reports.find((x) => x.period === p.period)
    const first = rep ? firstSubmittedOn(rep, asOf) : null
    if (!first) {
      add(
        'missing_report',
        -r.missingReport,
        p.dueOn,
        `${y}年${m}月进展未报送（截止${cn(p.dueOn)}）`,
        ref('task', t.taskId),
        `missing:t${t.taskId}:u${t.unitId}:${p.period}`,
      )
      continue
    }
    if (first > p.dueOn)
      add(
        'late_report',
        -r.lateReport,
        first,
        `${y}年${m}月进展${cn(first)}报送，晚于截止日${cn(p.dueOn)}`,
        ref('report', rep!.id),
        `late:r${rep!.id}`,
      )
  }
  for (const rep of t.reports) {
    const [y, m] = rep.period.split('-').map(Number)
    const sent = rep.versions.filter((v) => v.submittedOn <= asOf && v.submittedOn.startsWith(`${year}-`))
    const last = sent[sent.length - 1]
    if (last && last.progress.replace(/\s/g, '').length < r.emptyMinChars)
      add(
        'empty_report',
        -r.emptyReport,
        last.submittedOn,
        `${y}年${m}月报送内容空泛（进展情况不足${r.emptyMinChars}字）`,
        ref('report', rep.id),
        `empty:r${rep.id}`,
      )
    for (const v of rep.versions) {
      if (v.outcome !== 'returned' || !v.reviewedOn || !inYear(v.reviewedOn)) continue
      add(
        'returned_report',
        -r.returnedReport,
        v.reviewedOn,
        `${y}年${m}月报送第${v.version}版被退回（${v.returnReason ?? ''}）`,
        ref('report', rep.id),
        `returned:v${v.id}`,
      )
    }
  }
  for (const ms of t.milestones) {
    if (!inYear(ms.dueOn) || ms.dueOn >= asOf) continue
    const pct = reportedPctOn(t.reports, ms.dueOn)
    if (pct < ms.plannedPct)
      add(
        'missed_milestone',
        -r.missedMilestone,
        ms.dueOn,
        `节点“${ms.title || cn(ms.dueOn)}”计划${ms.plannedPct}%，到期已报${pct}%`,
        ref('milestone', ms.id),
        `milestone:m${ms.id}:u${t.unitId}`,
      )
  }
  if (t.deadline && inYear(t.deadline) && t.deadline < asOf && !(t.closedOn && t.closedOn <= t.deadline))
    add(
      'overdue_task',
      -r.overdueTask,
      addDays(t.deadline, 1),
      `超过完成时限${cn(t.deadline)}未办结`,
      ref('task', t.taskId),
      `overdue:t${t.taskId}:u${t.unitId}`,
    )
  if (t.deadline && t.closedOn && inYear(t.closedOn) && workdaysBefore(cal, t.closedOn, t.deadline) >= r.earlyWorkdays)
    add(
      'early_completion',
      r.earlyCompletion,
      t.closedOn,
      `${cn(t.closedOn)}办结，早于完成时限${cn(t.deadline)}`,
      ref('task', t.taskId),
      `early:t${t.taskId}:u${t.unitId}`,
    )
  if (t.assignment && t.assignment.signDueOn < asOf && inYear(t.assignment.signDueOn)) {
    const signed = t.assignment.acknowledgedOn
    if (!signed || signed > t.assignment.signDueOn)
      add(
        'unsigned',
        -r.unsignedAssignment,
        t.assignment.signDueOn,
        signed ? `${cn(signed)}签收，超过签收期限${cn(t.assignment.signDueOn)}` : `超过签收期限${cn(t.assignment.signDueOn)}未签收`,
        ref('assignment', t.assignment.id),
        `unsigned:a${t.assignment.id}`,
      )
  }
  for (const p of t.pauses) {
    if (!inYear(p.from)) continue
    const moved = p.previousDue ? `完成时限由${cn(p.previousDue)}延至${cn(p.to)}` : `完成时限延至${cn(p.to)}`
    add('extension', -r.approvedExtension, p.from, `${cn(p.from)}批准延期，${moved}`, ref('extension', p.id), `extension:e${p.id}`)
  }
  return items
}

function firingItem(r: ScoringRules, f: FiringFact, task: { number: number; name: string } | null): ScoreItem {
  const taskNumber = task?.number ?? null
  const taskName = task?.name ?? null
  return {
    key: `red:f${f.id}`,
    category: 'red_notice',
    categoryLabel: CATEGORY_LABELS.red_notice,
    points: -r.redNotice,
    day: f.on,
    label: `${taskName ? `${taskName}：` : ''}${cn(f.on)}收到红色督办单`,
    link: f.noticeId
      ? { kind: 'notice', id: f.noticeId, taskId: f.taskId, taskNumber, taskName }
      : { kind: 'firing', id: f.id, taskId: f.taskId, taskNumber, taskName },
  }
}

export interface AssessInput {
  rules: ScoringRules
  history: History
  year: number
  asOf: string
  /** the leaders' average rating per unit (0–100) */
  ratings: ReadonlyMap<number, number>
  /** item keys waived by upheld appeals, with the office's reason */
  waived: ReadonlyMap<string, string>
}

/** Every lead unit's score for the year as of a day, ranked; the sum of a unit's items is its score. */
export function assess(i: AssessInput): UnitScore[] {
  const { rules: r, history: h } = i
  const byUnit = new Map<number, { name: string; items: ScoreItem[] }>()
  const unit = (id: number, name: string) => {
    let u = byUnit.get(id)
    if (!u) byUnit.set(id, (u = { name, items: [] }))
    return u
  }
  for (const t of h.tasks) unit(t.unitId, t.unitName).items.push(...taskItems(r, t, h.calendar, i.year, i.asOf))
  const taskOf = new Map(h.tasks.map((t) => [t.taskId, { number: t.taskNumber, name: nameOfTask(t) }]))
  const names = new Map(h.units.map((u) => [u.id, u.name]))
  for (const f of h.firings) {
    if (f.level !== r.redLevel || !f.on.startsWith(`${i.year}-`) || f.on > i.asOf || r.redNotice === 0) continue
    unit(f.unitId, names.get(f.unitId) ?? '').items.push(firingItem(r, f, f.taskId ? (taskOf.get(f.taskId) ?? null) : null))
  }
  const scores: UnitScore[] = [...byUnit].map(([unitId, u]) => {
    const items = u.items
      .map((it) => (i.waived.has(it.key) ? { ...it, waived: { reason: i.waived.get(it.key)! } } : { ...it }))
      .sort((a, b) => (a.day === b.day ? a.key.localeCompare(b.key) : a.day < b.day ? -1 : 1))
    const used = new Map<ItemCategory, number>()
    for (const it of items) {
      if (it.waived || it.points >= 0 || r.categoryCap === null) continue
      const left = Math.max(0, r.categoryCap - (used.get(it.category) ?? 0))
      if (-it.points > left) {
        it.capped = { rulePoints: it.points }
        it.points = -left
      }
      used.set(it.category, (used.get(it.category) ?? 0) - it.points)
    }
    const counted = items.filter((it) => !it.waived)
    const deductions = round1(-counted.filter((it) => it.points < 0).reduce((s, it) => s + it.points, 0))
    const bonuses = round1(counted.filter((it) => it.points > 0).reduce((s, it) => s + it.points, 0))
    const supervisionScore = Math.max(r.floor, round1(r.base - deductions + bonuses))
    const rating = i.ratings.get(unitId) ?? null
    const score = rating === null ? supervisionScore : round1(supervisionScore * (1 - r.leaderWeight) + rating * r.leaderWeight)
    return { unitId, unitName: u.name, items, deductions, bonuses, supervisionScore, rating, score, rank: 0 }
  })
  scores.sort((a, b) => b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh-CN'))
  scores.forEach((s, k) => (s.rank = k > 0 && scores[k - 1].score === s.score ? scores[k - 1].rank : k + 1))
  return scores
}
