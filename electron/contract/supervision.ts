import { z } from 'zod'
import { ALL_ROLES, OFFICE, defineCall } from './define'
import { id } from './plans'
import { period } from './reports'
import { calendarDay } from './dates'
import { INBOX_KINDS } from './vocabulary'
import { taskVersions, version } from './versions'
import type { InboxItem } from '../core/inbox/service'
import type { InstructionView } from '../core/instructions/service'
import type { NotReported, NoticeView } from '../core/reminders/service'
import type { ReminderSettings, UrgeView } from '../core/reminders/urging'
import type { HomeSummary } from '../core/home/service'

const text = (what: string, max = 5000) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`)
const milestone = z.object({
  dueOn: calendarDay('节点日期'),
  plannedPct: z.number({ error: '计划进度必须是数字' }).int().min(0, '计划进度不能小于0').max(100, '计划进度不能超过100'),
  title: z.string().max(50, '节点名称不超过50字').default(''),
  expectedEvidence: z.string().max(500, '应提供的佐证材料不超过500字').nullable().optional(),
})
const taskIds = z.array(id).min(1, '请选择任务').max(500, '一次最多处理500项任务')

export const supervisionCalls = {
  'tasks.bulkAssign': defineCall<{ updated: number }>()({
    input: z.object({
      taskIds,
      versions: taskVersions,
      leadUnitIds: z.array(id).max(20).optional(),
      coopUnitIds: z.array(id).max(50).optional(),
      leaderId: id.nullable().optional(),
      deadline: calendarDay('完成时限').nullable().optional(),
    }),
    roles: OFFICE,
  }),
  'milestones.applyTemplate': defineCall<{ updated: number }>()({
    input: z.object({
      taskIds,
      versions: taskVersions,
      template: z.enum(['quarterly', 'half_yearly', 'year_end', 'custom'], { error: '请选择节点模板' }),
      custom: z.array(milestone).max(24, '节点最多24个').optional(),
    }),
    roles: OFFICE,
  }),
  'milestones.set': defineCall<{ id: number; dueOn: string; plannedPct: number; title: string; expectedEvidence: string | null }[]>()({
    input: z.object({ taskId: id, version, milestones: z.array(milestone).min(1, '请至少设置一个节点').max(24, '节点最多24个') }),
    roles: OFFICE,
  }),
  'reminders.notReported': defineCall<NotReported>()({
    input: z.object({ planId: id.optional(), period: period.optional() }),
    roles: ALL_ROLES,
  }),
  'reminders.send': defineCall<{ id: number; unitId: number; unitName: string; period: string; issue: string }>()({
    input: z.object({
      unitId: id,
      period: period.optional(),
      planId: id.optional(),
      message: z.string().max(1000, '催办内容不超过1000字').optional(),
      taskIds: z.array(id).max(500).optional(),
      /** the office confirmed a second 催办 within the window */
      override: z.boolean().optional(),
    }),
    roles: OFFICE,
  }),
  /** what the 催办 dialog opens with: the filled template, the unreported tasks, recent 催办 to the unit */
  'reminders.draft': defineCall<{
    unitId: number
    unitName: string
    period: string
    dueOn: string
    tasks: { id: number; label: string; text: string }[]
    text: string
    windowHours: number
    recent: { count: number; last: string | null; lastByName: string | null } | null
  }>()({
    input: z.object({ unitId: id, period: period.optional(), planId: id.optional() }),
    roles: OFFICE,
  }),
  /** the record of 催办: by task, by unit, or by id (a unit sees its own) */
  'reminders.urges': defineCall<UrgeView[]>()({
    input: z.object({ taskId: id.optional(), unitId: id.optional(), ids: z.array(id).max(500).optional() }),
    roles: ALL_ROLES,
  }),
  'settings.reminder': defineCall<ReminderSettings & { defaultTemplate: string }>()({ input: z.object({}), roles: OFFICE }),
  'settings.setReminder': defineCall<ReminderSettings>()({
    input: z.object({
      template: text('催办模板', 1000),
      windowHours: z
        .number({ error: '提醒间隔必须是数字' })
        .int('提醒间隔应为整数小时')
        .min(0, '提醒间隔不能小于0')
        .max(720, '提醒间隔不超过720小时'),
    }),
    roles: OFFICE,
  }),
  'reminders.issueNotice': defineCall<NoticeView>()({
    input: z.object({
      taskId: id,
      issue: text('督办事项', 2000),
      requiredReply: text('回复要求', 1000),
      replyDeadline: calendarDay('答复期限'),
      signer: z.string().trim().max(20, '签发人不超过20字').optional(),
    }),
    roles: OFFICE,
  }),
  /** the unit's receipt, recorded when someone of the addressed unit opens the notice */
  'reminders.readNotice': defineCall<NoticeView>()({ input: z.object({ noticeId: id }), roles: ['unit_head', 'unit_staff'] }),
  'reminders.replyNotice': defineCall<NoticeView>()({
    input: z.object({
      noticeId: id,
      reply: text('回复内容'),
      revision: version.optional(),
      attachmentIds: z.array(id).max(20, '佐证材料最多20个').optional(),
    }),
    roles: ['unit_head', 'unit_staff'],
  }),
  /** the office accepts the reply (办结) or returns it with a reason */
  'reminders.decideNotice': defineCall<NoticeView>()({
    input: z.object({
      noticeId: id,
      revision: version,
      accept: z.boolean(),
      reason: z.string().trim().max(1000, '理由不超过1000字').optional(),
    }),
    roles: OFFICE,
  }),
  'reminders.list': defineCall<NoticeView[]>()({
    input: z.object({
      kind: z.enum(['reminder', 'notice']).optional(),
      awaitingReply: z.boolean().optional(),
      taskId: id.optional(),
      ids: z.array(id).max(500).optional(),
      year: z.int32().min(1990).max(2100).optional(),
    }),
    roles: ALL_ROLES,
  }),
  'reminders.escalateDue': defineCall<{ escalated: number[] }>()({ input: z.object({}), roles: OFFICE }),
  'settings.setReportingDay': defineCall<{ day: number }>()({
    input: z.object({ day: z.number().int('报送日应为整数').min(1, '报送日应在1到31之间').max(31, '报送日应在1到31之间') }),
    roles: OFFICE,
  }),
  'inbox.list': defineCall<{ items: InboxItem[]; unread: { total: number; byKind: Record<string, number> } }>()({
    input: z.object({
      unreadOnly: z.boolean().optional(),
      kind: z.enum(INBOX_KINDS).optional(),
      limit: z.int32().min(1).max(500).optional(),
    }),
    roles: ALL_ROLES,
  }),
  'inbox.unreadCounts': defineCall<{ total: number; byKind: Record<string, number> }>()({ input: z.object({}), roles: ALL_ROLES }),
  'inbox.markRead': defineCall<{ marked: number }>()({
    input: z.object({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() }),
    roles: ALL_ROLES,
  }),
  'instructions.write': defineCall<InstructionView[]>()({ input: z.object({ taskId: id, body: text('批示内容') }), roles: ['leader'] }),
  'instructions.reply': defineCall<InstructionView[]>()({
    input: z.object({ instructionId: id, body: text('回复内容') }),
    roles: ALL_ROLES,
  }),
  'instructions.list': defineCall<InstructionView[]>()({ input: z.object({ taskId: id }), roles: ALL_ROLES }),
  'home.summary': defineCall<HomeSummary>()({ input: z.object({ planId: id.optional() }), roles: ALL_ROLES }),
}
