/** Hand-built event histories for the escalation and assessment rules. */
import { EMPTY_CALENDAR, type WorkCalendar } from '../../electron/core/calendar/workdays'
import type { FiringFact, History, NoticeFact, ReportFact, TaskHistory } from '../../electron/core/escalation/history'

export const UNIT = { id: 7, name: '市场监管处' }

export function task(over: Partial<TaskHistory> = {}): TaskHistory {
  return {
    taskId: 1,
    taskNumber: 14,
    taskText: '开展寄递安全专项整治',
    listName: '工作要点',
    planYear: 2021,
    leaderId: null,
    unitId: UNIT.id,
    unitName: UNIT.name,
    deadline: '2021-12-31',
    closedOn: null,
    milestones: [],
    duePeriods: [],
    reports: [],
    notices: [],
    pauses: [],
    assignment: null,
    ...over,
  }
}

export function report(id: number, period: string, submittedOn: string | null, over: Partial<ReportFact> = {}): ReportFact {
  return {
    id,
    period,
    status: submittedOn ? 'approved' : 'draft',
    percent: 50,
    versions: submittedOn
      ? [
          {
            id: id * 10,
            version: 1,
            outcome: 'approved',
            submittedOn,
            reviewedOn: submittedOn,
            progress: '已完成阶段性任务，召开专题部署会。',
            returnReason: null,
          },
        ]
      : [],
    ...over,
  }
}

let firingId = 100
export function firing(level: string, eventKey: string, on: string, over: Partial<FiringFact> = {}): FiringFact {
  const [, trigger = 'report', t = 't1', u = `u${UNIT.id}`, subject = ''] = eventKey.split('|')
  return {
    id: firingId++,
    eventKey,
    level,
    triggerKind: trigger,
    unitId: Number(u.slice(1)),
    taskId: Number(t.slice(1)) || null,
    subject,
    on,
    noticeId: null,
    ...over,
  }
}

export function history(
  tasks: TaskHistory[],
  more: { firings?: FiringFact[]; reminders?: NoticeFact[]; calendar?: WorkCalendar } = {},
): History {
  return {
    calendar: more.calendar ?? EMPTY_CALENDAR,
    tasks,
    reminders: more.reminders ?? [],
    firings: more.firings ?? [],
    units: [UNIT, { id: 8, name: '普遍服务处' }],
  }
}
