import type { Ctx } from '../context'
import { requireActor } from '../users/rules'
import { visibleRows, type TaskRow } from '../tasks/service'
import { STATUS_LABELS, STATUS_ORDER, type TaskStatus } from '../tasks/rules'
import { pendingReviews } from '../reports/review'
import { periodOf } from '../reports/rules'
import { reportView, type ReportView } from '../reports/view'
import { latestPlanId, listNotices, notReported, type NotReported, type NoticeView } from '../reminders/service'
import { listInbox, unreadCounts, type InboxItem } from '../inbox/service'

type Brief = Pick<
  TaskRow,
  'id' | 'number' | 'code' | 'codeOrder' | 'text' | 'listName' | 'status' | 'statusLabel' | 'light' | 'dueOn' | 'leads'
>
const brief = (r: TaskRow): Brief => ({
  id: r.id,
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
  /** office */
  pendingReview?: { count: number; items: ReportView[] }
  notReported?: NotReported
  overdue?: { count: number; items: Brief[] }
  noticesAwaitingReply?: NoticeView[]
  /** unit */
  toReport?: Brief[]
  returned?: ReportView[]
  instructions?: InboxItem[]
  /** leader */
  inCharge?: Brief[]
  /** the divisions this leader is in charge of (分管), with their tasks' state */
  inChargeUnits?: { id: number; name: string; led: number; done: number; behind: number; overdue: number }[]
  escalated?: NoticeView[]
}

/** What each role looks at first when the app opens. */
export async function homeSummary(ctx: Ctx, input: { planId?: number }): Promise<HomeSummary> {
  const actor = requireActor(ctx.actor)
  const planId = input.planId ?? (await latestPlanId(ctx))
  const period = periodOf(ctx.clock.today())
  const unread = await unreadCounts(ctx)
  const rows = planId === null ? [] : (await visibleRows(ctx, planId)).rows
  const base = { planId, period, unread, byStatus: byStatus(rows) }
  const overdueRows = rows.filter((r) => r.status === 'overdue')

  if (actor.role === 'office' || actor.role === 'admin') {
    const pending = await pendingReviews(ctx, planId === null ? {} : { planId })
    return {
      ...base,
      role: 'office',
      pendingReview: { count: pending.length, items: pending.slice(0, 20) },
      notReported: await notReported(ctx, planId === null ? { period } : { planId, period }),
      overdue: { count: overdueRows.length, items: overdueRows.slice(0, 20).map(brief) },
      noticesAwaitingReply: await listNotices(ctx, { awaitingReply: true }),
    }
  }
  if (actor.role === 'leader') {
    const escalated = (await listNotices(ctx, { awaitingReply: true })).filter((n) => n.escalationLevel > 0)
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
    return {
      ...base,
      role: 'leader',
      overdue: { count: overdueRows.length, items: overdueRows.slice(0, 20).map(brief) },
      // Tasks named for this leader, and tasks led by the divisions in their charge.
      inCharge: rows.filter((r) => r.leaderId === actor.id || r.leads.some((u) => unitIds.has(u.id))).map(brief),
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
  const reports = await ctx.db
    .selectFrom('reports')
    .select(['id', 'task_id', 'status', 'period'])
    .where('unit_id', '=', actor.unitId ?? -1)
    .execute()
  const sentThisPeriod = new Set(
    reports.filter((r) => r.period === period && (r.status === 'submitted' || r.status === 'approved')).map((r) => r.task_id),
  )
  const returned = await Promise.all(reports.filter((r) => r.status === 'returned').map((r) => reportView(ctx.db, r.id)))
  return {
    ...base,
    role: 'unit',
    toReport: rows.filter((r) => !r.closedAt && r.leads.some((u) => u.id === actor.unitId) && !sentThisPeriod.has(r.id)).map(brief),
    returned,
    instructions: (await listInbox(ctx, { kind: 'instruction', unreadOnly: true })).items,
    overdue: { count: overdueRows.length, items: overdueRows.map(brief) },
    noticesAwaitingReply: await listNotices(ctx, { awaitingReply: true }),
  }
}
