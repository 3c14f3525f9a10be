/**
 * The escalation ladder as rules (督查督办规则), and what they decide on a day. Pure: the history comes in,
 * the actions to take go out; the service carries them out and records each firing once.
 */
import { addDays, addWorkdays, isWorkday, type WorkCalendar } from '../calendar/workdays'
import { firstSubmittedOn, pausedOn, reportedPctOn, type FiringFact, type History, type PauseFact, type TaskHistory } from './history'
import { taskLabel } from '../../contract/taskLabel'

/** A task named as everywhere else: its code, else its list and number. */
export const nameOfTask = (t: Pick<TaskHistory, 'taskNumber' | 'taskCode' | 'listName'>): string =>
  taskLabel({ number: t.taskNumber, code: t.taskCode, listName: t.listName })

export type ActionKind = 'inbox' | 'notice' | 'letter' | 'interview'
export type TriggerKind = 'due_soon' | 'overdue' | 'milestone' | 'report' | 'unsigned' | 'tally'

export const ACTION_LABELS: Record<ActionKind, string> = {
  inbox: '催办（收件箱提醒）',
  notice: '督办单',
  letter: '专函（致单位负责人）',
  interview: '约谈（列入领导约谈名单）',
}
export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  due_soon: '临近完成时限',
  overdue: '超过完成时限',
  milestone: '进度节点未达到',
  report: '进展未报送',
  unsigned: '交办未签收',
  tally: '累计升级',
}

export interface LevelRule {
  /** stable key: blue, yellow, red or the bureau's own */
  id: string
  name: string
  color: string
  /** fires when an open task's due date is this many working days away or nearer (null: not a trigger) */
  dueSoonWorkdays: number | null
  /** grace in working days after the event before this level fires (null: the event does not trigger it) */
  overdueGrace: number | null
  milestoneGrace: number | null
  reportGrace: number | null
  unsignedGrace: number | null
  actions: { inbox: boolean; notice: boolean; letter: boolean; interview: boolean }
  /** working days the unit has to answer a 督办单 */
  replyWorkdays: number
}

export interface EscalationRules {
  enabled: boolean
  /** events before this day are not acted on (the day the rules were first switched on) */
  startOn: string | null
  /** mildest first */
  levels: LevelRule[]
  /** working days that must pass between two 催办 to the same unit */
  minReminderGapWorkdays: number
  /** e.g. 2 yellows ⇒ one red, counted per unit and year */
  tallies: { from: string; count: number; to: string }[]
  /** e.g. 3 consecutive reds to a unit ⇒ 约谈 with its head, listed for the leader in charge */
  interview: { level: string; consecutive: number } | null
}

const level = (l: Partial<LevelRule> & Pick<LevelRule, 'id' | 'name' | 'color'>): LevelRule => ({
  dueSoonWorkdays: null,
  overdueGrace: null,
  milestoneGrace: null,
  reportGrace: null,
  unsignedGrace: null,
  actions: { inbox: true, notice: false, letter: false, interview: false },
  replyWorkdays: 3,
  ...l,
})

/** Defaults from practice: a light turns yellow 3 working days before the due date; 2 yellows bring a red; 3 reds a 约谈. */
export const DEFAULT_ESCALATION_RULES: EscalationRules = {
  enabled: false,
  startOn: null,
  levels: [
    level({ id: 'blue', name: '蓝色提醒', color: '#409eff', reportGrace: 0, milestoneGrace: 0, unsignedGrace: 0 }),
    level({
      id: 'yellow',
      name: '黄色督办单',
      color: '#e6a23c',
      dueSoonWorkdays: 3,
      reportGrace: 3,
      milestoneGrace: 5,
      unsignedGrace: 3,
      actions: { inbox: true, notice: true, letter: false, interview: false },
      replyWorkdays: 3,
    }),
    level({
      id: 'red',
      name: '红色督办单',
      color: '#f56c6c',
      overdueGrace: 0,
      reportGrace: 10,
      milestoneGrace: 15,
      actions: { inbox: true, notice: true, letter: true, interview: false },
      replyWorkdays: 2,
    }),
  ],
  minReminderGapWorkdays: 3,
  tallies: [{ from: 'yellow', count: 2, to: 'red' }],
  interview: { level: 'red', consecutive: 3 },
}

/** Why a rule set cannot be saved, or null. */
export function rulesProblem(r: EscalationRules): string | null {
  if (r.levels.length === 0) return '请至少设置一个督办等级'
  const ids = new Set(r.levels.map((l) => l.id))
  if (ids.size !== r.levels.length) return '督办等级的标识不能重复'
  if (new Set(r.levels.map((l) => l.name)).size !== r.levels.length) return '督办等级的名称不能重复'
  for (const t of r.tallies) {
    if (!ids.has(t.from) || !ids.has(t.to)) return '累计规则引用了不存在的督办等级'
    if (r.levels.findIndex((l) => l.id === t.to) <= r.levels.findIndex((l) => l.id === t.from)) return '累计规则应升到更高的等级'
  }
  if (r.interview && !ids.has(r.interview.level)) return '约谈规则引用了不存在的督办等级'
  return null
}

/** One thing the rules do (or would do) today, with the reason the office reads on the task. */
export interface PlannedAction {
  eventKey: string
  /** the same event at any level: a level acts only when no level as high has acted on it */
  subjectKey: string
  level: string
  levelName: string
  triggerKind: TriggerKind
  taskId: number | null
  taskNumber: number | null
  /** how the task is named to people (contract/taskLabel.ts): 要点15, never a bare number */
  taskName: string | null
  unitId: number
  unitName: string
  subject: string
  reason: string
  actions: ActionKind[]
  /** set when the action waits (the minimum gap between two 催办); it is not recorded and comes again */
  deferred: string | null
  replyWorkdays: number
  /** a 约谈 from a run of levels: the tasks of that run (the 约谈 list links them) */
  linkedTaskIds?: number[]
}

/** n working days after a day (n = 0: the first working day after it), skipping days in a 延期 pause. */
export function graceEnds(cal: WorkCalendar, day: string, n: number, pauses: readonly PauseFact[]): string {
  let d = addDays(day, 1)
  const counts = (x: string) => isWorkday(cal, x) && !pausedOn(pauses, x)
  for (let i = 0; i < 800 && !counts(d); i++) d = addDays(d, 1)
  for (let left = n; left > 0; left--) {
    d = addDays(d, 1)
    for (let i = 0; i < 800 && !counts(d); i++) d = addDays(d, 1)
  }
  return d
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(cal, d)) n++
  return n
}

const cn = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

interface OpenEvent {
  trigger: Exclude<TriggerKind, 'tally'>
  subject: string
  /** the day the event happened (the due day that passed) */
  day: string
  what: string
}

/** The events still open on a day for one task and unit: what the unit has not done that it should have. */
export function openEvents(t: TaskHistory, today: string): OpenEvent[] {
  if (t.closedOn && t.closedOn <= today) return []
  const out: OpenEvent[] = []
  for (const p of t.duePeriods) {
    if (p.dueOn >= today) continue
    const r = t.reports.find((x) => x.period === p.period)
    if (r && firstSubmittedOn(r, today)) continue
    const [y, m] = p.period.split('-').map(Number)
    out.push({ trigger: 'report', subject: p.period, day: p.dueOn, what: `${y}年${m}月进展未报送（报送截止${cn(p.dueOn)}）` })
  }
  for (const ms of t.milestones) {
    if (ms.dueOn >= today) continue
    const pct = reportedPctOn(t.reports, today)
    if (pct >= ms.plannedPct) continue
    out.push({
      trigger: 'milestone',
      subject: `m${ms.id}`,
      day: ms.dueOn,
      what: `进度节点“${ms.title || cn(ms.dueOn)}”（${cn(ms.dueOn)}，计划${ms.plannedPct}%）未达到，已报进度${pct}%`,
    })
  }
  if (t.deadline && t.deadline < today) {
    out.push({ trigger: 'overdue', subject: t.deadline, day: t.deadline, what: `已超过完成时限${cn(t.deadline)}，尚未办结` })
  }
  if (t.assignment && !t.assignment.acknowledgedOn && t.assignment.signDueOn < today) {
    out.push({
      trigger: 'unsigned',
      subject: `a${t.assignment.id}`,
      day: t.assignment.signDueOn,
      what: `交办后未按时签收（签收期限${cn(t.assignment.signDueOn)}）`,
    })
  }
  return out
}

const GRACE: Record<OpenEvent['trigger'], keyof LevelRule> = {
  report: 'reportGrace',
  milestone: 'milestoneGrace',
  overdue: 'overdueGrace',
  unsigned: 'unsignedGrace',
  due_soon: 'dueSoonWorkdays',
}

const actionsOf = (l: LevelRule): ActionKind[] => (['inbox', 'notice', 'letter', 'interview'] as const).filter((a) => l.actions[a])

/**
 * What the rules do on a day, given what they already did (firings). Each event is acted on once per level,
 * only the highest level due is taken, and a level never acts on an event a level as high already acted on.
 */
export function planEscalation(rules: EscalationRules, h: History, today: string): PlannedAction[] {
  if (!rules.enabled || rules.levels.length === 0) return []
  const startOn = rules.startOn ?? today
  const rank = new Map(rules.levels.map((l, i) => [l.id, i]))
  const reached = new Map<string, number>()
  const fired = new Set(h.firings.map((f) => f.eventKey))
  for (const f of h.firings) {
    const key = subjectOf(f)
    reached.set(key, Math.max(reached.get(key) ?? -1, rank.get(f.level) ?? -1))
  }
  const out: PlannedAction[] = []
  for (const t of h.tasks) {
    if (pausedOn(t.pauses, today)) continue // 延期 approved: the clock stands still until the new due date
    const events = openEvents(t, today)
    if (t.deadline && !(t.closedOn && t.closedOn <= today) && t.deadline >= today) {
      const left = workdaysBetween(h.calendar, today, t.deadline)
      events.push({
        trigger: 'due_soon',
        subject: t.deadline,
        day: today,
        what: `距完成时限${cn(t.deadline)}还有${left}个工作日，尚未办结`,
      })
    }
    for (const e of events) {
      if (e.day < startOn && e.trigger !== 'due_soon') continue
      const subjectKey = `${e.trigger}|t${t.taskId}|u${t.unitId}|${e.subject}`
      let chosen: { l: LevelRule; i: number; why: string } | null = null
      rules.levels.forEach((l, i) => {
        const n = l[GRACE[e.trigger]] as number | null
        if (n === null || n === undefined) return
        if (e.trigger === 'due_soon') {
          if (workdaysBetween(h.calendar, today, t.deadline!) <= n) chosen = { l, i, why: `完成时限前${n}个工作日内` }
          return
        }
        if (graceEnds(h.calendar, e.day, n, t.pauses) <= today) chosen = { l, i, why: n === 0 ? '到期即发' : `宽限${n}个工作日已过` }
      })
      if (!chosen) continue
      const { l, i, why } = chosen as { l: LevelRule; i: number; why: string }
      if ((reached.get(subjectKey) ?? -1) >= i) continue
      const eventKey = `${l.id}|${subjectKey}`
      if (fired.has(eventKey)) continue
      out.push({
        eventKey,
        subjectKey,
        level: l.id,
        levelName: l.name,
        triggerKind: e.trigger,
        taskId: t.taskId,
        taskNumber: t.taskNumber,
        taskName: nameOfTask(t),
        unitId: t.unitId,
        unitName: t.unitName,
        subject: e.subject,
        reason: `${e.what}；规则“${l.name}·${TRIGGER_LABELS[e.trigger]}”（${why}）`,
        actions: actionsOf(l),
        deferred: null,
        replyWorkdays: l.replyWorkdays,
      })
    }
  }
  out.push(...planTallies(rules, h, out, today))
  return applyReminderGap(rules, h, out, today)
}

function subjectOf(f: FiringFact): string {
  return `${f.triggerKind}|t${f.taskId ?? 0}|u${f.unitId}|${f.subject}`
}

/** Counting rules: every `count` firings of a level to a unit in a year bring one of a higher level; a run of reds a 约谈. */
function planTallies(rules: EscalationRules, h: History, today_: PlannedAction[], today: string): PlannedAction[] {
  const out: PlannedAction[] = []
  const year = today.slice(0, 4)
  const fired = new Set(h.firings.map((f) => f.eventKey))
  const unitName = new Map(h.units.map((u) => [u.id, u.name]))
  const levelOf = new Map(rules.levels.map((l) => [l.id, l]))
  type Step = { level: string; eventKey: string; taskId: number | null; taskNumber: number | null; taskName: string | null; on: string }
  const byUnit = new Map<number, Step[]>()
  const push = (unitId: number, s: Step) => byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), s])
  const numberOf = new Map(h.tasks.map((t) => [t.taskId, t.taskNumber]))
  const nameOf = new Map(h.tasks.map((t) => [t.taskId, nameOfTask(t)]))
  for (const f of [...h.firings].sort((a, b) => (a.on === b.on ? a.id - b.id : a.on < b.on ? -1 : 1)))
    push(f.unitId, {
      level: f.level,
      eventKey: f.eventKey,
      taskId: f.taskId,
      taskNumber: f.taskId ? (numberOf.get(f.taskId) ?? null) : null,
      taskName: f.taskId ? (nameOf.get(f.taskId) ?? null) : null,
      on: f.on,
    })
  for (const a of today_)
    push(a.unitId, { level: a.level, eventKey: a.eventKey, taskId: a.taskId, taskNumber: a.taskNumber, taskName: a.taskName, on: today })
  for (const [unitId, steps] of byUnit) {
    const name = unitName.get(unitId) ?? ''
    for (const t of rules.tallies) {
      const to = levelOf.get(t.to)
      const from = levelOf.get(t.from)
      if (!to || !from || t.count < 1) continue
      const counted = steps.filter((s) => s.level === t.from && s.on.startsWith(year))
      for (let k = 1; k * t.count <= counted.length; k++) {
        const eventKey = `${t.to}|tally|u${unitId}|${year}|${t.from}#${k}`
        if (fired.has(eventKey)) continue
        const last = counted[k * t.count - 1]
        const step: PlannedAction = {
          eventKey,
          subjectKey: `tally|t0|u${unitId}|${year}|${t.from}#${k}`,
          level: to.id,
          levelName: to.name,
          triggerKind: 'tally',
          taskId: last.taskId,
          taskNumber: last.taskNumber,
          taskName: last.taskName,
          unitId,
          unitName: name,
          subject: `${year}|${t.from}#${k}`,
          reason: `${year}年累计${k * t.count}次${from.name}；规则“累计${t.count}次${from.name}升为一次${to.name}”`,
          actions: actionsOf(to),
          deferred: null,
          replyWorkdays: to.replyWorkdays,
        }
        out.push(step)
        steps.push({ level: to.id, eventKey, taskId: last.taskId, taskNumber: last.taskNumber, taskName: last.taskName, on: today })
      }
    }
    const iv = rules.interview
    if (iv && iv.consecutive > 0) {
      const lv = levelOf.get(iv.level)
      let run: (typeof steps)[number][] = []
      for (const s of steps) {
        run = s.level === iv.level ? [...run, s] : []
        if (run.length < iv.consecutive) continue
        const linkedTaskIds = [...new Set(run.map((x) => x.taskId).filter((x): x is number => x !== null))]
        run = []
        const eventKey = `interview|u${unitId}|${s.eventKey}`
        if (fired.has(eventKey)) continue
        out.push({
          eventKey,
          subjectKey: eventKey,
          level: 'interview',
          levelName: '约谈',
          triggerKind: 'tally',
          taskId: s.taskId,
          taskNumber: s.taskNumber,
          taskName: s.taskName,
          unitId,
          unitName: name,
          subject: s.eventKey,
          reason: `连续${iv.consecutive}次${lv?.name ?? iv.level}；规则“连续${iv.consecutive}次${lv?.name ?? iv.level}约谈单位负责人”`,
          actions: ['interview'],
          deferred: null,
          replyWorkdays: 0,
          linkedTaskIds,
        })
      }
    }
  }
  return out
}

/** A 催办 alone waits when the unit had one less than the minimum gap ago; a 督办单 or 专函 never waits. */
function applyReminderGap(rules: EscalationRules, h: History, planned: PlannedAction[], today: string): PlannedAction[] {
  if (rules.minReminderGapWorkdays <= 0) return planned
  return planned.map((a) => {
    if (a.actions.some((x) => x !== 'inbox')) return a
    const last = h.reminders
      .filter((r) => r.unitId === a.unitId && r.on <= today)
      .map((r) => r.on)
      .sort()
      .pop()
    if (!last) return a
    const allowed = addWorkdays(h.calendar, addDays(last, 1), rules.minReminderGapWorkdays - 1)
    if (allowed <= today) return a
    return { ...a, deferred: `距上次催办（${cn(last)}）不足${rules.minReminderGapWorkdays}个工作日，${cn(allowed)}起再催办` }
  })
}
