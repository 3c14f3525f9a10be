/** 开始使用: the steps a new install goes through, each done or not, computed from what the database holds. */
import type { Ctx } from '../context'
import { requireRole } from '../users/rules'
import { latestPlanId } from '../reminders/service'
import { bureauSettings } from './bureau'

export type OnboardingKey = 'bureau' | 'units' | 'people' | 'plan' | 'assignment' | 'firstReport'

export interface OnboardingStep {
  key: OnboardingKey
  title: string
  /** what doing it means, or what is still missing */
  detail: string
  /** who does it */
  by: string
  done: boolean
  /** the page that does it */
  path: string
}

export interface Onboarding {
  steps: OnboardingStep[]
  /** every step done: the checklist can step aside */
  complete: boolean
}

const count = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0)

export async function onboarding(ctx: Ctx): Promise<Onboarding> {
  requireRole(ctx.actor, ['admin', 'office'])
  const db = ctx.db
  const bureau = await bureauSettings(ctx)
  const units = count(
    await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '!=', 'collective')
      .where('active', '=', 1)
      .executeTakeFirst(),
  )
  const people = count(
    await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '!=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirst(),
  )
  const planId = await latestPlanId(ctx)
  let unassigned = 0
  let tasks = 0
  if (planId !== null) {
    const rows = await db
      .selectFrom('tasks')
      .select(['tasks.id'])
      .select((eb) => [
        eb
          .exists(eb.selectFrom('task_units').select('task_id').whereRef('task_units.task_id', '=', 'tasks.id').where('role', '=', 'lead'))
          .as('has_lead'),
        eb.exists(eb.selectFrom('milestones').select('task_id').whereRef('milestones.task_id', '=', 'tasks.id')).as('has_milestone'),
      ])
      .where('plan_id', '=', planId)
      .where('closed_at', 'is', null)
      .execute()
    tasks = rows.length
    unassigned = rows.filter((r) => !Number(r.has_lead) || !Number(r.has_milestone)).length
  }
  const reports = count(
    await db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['submitted', 'approved'])
      .executeTakeFirst(),
  )
  const steps: OnboardingStep[] = [
    {
      key: 'bureau',
      title: '填写本局信息',
      detail: bureau.name ? `本局名称：${bureau.name}` : '填写本局名称、简称、督办单和督查通报文号前缀、每月报送日和工作日历',
      by: '系统管理员',
      done: bureau.name !== '',
      path: '/settings/bureau',
    },
    {
      key: 'units',
      title: '建立单位',
      detail: units ? `已有${units}个处室和单位` : '添加本局各处室及牵头任务的直属单位、协会、中心',
      by: '系统管理员',
      done: units > 0,
      path: '/settings/units',
    },
    {
      key: 'people',
      title: '添加人员',
      detail: people ? `已有${people}名人员` : '逐个添加或导入 Excel 人员名册：办公室、局领导（含分管处室）、处室负责人和工作人员',
      by: '系统管理员',
      done: people > 0,
      path: '/settings/people',
    },
    {
      key: 'plan',
      title: '导入工作要点',
      detail: planId !== null ? `已导入，共${tasks}项未办结任务` : '导入本局年度工作要点（Word、PDF、Excel 或文本）',
      by: '办公室',
      done: planId !== null,
      path: '/import',
    },
    {
      key: 'assignment',
      title: '分工与进度节点',
      detail:
        planId === null
          ? '导入工作要点后，为每项任务确定牵头单位、分管领导和进度节点'
          : unassigned
            ? `尚有${unassigned}项任务未确定牵头单位或进度节点`
            : '每项任务都已确定牵头单位和进度节点',
      by: '办公室',
      done: planId !== null && tasks > 0 && unassigned === 0,
      path: '/tasks',
    },
    {
      key: 'firstReport',
      title: '首次报送',
      detail: reports ? `已收到${reports}份进展报送` : '各处室在“我的报送”中填报本月进展，办公室审核',
      by: '各处室',
      done: reports > 0,
      path: '/supervision',
    },
  ]
  return { steps, complete: steps.every((s) => s.done) }
}
