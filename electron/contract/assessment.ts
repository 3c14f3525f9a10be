/** 督查督办规则 (the escalation ladder) and 督查考核 (the year-end assessment), with the month-on-month comparison. */
import { z } from 'zod'
import { ALL_ROLES, OFFICE, defineCall } from './define'
import { id } from './plans'
import { period } from './reports'
import { calendarDay } from './dates'
import type { EscalationRules } from '../core/escalation/rules'
import type { DryRun, FiringView } from '../core/escalation/service'
import type { PlannedAction } from '../core/escalation/rules'
import type { ScoringRules } from '../core/assessment/rules'
import type { AppealView, AssessmentView } from '../core/assessment/service'
import type { MonthOnMonth } from '../core/assessment/monthly'
import type { ExportedFile } from '../core/exporters/common'

const workdays = (what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .int(`${what}应为整数`)
    .min(0, `${what}不能小于0`)
    .max(250, `${what}不超过250个工作日`)
const grace = (what: string) => workdays(what).nullable()
const points = (what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .min(0, `${what}不能小于0`)
    .max(100, `${what}不超过100分`)

export const levelRule = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,19}$/, '等级标识只能用小写字母、数字和下划线'),
  name: z.string().trim().min(1, '请填写等级名称').max(20, '等级名称不超过20字'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色格式应为 #RRGGBB'),
  dueSoonWorkdays: grace('临近时限天数'),
  overdueGrace: grace('逾期宽限'),
  milestoneGrace: grace('节点宽限'),
  reportGrace: grace('报送宽限'),
  unsignedGrace: grace('签收宽限'),
  actions: z.object({ inbox: z.boolean(), notice: z.boolean(), letter: z.boolean(), interview: z.boolean() }),
  replyWorkdays: workdays('回复期限').min(1, '回复期限至少1个工作日'),
})

export const escalationRulesInput = z.object({
  enabled: z.boolean(),
  startOn: calendarDay('起算日期').nullable(),
  levels: z.array(levelRule).min(1, '请至少设置一个督办等级').max(6, '督办等级最多6个'),
  minReminderGapWorkdays: workdays('催办间隔'),
  tallies: z.array(z.object({ from: z.string(), count: z.int32().min(1, '累计次数至少为1').max(20), to: z.string() })).max(6),
  interview: z.object({ level: z.string(), consecutive: z.int32().min(1, '连续次数至少为1').max(20) }).nullable(),
}) satisfies z.ZodType<EscalationRules>

export const scoringRulesInput = z.object({
  base: points('基础分'),
  missingReport: points('未报送扣分'),
  emptyReport: points('空报扣分'),
  emptyMinChars: z.int32().min(0).max(500),
  lateReport: points('迟报扣分'),
  returnedReport: points('退回扣分'),
  overdueTask: points('逾期扣分'),
  missedMilestone: points('节点未完成扣分'),
  redNotice: points('红色督办单扣分'),
  redLevel: z.string().min(1),
  unsignedAssignment: points('未签收扣分'),
  approvedExtension: points('延期扣分'),
  earlyCompletion: points('提前完成加分'),
  earlyWorkdays: workdays('提前天数'),
  leaderWeight: z.number().min(0, '领导评价占比不能小于0').max(1, '领导评价占比不能超过100%'),
  categoryCap: points('单类扣分上限').nullable(),
  floor: points('最低分'),
  appealWorkdays: workdays('申诉期').min(1, '申诉期至少1个工作日'),
  monthlyBoard: z.boolean(),
}) satisfies z.ZodType<ScoringRules>

const year = z.number({ error: '请选择年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确')
const reason = (what: string) => z.string().trim().min(1, `请填写${what}`).max(1000, `${what}不超过1000字`)

export const assessmentCalls = {
  'escalation.rules': defineCall<EscalationRules>()({ input: z.object({}), roles: ['admin', 'office', 'leader'] }),
  'escalation.setRules': defineCall<EscalationRules>()({ input: escalationRulesInput, roles: OFFICE }),
  'escalation.dryRun': defineCall<DryRun>()({ input: z.object({ day: calendarDay('日期').optional() }), roles: OFFICE }),
  'escalation.run': defineCall<{ fired: PlannedAction[]; deferred: PlannedAction[] }>()({ input: z.object({}), roles: OFFICE }),
  'escalation.firings': defineCall<FiringView[]>()({
    input: z.object({ taskId: id.optional(), unitId: id.optional(), interviewsOnly: z.boolean().optional() }),
    roles: ALL_ROLES,
  }),
  'assessment.rules': defineCall<ScoringRules>()({ input: z.object({}), roles: ALL_ROLES }),
  'assessment.setRules': defineCall<ScoringRules>()({ input: scoringRulesInput, roles: OFFICE }),
  'assessment.preview': defineCall<AssessmentView>()({
    input: z.object({ year, asOf: calendarDay('截至日期').optional() }),
    roles: ALL_ROLES,
  }),
  'assessment.announce': defineCall<AssessmentView>()({
    input: z.object({ year, asOf: calendarDay('截至日期').optional() }),
    roles: OFFICE,
  }),
  'assessment.appeal': defineCall<AppealView>()({
    input: z.object({ year, itemKey: z.string().min(1).max(100), reason: reason('申诉理由') }),
    roles: ['unit_head', 'unit_staff'],
  }),
  'assessment.decideAppeal': defineCall<AppealView>()({
    input: z.object({ appealId: id, decision: z.enum(['upheld', 'rejected'], { error: '请选择处理结果' }), reason: reason('处理理由') }),
    roles: OFFICE,
  }),
  'assessment.publish': defineCall<AssessmentView>()({ input: z.object({ year }), roles: OFFICE }),
  'assessment.result': defineCall<AssessmentView | null>()({ input: z.object({ year }), roles: ALL_ROLES }),
  'assessment.rate': defineCall<{ ok: true }>()({
    input: z.object({
      year,
      unitId: id,
      score: z.number().min(0, '评分应在0到100之间').max(100, '评分应在0到100之间'),
      comment: z.string().max(500).optional(),
    }),
    roles: ['leader'],
  }),
  'assessment.exportXlsx': defineCall<ExportedFile>()({ input: z.object({ year }), roles: ['admin', 'office', 'leader'] }),
  'assessment.exportDocx': defineCall<ExportedFile>()({ input: z.object({ year }), roles: ['admin', 'office', 'leader'] }),
  'assessment.monthly': defineCall<MonthOnMonth>()({
    input: z.object({ period: period.optional() }),
    roles: ['admin', 'office', 'leader'],
  }),
}
