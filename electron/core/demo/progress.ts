import type { Ctx } from '../context'
import { inTransaction } from '../audit/service'

/** Small seeded generator so the demo is the same on every machine. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const QUARTERLY = [
  { month: '03-31', pct: 25, title: '一季度' },
  { month: '06-30', pct: 50, title: '二季度' },
  { month: '09-30', pct: 75, title: '三季度' },
  { month: '12-31', pct: 100, title: '全年' },
]

const PROGRESS_TEXT = [
  '已制定工作方案并召开专题部署会，明确责任分工和时间节点。',
  '按计划推进，已完成阶段性任务，相关材料已归档。',
  '会同相关部门开展联合检查，督促企业落实整改。',
  '已组织召开推进会，形成阶段性成果，正在总结经验做法。',
]

/** An invented actual: a rate stays near its target, a count grows with the task's progress. */
function demoActual(i: { unit: string; target_value: number }, percent: number): number {
  if (i.unit === '%') return Math.round(Math.min(100, i.target_value * (0.9 + percent / 1000)) * 10) / 10
  return Math.round(i.target_value * (percent / 100) * 100) / 100
}

/**
 * Invented history for the demo only: quarterly milestones, a leader in charge, and approved
 * reports for March and June, with some units behind, some done and a few reports awaiting review.
 */
export async function seedDemoProgress(ctx: Ctx, planId: number, leaderOfUnit: Map<number | undefined, number | undefined>) {
  const random = mulberry32(2021)
  const year = 2021
  const tasks = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'deadline'])
    .select((eb) =>
      eb
        .selectFrom('task_units')
        .select('unit_id')
        .whereRef('task_units.task_id', '=', 'tasks.id')
        .where('role', '=', 'lead')
        .orderBy('position')
        .limit(1)
        .as('lead_id'),
    )
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute()
  const heads = await ctx.db.selectFrom('users').select(['id', 'unit_id']).where('role', '=', 'unit_head').execute()
  const office = await ctx.db.selectFrom('users').select('id').where('role', '=', 'office').executeTakeFirstOrThrow()

  const indicators = await ctx.db
    .selectFrom('indicators')
    .select(['id', 'task_id', 'unit', 'target_value'])
    .where('plan_id', '=', planId)
    .execute()

  await inTransaction(ctx, async (trx) => {
    // the plan's own figures (邮政业务总量…) as the office records them after the half year
    for (const i of indicators.filter((x) => x.task_id === null)) {
      await trx
        .insertInto('indicator_values')
        .values({
          indicator_id: i.id,
          report_id: null,
          period: `${year}-06`,
          value: demoActual(i, 52),
          recorded_at: `${year}-07-10T02:00:00.000Z`,
        })
        .execute()
    }
    for (const task of tasks) {
      const leadId = task.lead_id ?? null
      const author = heads.find((h) => h.unit_id === leadId)?.id ?? office.id
      await trx
        .updateTable('tasks')
        // The document's own deadlines (原文时限) stay; the others get the office's year-end, marked as office-set.
        .set({
          leader_id: leaderOfUnit.get(leadId ?? undefined) ?? null,
          ...(task.deadline ? {} : { deadline: `${year}-12-31`, deadline_by_office: 1 }),
        })
        .where('id', '=', task.id)
        .execute()
      for (const m of QUARTERLY) {
        await trx
          .insertInto('milestones')
          .values({ task_id: task.id, due_on: `${year}-${m.month}`, planned_pct: m.pct, title: m.title })
          .execute()
      }
      const roll = random()
      if (roll < 0.06 || leadId === null) continue // never reported
      const june = roll > 0.88 ? 100 : roll < 0.22 ? 30 + Math.round(random() * 3) * 5 : 50 + Math.round(random() * 4) * 5
      const reports = [
        { period: `${year}-03`, percent: Math.min(june, 25 + Math.round(random() * 2) * 5), on: `${year}-03-25` },
        { period: `${year}-06`, percent: june, on: `${year}-06-25` },
      ]
      for (const r of reports) {
        const final = r.percent === 100
        const report = await trx
          .insertInto('reports')
          .values({
            task_id: task.id,
            unit_id: leadId,
            period: r.period,
            percent: r.percent,
            progress: PROGRESS_TEXT[Math.floor(random() * PROGRESS_TEXT.length)],
            problems: r.percent < 50 ? '受疫情防控影响，部分现场工作推迟。' : '',
            next_steps: final ? '总结经验，形成长效机制。' : '按时间节点推进下一阶段工作。',
            status: 'approved',
            demo: 1,
            is_final: final ? 1 : 0,
            version: 1,
            return_reason: null,
            created_by: author,
            reviewed_by: office.id,
            submitted_at: `${r.on}T09:00:00.000Z`,
            reviewed_at: `${r.on}T15:00:00.000Z`,
            created_at: `${r.on}T08:00:00.000Z`,
            updated_at: `${r.on}T15:00:00.000Z`,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        // the task's targets get an actual with each report, in step with its progress
        for (const i of indicators.filter((x) => x.task_id === task.id)) {
          await trx
            .insertInto('indicator_values')
            .values({
              indicator_id: i.id,
              report_id: report.id,
              period: r.period,
              value: demoActual(i, r.percent),
              recorded_at: `${r.on}T09:00:00.000Z`,
            })
            .execute()
        }
        if (final)
          await trx
            .updateTable('tasks')
            .set({ closed_at: `${r.on}T15:00:00.000Z` })
            .where('id', '=', task.id)
            .execute()
      }
    }
  })
}
