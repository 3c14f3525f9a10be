/** 催办 on record: text from the office's template, the tasks concerned, who urged whom and how often. */
import type { Ctx } from '../context'
import { DubanError, notFound } from '../errors'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole, seesAllTasks } from '../users/rules'
import { deliver } from '../inbox/deliver'
import { readSettings, writeSetting } from '../settings/store'
import { periodOf } from '../reports/rules'
import { taskLabel } from '../../contract/taskLabel'
import { cnMonth } from '../exporters/common'
import { notReported, reportingDueOn } from './service'
import { DEFAULT_REMINDER_TEMPLATE, DEFAULT_REMINDER_WINDOW_HOURS, fillReminder, recentUrges, unknownPlaceholders } from './urgeRules'
import { formatMoment } from '../concurrency/rules'

const TEMPLATE_KEY = 'reminder.template'
const WINDOW_KEY = 'reminder.windowHours'

export interface ReminderSettings {
  template: string
  windowHours: number
}

export async function reminderSettings(ctx: Pick<Ctx, 'db'>): Promise<ReminderSettings> {
  const s = await readSettings(ctx.db, [TEMPLATE_KEY, WINDOW_KEY])
  const hours = Number(s.get(WINDOW_KEY))
  return {
    template: s.get(TEMPLATE_KEY) || DEFAULT_REMINDER_TEMPLATE,
    windowHours: Number.isInteger(hours) && hours >= 0 ? hours : DEFAULT_REMINDER_WINDOW_HOURS,
  }
}

export async function getReminderSettings(ctx: Ctx): Promise<ReminderSettings & { defaultTemplate: string }> {
  requireRole(ctx.actor, ['admin', 'office'])
  return { ...(await reminderSettings(ctx)), defaultTemplate: DEFAULT_REMINDER_TEMPLATE }
}

export async function setReminderSettings(ctx: Ctx, input: ReminderSettings): Promise<ReminderSettings> {
  requireRole(ctx.actor, ['admin', 'office'])
  const unknown = unknownPlaceholders(input.template)
  if (unknown.length) throw new DubanError('invalid_input', `催办模板中的${unknown.join('、')}无法识别，请使用页面列出的占位符`)
  const before = await reminderSettings(ctx)
  await inTransaction(ctx, async (trx) => {
    await writeSetting(trx, TEMPLATE_KEY, input.template)
    await writeSetting(trx, WINDOW_KEY, String(input.windowHours))
    await writeAudit(trx, ctx, { action: 'settings.reminder', entity: 'settings', entityId: null, before, after: input })
  })
  return reminderSettings(ctx)
}

async function unitOrThrow(ctx: Ctx, unitId: number) {
  const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst()
  if (!unit) throw notFound('该单位')
  return unit
}

async function recentTo(ctx: Ctx, unitId: number, windowHours: number) {
  const since = new Date(ctx.clock.now().getTime() - windowHours * 3600_000).toISOString()
  const rows = await ctx.db
    .selectFrom('notices')
    .leftJoin('users', 'users.id', 'notices.created_by')
    .select(['notices.created_at', 'users.display_name'])
    .where('notices.kind', '=', 'reminder')
    .where('notices.unit_id', '=', unitId)
    .where('notices.created_at', '>', since)
    .orderBy('notices.id', 'desc')
    .execute()
  const r = recentUrges(
    rows.map((x) => x.created_at),
    ctx.clock.now(),
    windowHours,
  )
  return r.count === 0 ? null : { ...r, lastByName: rows[0]?.display_name ?? null }
}

/** What the 催办 dialog opens with: the unit's unreported tasks, the filled template, and any recent 催办. */
export async function draftReminder(ctx: Ctx, input: { unitId: number; period?: string; planId?: number }) {
  requireRole(ctx.actor, ['admin', 'office'])
  const unit = await unitOrThrow(ctx, input.unitId)
  const period = input.period ?? periodOf(ctx.clock.today())
  const [missing, settings, dueOn] = await Promise.all([
    notReported(ctx, { period, planId: input.planId }),
    reminderSettings(ctx),
    reportingDueOn(ctx, period),
  ])
  const tasks = missing.units.find((u) => u.unitId === unit.id)?.tasks ?? []
  const text = fillReminder(settings.template, {
    unitName: unit.name,
    taskLabels: tasks.map((t) => t.label),
    period,
    dueOn,
    today: ctx.clock.today(),
  })
  return {
    unitId: unit.id,
    unitName: unit.name,
    period,
    dueOn,
    tasks: tasks.map((t) => ({ id: t.id, label: t.label, text: t.text })),
    text,
    windowHours: settings.windowHours,
    recent: await recentTo(ctx, unit.id, settings.windowHours),
  }
}

/**
 * 催办: nudges a unit about the period's missing reports (or the given tasks), with the office's text.
 * A second 催办 to the same unit within the window is refused unless the office confirms (override).
 */
export async function sendReminder(
  ctx: Ctx,
  input: { unitId: number; period?: string; planId?: number; message?: string; taskIds?: number[]; override?: boolean },
) {
  const actor = requireRole(ctx.actor, ['admin', 'office'])
  const draft = await draftReminder(ctx, input)
  if (draft.recent && !input.override) {
    throw new DubanError(
      'recently_urged',
      `${draft.windowHours}小时内已催办${draft.unitName}${draft.recent.count}次（最近一次：${formatMoment(draft.recent.last!, ctx.clock.timeZone)}${draft.recent.lastByName ? `，${draft.recent.lastByName}` : ''}），确认后仍可再次催办`,
    )
  }
  const taskIds = input.taskIds ?? draft.tasks.map((t) => t.id)
  const issue = input.message?.trim() || draft.text
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('notices')
      .values({
        kind: 'reminder',
        task_id: taskIds.length === 1 ? taskIds[0]! : null,
        unit_id: draft.unitId,
        period: draft.period,
        issue,
        created_by: actor.id,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (taskIds.length) {
      await trx
        .insertInto('reminder_tasks')
        .values([...new Set(taskIds)].map((task_id) => ({ notice_id: row.id, task_id })))
        .execute()
    }
    await deliver(trx, ctx, {
      kind: 'reminder',
      to: { unitId: draft.unitId },
      refId: row.id,
      taskId: taskIds.length === 1 ? taskIds[0]! : null,
      title: `催办：${cnMonth(draft.period)}进展报送${taskIds.length ? `（${taskIds.length}项任务）` : ''}`,
      body: issue,
    })
    await writeAudit(trx, ctx, {
      action: 'reminder.send',
      entity: 'notice',
      entityId: row.id,
      after: { unitId: draft.unitId, period: draft.period, issue, taskIds, override: input.override || undefined },
    })
    return { id: row.id, unitId: draft.unitId, unitName: draft.unitName, period: draft.period, issue }
  })
}

export interface UrgeView {
  id: number
  unitId: number
  unitName: string
  byName: string | null
  at: string
  period: string | null
  issue: string
  tasks: { id: number; number: number; code: string; label: string; text: string; reported: boolean }[]
}

/**
 * The record of 催办: who urged whom, when, about which tasks (and whether each has been reported since).
 * The office and leaders see all; a unit its own.
 */
export async function listUrges(ctx: Ctx, input: { taskId?: number; unitId?: number; ids?: number[] }): Promise<UrgeView[]> {
  const actor = requireActor(ctx.actor)
  let q = ctx.db
    .selectFrom('notices')
    .innerJoin('units', 'units.id', 'notices.unit_id')
    .leftJoin('users', 'users.id', 'notices.created_by')
    .select(['notices.id', 'notices.unit_id', 'units.name as unit_name', 'users.display_name', 'notices.created_at'])
    .select(['notices.period', 'notices.issue'])
    .where('notices.kind', '=', 'reminder')
    .orderBy('notices.id', 'desc')
    .limit(500)
  if (!seesAllTasks(actor)) q = q.where('notices.unit_id', '=', actor.unitId ?? -1)
  if (input.unitId !== undefined) q = q.where('notices.unit_id', '=', input.unitId)
  if (input.ids?.length === 0) return [] // an empty IN list is a syntax error on PostgreSQL
  if (input.ids) q = q.where('notices.id', 'in', input.ids)
  if (input.taskId !== undefined) {
    const taskId = input.taskId
    q = q.where((eb) =>
      eb.or([
        eb('notices.task_id', '=', taskId),
        eb('notices.id', 'in', eb.selectFrom('reminder_tasks').select('notice_id').where('task_id', '=', taskId)),
      ]),
    )
  }
  const rows = await q.execute()
  const links = rows.length
    ? await ctx.db
        .selectFrom('reminder_tasks')
        .select(['notice_id', 'task_id'])
        .where(
          'notice_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : []
  const taskIds = [...new Set(links.map((l) => l.task_id))]
  const records = taskIds.length
    ? (
        await ctx.db
          .selectFrom('tasks')
          .innerJoin('lists', 'lists.id', 'tasks.list_id')
          .select(['tasks.id', 'tasks.number', 'tasks.code', 'tasks.text', 'lists.name as list_name'])
          .where('tasks.id', 'in', taskIds)
          .execute()
      ).map((t) => ({ id: t.id, number: t.number, code: t.code ?? '', text: t.text, listName: t.list_name }))
    : []
  const reports = taskIds.length
    ? await ctx.db
        .selectFrom('reports')
        .select(['task_id', 'unit_id', 'period'])
        .where('task_id', 'in', taskIds)
        .where('status', 'in', ['submitted', 'approved'])
        .execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    byName: r.display_name,
    at: r.created_at,
    period: r.period,
    issue: r.issue,
    tasks: links
      .filter((l) => l.notice_id === r.id)
      .map((l) => records.find((x) => x.id === l.task_id))
      .filter((t): t is NonNullable<typeof t> => !!t)
      .map((t) => ({
        id: t.id,
        number: t.number,
        code: t.code,
        label: taskLabel(t),
        text: t.text,
        reported: reports.some((p) => p.task_id === t.id && p.unit_id === r.unit_id && p.period === r.period),
      })),
  }))
}
