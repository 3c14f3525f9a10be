import type { Ctx } from '../context'
import { isUnitRole, requireActor } from '../users/rules'
import { visibleRows, type TaskRow } from '../tasks/service'
import { STATUS_LABELS, STATUS_ORDER, type TaskStatus } from '../tasks/rules'
import { pendingReviewIds } from '../reports/review'
import { periodOf } from '../reports/rules'
import { reportViews, type ReportView } from '../reports/view'
import { latestPlanId, noticeViews, notReported, type NotReported, type NoticeView } from '../reminders/service'
import { escalateDue } from '../reminders/escalation'
import { inboxItems, inboxSweeps, unreadCounts, type InboxItem } from '../inbox/service'
import { attentionByList, type AttentionGroup } from './attention'

type Brief = Pick<
  TaskRow,
  'id' | 'number' | 'code' | 'codeOrder' | 'text' | 'listId' | 'listName' | 'status' | 'statusLabel' | 'light' | 'dueOn' | 'leads'
>
const brief = (r: TaskRow): Brief => ({
  id: r.id,
  listId: r.listId,
  number: r.number,
  code: r.code,
  codeOrder: r.codeOrder,
  text: r.text,
  listName: r.listName,
  status: r.status,
  statusLabel: r.statusLabel,
  light: r.light,
  dueOn: r.dueOn,
  leads: r.leads,
})

function byStatus(rows: readonly TaskRow[]) {
  return STATUS_ORDER.map((status: TaskStatus) => ({
    status,
    label: STATUS_LABELS[status],
    count: rows.filter((r) => r.status === status).length,
  }))
}

export interface HomeSummary {
  role: 'office' | 'unit' | 'leader'
  planId: number | null
  period: string
  unread: { total: number; byKind: Record<string, number> }
  byStatus: { status: TaskStatus; label: string; count: number }[]
  /** 需要关注: overdue and lagging tasks first, grouped by list (the leader's: those in their charge) */
  attention: AttentionGroup<Brief>[]
  /** office */
  pendingReview?: { count: number; items: ReportView[] }
  notReported?: NotReported
  overdue?: { count: number; items: Brief[] }
  noticesAwaitingReply?: NoticeView[]
  /** unit */
  toReport?: Brief[]
  /** the most recently returned first, at most HOME_LIST_LIMIT of them */
  returned?: ReportView[]
  /** how many of this unit's reports are returned in all (the home page links to the rest) */
  returnedCount?: number
  instructions?: InboxItem[]
  /** leader */
  inCharge?: Brief[]
  /** the divisions this leader is in charge of (分管), with their tasks' state */
  inChargeUnits?: { id: number; name: string; led: number; done: number; behind: number; overdue: number }[]
  escalated?: NoticeView[]
}

/** A home page shows the first few of a long list and links to the rest; the counts stay whole. */
export const HOME_LIST_LIMIT = 20

/** What each role looks at first when the app opens. */
export async function homeSummary(ctx: Ctx, input: { planId?: number }): Promise<HomeSummary> {
  const actor = requireActor(ctx.actor)
  const planId = input.planId ?? (await latestPlanId(ctx))
  const period = periodOf(ctx.clock.today())
  // What the calendar has made due reaches the inboxes once, before they are counted: a division's home
  // shows its inbox (escalations and overdue 签收); the others show the notices awaiting reply (escalations).
  if (isUnitRole(actor.role)) await inboxSweeps(ctx)
  else await escalateDue(ctx)
  const unread = await unreadCounts(ctx)
  const { rows, records } = planId === null ? { rows: [], records: [] } : await visibleRows(ctx, planId)
  const base = { planId, period, unread, byStatus: byStatus(rows), attention: attentionByList(rows.map(brief)) }
  const overdueRows = rows.filter((r) => r.status === 'overdue')

  if (actor.role === 'office' || actor.role === 'admin') {
    const pending = await pendingReviewIds(ctx, planId === null ? {} : { planId })
    return {
      ...base,
      role: 'office',
      pendingReview: { count: pending.length, items: await reportViews(ctx.db, pending.slice(0, HOME_LIST_LIMIT)) },
      notReported: await notReported(ctx, planId === null ? { period } : { planId, period }, planId === null ? undefined : records),
      overdue: { count: overdueRows.length, items: overdueRows.slice(0, HOME_LIST_LIMIT).map(brief) },
      noticesAwaitingReply: await noticeViews(ctx, { awaitingReply: true }),
    }
  }
  if (actor.role === 'leader') {
    const escalated = (await noticeViews(ctx, { awaitingReply: true })).filter((n) => n.escalationLevel > 0)
    const units = await ctx.db
      .selectFrom('leader_units')
      .innerJoin('units', 'units.id', 'leader_units.unit_id')
      .select(['units.id', 'units.name'])
      .where('leader_units.leader_id', '=', actor.id)
      .orderBy('units.sort')
      .orderBy('units.id')
      .execute()
    const unitIds = new Set(units.map((u) => u.id))
    const ledBy = (unitId: number) => rows.filter((r) => r.leads.some((u) => u.id === unitId))
    const inCharge = rows.filter((r) => r.leaderId === actor.id || r.leads.some((u) => unitIds.has(u.id))).map(brief)
    return {
      ...base,
      attention: attentionByList(inCharge),
      role: 'leader',
      overdue: { count: overdueRows.length, items: overdueRows.slice(0, HOME_LIST_LIMIT).map(brief) },
      // Tasks named for this leader, and tasks led by the divisions in their charge.
      inCharge,
      inChargeUnits: units.map((u) => ({
        id: u.id,
        name: u.name,
        led: ledBy(u.id).length,
        done: ledBy(u.id).filter((r) => r.status === 'done').length,
        behind: ledBy(u.id).filter((r) => r.status === 'behind').length,
        overdue: ledBy(u.id).filter((r) => r.status === 'overdue').length,
      })),
      escalated,
    }
  }
  const unitId = actor.unitId ?? -1
  const sent = await ctx.db
    .selectFrom('reports')
    .select('task_id')
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .where('status', 'in', ['submitted', 'approved'])
    .execute()
  const sentThisPeriod = new Set(sent.map((r) => r.task_id))
  const returnedIds = (
    await ctx.db
      .selectFrom('reports')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('status', '=', 'returned')
      .orderBy('reviewed_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).map((r) => r.id)
  const returned = await reportViews(ctx.db, returnedIds.slice(0, HOME_LIST_LIMIT))
  return {
    ...base,
    role: 'unit',
    toReport: rows.filter((r) => !r.closedAt && r.leads.some((u) => u.id === actor.unitId) && !sentThisPeriod.has(r.id)).map(brief),
    returned,
    returnedCount: returnedIds.length,
    instructions: await inboxItems(ctx, { kind: 'instruction', unreadOnly: true }),
    overdue: { count: overdueRows.length, items: overdueRows.map(brief) },
    noticesAwaitingReply: await noticeViews(ctx, { awaitingReply: true }),
  }
}
