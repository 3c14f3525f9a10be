import { z } from 'zod'
import { ALL_ROLES, OFFICE, defineCall } from './define'
import { id } from './plans'
import { calendarDay } from './dates'
import { MATTER_SOURCES, REPORT_CADENCES, URGENCIES } from './caseload-vocabulary'
import type { CreatedMatter, MatterPreview } from '../core/matters/service'
import type { UnsignedRow } from '../core/matters/assignment'
import type { ExtensionView } from '../core/matters/extensions'
import type { MatterDetail } from '../core/matters/detail'
import type { MatterSettings } from '../core/matters/settings'

const sourceKind = z.enum(MATTER_SOURCES, { error: '请选择事项来源' })
const urgency = z.enum(URGENCIES, { error: '请选择办理时限类型' })
const cadence = z.enum(REPORT_CADENCES, { error: '请选择报送频次' })
const workdays = z.number({ error: '办理时限必须是数字' }).int('办理时限应为整数个工作日').min(1, '办理时限至少1个工作日').max(366)
const reportDay = z.number({ error: '报送日必须是数字' }).int().min(1, '报送日应为1至31日').max(31, '报送日应为1至31日')

const item = z.object({
  text: z.string().trim().min(1, '请填写事项内容').max(5000, '事项内容不超过5000字'),
  leadUnitIds: z.array(id).min(1, '请选择牵头单位').max(20),
  coopUnitIds: z.array(id).max(50).optional(),
  leaderId: id.nullable().optional(),
  urgency,
  timeLimitDays: workdays.nullable().optional(),
  expectedEvidence: z.string().max(500, '预期佐证材料不超过500字').optional(),
  milestones: z
    .array(
      z.object({
        dueOn: calendarDay('节点日期'),
        expectedEvidence: z.string().max(500, '应提供的佐证材料不超过500字').nullable().optional(),
      }),
    )
    .max(24, '节点最多24个')
    .optional(),
})

export const matterCalls = {
  'matters.create': defineCall<{ planId: number; matters: CreatedMatter[] }>()({
    input: z.object({
      sourceKind,
      sourceTitle: z.string().max(200, '来源文件名称不超过200字').nullable().optional(),
      sourceAttachmentId: id.nullable().optional(),
      instructedBy: id.nullable().optional(),
      parentTaskId: id.nullable().optional(),
      parentInstructionId: id.nullable().optional(),
      reportCadence: cadence.optional(),
      reportDay: reportDay.nullable().optional(),
      items: z.array(item).min(1, '请至少填写一项督查事项').max(200, '一次最多登记200项'),
    }),
    roles: ALL_ROLES, // the core refuses everyone but the office, with a reason
  }),
  'matters.preview': defineCall<MatterPreview>()({
    input: z.object({
      sourceKind,
      urgency,
      timeLimitDays: workdays.nullable().optional(),
      text: z.string().max(200_000, '文字过长').optional(),
      attachmentId: id.optional(),
    }),
    roles: OFFICE,
  }),
  'matters.detail': defineCall<MatterDetail>()({ input: z.object({ taskId: id }), roles: ALL_ROLES }),
  'matters.unsigned': defineCall<UnsignedRow[]>()({ input: z.object({ overdueOnly: z.boolean().optional() }), roles: ALL_ROLES }),
  'matters.settings': defineCall<MatterSettings>()({ input: z.object({}), roles: ALL_ROLES }),
  'matters.setSettings': defineCall<MatterSettings>()({
    input: z.object({
      timeLimits: z.object({ urgent: workdays.max(5, '急件的办理时限不超过5个工作日'), normal: workdays, complex: workdays }),
      signDays: workdays,
      followupDays: workdays,
      series: z.object(
        Object.fromEntries(MATTER_SOURCES.map((k) => [k, z.string().trim().max(10, '编号字头不超过10字')])) as Record<
          (typeof MATTER_SOURCES)[number],
          z.ZodString
        >,
      ),
    }),
    roles: OFFICE,
  }),
  'tasks.acknowledge': defineCall<{ acknowledgedAt: string }>()({ input: z.object({ taskId: id }), roles: ALL_ROLES }),
  'tasks.returnAssignment': defineCall<{ returnId: number }>()({
    input: z.object({ taskId: id, reason: z.string().trim().min(1, '请填写退回理由').max(2000, '退回理由不超过2000字') }),
    roles: ALL_ROLES,
  }),
  'tasks.setCadence': defineCall<MatterDetail>()({
    input: z.object({ taskId: id, reportCadence: cadence, reportDay: reportDay.nullable() }),
    roles: OFFICE,
  }),
  'extensions.request': defineCall<ExtensionView[]>()({
    input: z.object({
      taskId: id,
      reason: z.string().trim().min(1, '请填写延期理由').max(2000, '延期理由不超过2000字'),
      proposedDue: calendarDay('申请的完成时限'),
    }),
    roles: ALL_ROLES,
  }),
  'extensions.decide': defineCall<ExtensionView[]>()({
    input: z.object({
      extensionId: id,
      decision: z.enum(['approve', 'refuse'], { error: '请选择同意或不同意' }),
      reason: z.string().max(2000, '审批意见不超过2000字').optional(),
    }),
    roles: ALL_ROLES,
  }),
  'extensions.list': defineCall<ExtensionView[]>()({
    input: z.object({ taskId: id.optional(), status: z.enum(['pending', 'approved', 'refused']).optional() }),
    roles: ALL_ROLES,
  }),
}
