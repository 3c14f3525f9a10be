/** Progress-report rules: periods, the reporting day and who may do what. Pure: no database here. */
import type { ReportStatus } from '../db/schema'
import type { Actor } from '../context'
import { DubanError, denied } from '../errors'
import { canReadTask } from '../users/rules'

export const DEFAULT_REPORTING_DAY = 25
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '被退回',
  approved: '已通过',
}

/** The month a day belongs to: 2021-07-20 → 2021-07. */
export const periodOf = (day: string) => day.slice(0, 7)

export function lastDayOfMonth(period: string): number {
  const [y, m] = period.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** 每月25日前: the day a period's report is due; a day past the month's end means its last day. */
export function reportDueDate(period: string, reportingDay: number): string {
  const day = Math.min(Math.max(1, Math.trunc(reportingDay)), lastDayOfMonth(period))
  return `${period}-${String(day).padStart(2, '0')}`
}

/** After the reporting day a missing report counts as 未报送; until then it is only 待报送. */
export function isReportLate(period: string, reportingDay: number, today: string): boolean {
  return today > reportDueDate(period, reportingDay)
}

export type UnitRole = 'lead' | 'coop'

export function unitRoleOn(task: { leads: readonly number[]; coops: readonly number[] }, unitId: number | null): UnitRole | null {
  if (unitId === null) return null
  if (task.leads.includes(unitId)) return 'lead'
  if (task.coops.includes(unitId)) return 'coop'
  return null
}

/**
 * Who may see a report, and so its evidence files: whoever may read the task, except that a
 * draft stays inside the unit that writes it until it is submitted. One rule for reports.get,
 * files.read and files.openWithSystem.
 */
export function assertMayReadReport(
  actor: Actor,
  taskUnitIds: readonly number[],
  report: { status: ReportStatus; unit_id: number },
  what = '该报送',
): void {
  if (!canReadTask(actor, taskUnitIds)) throw denied(`${what}所属任务不属于您所在的处室，无权查看`)
  if (report.status === 'draft' && actor.unitId !== report.unit_id) throw denied(`${what}属于尚未提交的报送草稿，无权查看`)
}

/** A unit may edit its report while it is a draft or came back from the office. */
export function assertEditable(status: ReportStatus | undefined): void {
  if (status === 'submitted') throw new DubanError('conflict', '该报送已提交，正在等待办公室审核，不能修改')
  if (status === 'approved') throw new DubanError('conflict', '该期报送已审核通过，不能再修改；新的进展请在下一期报送')
}

export function assertReviewable(status: ReportStatus, role: UnitRole | null): void {
  if (role !== 'lead') throw new DubanError('conflict', '配合单位的报送供牵头单位和办公室参考，不单独审核')
  if (status !== 'submitted') throw new DubanError('conflict', `该报送当前为“${REPORT_STATUS_LABELS[status]}”，不在待审核状态`)
}

/** A submitted version's number: a resubmission after a return is a new version. */
export function nextVersion(status: ReportStatus | undefined, version: number): number {
  return status === 'returned' ? version + 1 : version
}

export function assertFinalAllowed(isFinal: boolean, role: UnitRole, percent: number): void {
  if (!isFinal) return
  if (role !== 'lead') throw new DubanError('invalid_input', '只有牵头单位可以申请销号')
  if (percent < 100) throw new DubanError('invalid_input', '申请销号时完成进度应为100%')
}
