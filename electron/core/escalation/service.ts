/**
 * The escalation rules at work: read and set them (office), see what they would do today (dry run),
 * and run them (daily and at start, from scheduler.ts). Each action is recorded in escalation_firings
 * under its event key, inside the transaction that carries it out, so an event is never acted on twice.
 */
import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database } from '../db/schema'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole, seesAllTasks } from '../users/rules'
import { readSettings, writeSetting } from '../settings/store'
import { deliver } from '../inbox/deliver'
import { nextNumber } from '../numbering/counters'
import { noticeNumber } from '../reminders/rules'
import { bureauSettings } from '../settings/bureau'
import { addWorkdays, addDays, moveOffHoliday } from '../calendar/workdays'
import { loadHistory } from './load'
import { loadCalendar } from '../calendar/service'
import { addInterview } from '../interviews/service'
import { DEFAULT_ESCALATION_RULES, planEscalation, rulesProblem, ACTION_LABELS, type EscalationRules, type PlannedAction } from './rules'

export const ESCALATION_RULES_KEY = 'escalation.rules'

export async function readEscalationRules(ctx: Pick<Ctx, 'db'>): Promise<EscalationRules> {
  const raw = (await readSettings(ctx.db, [ESCALATION_RULES_KEY])).get(ESCALATION_RULES_KEY)
  if (!raw) return DEFAULT_ESCALATION_RULES
  try {
    return { ...DEFAULT_ESCALATION_RULES, ...(JSON.parse(raw) as Partial<EscalationRules>) }
  } catch {
    return DEFAULT_ESCALATION_RULES
  }
}

export async function escalationRules(ctx: Ctx): Promise<EscalationRules> {
  requireRole(ctx.actor, ['admin', 'office', 'leader'])
  return readEscalationRules(ctx)
}

export async function setEscalationRules(ctx: Ctx, input: EscalationRules): Promise<EscalationRules> {
  requireRole(ctx.actor, ['admin', 'office'])
  const problem = rulesProblem(input)
  if (problem) throw new DubanError('invalid_input', problem)
  const before = await readEscalationRules(ctx)
  // Switching the rules on starts their clock today: events from before are not acted on after the fact.
  const rules: EscalationRules = {
    ...input,
    startOn: input.enabled ? (input.startOn ?? before.startOn ?? ctx.clock.today()) : input.startOn,
  }
  await inTransaction(ctx, async (trx) => {
    await writeSetting(trx, ESCALATION_RULES_KEY, JSON.stringify(rules))
    await writeAudit(trx, ctx, { action: 'escalation.setRules', entity: 'settings', entityId: null, before, after: rules })
  })
  return rules
}

export interface DryRun {
  day: string
  enabled: boolean
  actions: PlannedAction[]
}

/** What the rules would do today (or on another day), without doing it. */
export async function dryRun(ctx: Ctx, input: { day?: string }): Promise<DryRun> {
  requireRole(ctx.actor, ['admin', 'office'])
  const day = input.day ?? ctx.clock.today()
  const rules = await readEscalationRules(ctx)
  const history = await loadHistory(ctx)
  return { day, enabled: rules.enabled, actions: planEscalation({ ...rules, enabled: true }, history, day) }
}

/** Runs the rules for today as the system; an office call runs them now and is audited as that person's. */
export async function runEscalation(ctx: Ctx): Promise<{ fired: PlannedAction[]; deferred: PlannedAction[] }> {
  if (ctx.actor) requireRole(ctx.actor, ['admin', 'office'])
  const rules = await readEscalationRules(ctx)
  const today = ctx.clock.today()
  const planned = planEscalation(rules, await loadHistory(ctx), today)
  const due = planned.filter((a) => !a.deferred)
  if (due.length === 0) return { fired: [], deferred: planned.filter((a) => a.deferred) }
  const fired: PlannedAction[] = []
  await inTransaction(ctx, async (trx) => {
    const reminderOf = new Map<number, number>()
    for (const a of due) {
      // The unique event key is the guard: a second run (another process, a second tick) inserts nothing.
      const row = await trx
        .insertInto('escalation_firings')
        .values({
          event_key: a.eventKey,
          level: a.level,
          level_name: a.levelName,
          trigger_kind: a.triggerKind,
          task_id: a.taskId,
          unit_id: a.unitId,
          subject: a.subject,
          reason: a.reason,
          actions_json: JSON.stringify(a.actions),
          fired_on: today,
          created_at: ctx.clock.now().toISOString(),
        })
        .onConflict((oc) => oc.column('event_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!row) continue
      const noticeId = await carryOut(trx, ctx, a, reminderOf)
      if (noticeId !== null) await trx.updateTable('escalation_firings').set({ notice_id: noticeId }).where('id', '=', row.id).execute()
      if (a.actions.includes('interview'))
        await addInterview(trx, ctx, {
          unitId: a.unitId,
          reason: a.reason,
          taskIds: a.linkedTaskIds ?? (a.taskId ? [a.taskId] : []),
          source: 'rule',
          firingId: row.id,
          ruleName: a.levelName,
        })
      await writeAudit(trx, ctx, {
        action: 'escalation.fire',
        entity: a.taskId ? 'task' : 'unit',
        entityId: a.taskId ?? a.unitId,
        after: {
          rule: a.levelName,
          level: a.level,
          trigger: a.triggerKind,
          eventKey: a.eventKey,
          reason: a.reason,
          actions: a.actions,
          noticeId,
        },
      })
      fired.push(a)
    }
  })
  return { fired, deferred: planned.filter((a) => a.deferred) }
}

/** The actions of one firing; returns the 督办单 or 催办 it issued, which the firing links to. */
async function carryOut(trx: Transaction<Database>, ctx: Ctx, a: PlannedAction, reminderOf: Map<number, number>): Promise<number | null> {
  const now = ctx.clock.now().toISOString()
  const today = ctx.clock.today()
  const task = a.taskId && a.taskName ? `${a.taskName}任务` : ''
  let noticeId: number | null = null
  if (a.actions.includes('notice') && a.taskId) {
    const calendar = await loadCalendar({ db: trx }) // inside the transaction: one connection, so never ctx.db here
    const replyDeadline = moveOffHoliday(calendar, addWorkdays(calendar, addDays(today, 1), Math.max(0, a.replyWorkdays - 1)))
    const { noticePrefix } = await bureauSettings({ db: trx })
    const year = Number(today.slice(0, 4))
    const seq = await nextNumber(trx, 'notice', year)
    const number = noticeNumber(year, seq, noticePrefix)
    const n = await trx
      .insertInto('notices')
      .values({
        kind: 'notice',
        task_id: a.taskId,
        unit_id: a.unitId,
        year,
        seq,
        number,
        issue: `【${a.levelName}】${a.reason}`,
        required_reply: '请说明原因、整改措施和完成时间。',
        reply_deadline: replyDeadline,
        created_by: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    noticeId = n.id
    await deliver(trx, ctx, {
      kind: 'notice',
      to: { unitId: a.unitId },
      refId: n.id,
      taskId: a.taskId,
      title: `${a.levelName} ${number}：${task}，请于${replyDeadline}前回复`,
      body: a.reason,
    })
  } else if (a.actions.includes('inbox')) {
    // One 催办 per unit and run, however many of its tasks are due for one.
    const existing = reminderOf.get(a.unitId)
    if (existing) noticeId = existing
    else {
      const n = await trx
        .insertInto('notices')
        .values({
          kind: 'reminder',
          task_id: a.taskId,
          unit_id: a.unitId,
          period: today.slice(0, 7),
          issue: `【${a.levelName}】${a.reason}`,
          created_by: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      noticeId = n.id
      reminderOf.set(a.unitId, n.id)
    }
    await deliver(trx, ctx, {
      kind: 'reminder',
      to: { unitId: a.unitId },
      refId: noticeId,
      taskId: a.taskId,
      title: `${a.levelName}：${task}`,
      body: a.reason,
    })
  }
  if (a.actions.includes('letter')) {
    const heads = await trx
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', a.unitId)
      .where('role', '=', 'unit_head')
      .where('active', '=', 1)
      .execute()
    for (const h of heads)
      await deliver(trx, ctx, {
        kind: 'escalation',
        to: { userId: h.id },
        refId: noticeId,
        taskId: a.taskId,
        title: `专函：${a.levelName}（${task || a.unitName}）`,
        body: a.reason,
      })
  }
  if (a.actions.includes('interview')) {
    const leader = await leaderFor(trx, a)
    await deliver(trx, ctx, {
      kind: 'escalation',
      to: leader ? { userId: leader } : 'office',
      refId: noticeId,
      taskId: a.taskId,
      title: `约谈：${a.unitName}负责人（${a.reason.split('；')[0]}）`,
      body: a.reason,
    })
  }
  return noticeId
}

async function leaderFor(trx: Transaction<Database>, a: PlannedAction): Promise<number | null> {
  if (a.taskId) {
    const t = await trx.selectFrom('tasks').select('leader_id').where('id', '=', a.taskId).executeTakeFirst()
    if (t?.leader_id) return t.leader_id
  }
  const l = await trx
    .selectFrom('leader_units')
    .innerJoin('users', 'users.id', 'leader_units.leader_id')
    .select('leader_units.leader_id')
    .where('leader_units.unit_id', '=', a.unitId)
    .where('users.active', '=', 1)
    .orderBy('leader_units.leader_id')
    .executeTakeFirst()
  return l?.leader_id ?? null
}

export interface FiringView {
  id: number
  level: string
  levelName: string
  triggerKind: string
  taskId: number | null
  unitId: number
  unitName: string
  reason: string
  actions: string[]
  noticeId: number | null
  noticeNumber: string | null
  firedOn: string
}

/** What the rules did, with why: on a task (its detail), or for the office and leaders (the 约谈 list). */
export async function listFirings(ctx: Ctx, input: { taskId?: number; unitId?: number; interviewsOnly?: boolean }): Promise<FiringView[]> {
  const actor = requireActor(ctx.actor)
  let q = ctx.db
    .selectFrom('escalation_firings as f')
    .innerJoin('units', 'units.id', 'f.unit_id')
    .leftJoin('notices', 'notices.id', 'f.notice_id')
    .selectAll('f')
    .select(['units.name as unit_name', 'notices.number as notice_number'])
    .orderBy('f.id', 'desc')
  if (input.taskId !== undefined) {
    const t = await ctx.db.selectFrom('tasks').select('id').where('id', '=', input.taskId).executeTakeFirst()
    if (!t) throw notFound('该任务')
    q = q.where('f.task_id', '=', input.taskId)
  }
  if (input.unitId !== undefined) q = q.where('f.unit_id', '=', input.unitId)
  if (input.interviewsOnly) q = q.where('f.level', '=', 'interview')
  if (!seesAllTasks(actor)) q = q.where('f.unit_id', '=', actor.unitId ?? -1)
  return (await q.execute()).map((f) => ({
    id: f.id,
    level: f.level,
    levelName: f.level_name,
    triggerKind: f.trigger_kind,
    taskId: f.task_id,
    unitId: f.unit_id,
    unitName: f.unit_name,
    reason: f.reason,
    actions: (JSON.parse(f.actions_json) as (keyof typeof ACTION_LABELS)[]).map((x) => ACTION_LABELS[x] ?? x),
    noticeId: f.notice_id,
    noticeNumber: f.notice_number,
    firedOn: f.fired_on,
  }))
}
