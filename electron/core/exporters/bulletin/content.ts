/** What a 督查通报 says for a period, independent of Word or HTML. Pure: no database here. */
import { STATUS_LABELS } from '../../tasks/rules'
import type { PlanSnapshot, SnapshotTask } from '../../dashboards/snapshot'
import { completion, perList, perUnit } from '../../dashboards/figures'
import { cnDate } from '../common'
import type { BureauInfo } from '../bureauInfo'
import type { OfficialRecord } from '../official/docx'

export interface BulletinTaskLine {
  taskId: number
  label: string
  leads: string
  detail: string
}

export interface BulletinContent {
  bureau: string
  /** 发文机关标志 */
  mark: string
  docNumber: string
  title: string
  addressee: string
  opening: string
  overall: string[]
  unitTable: { header: string[]; rows: string[][] }
  overdue: BulletinTaskLine[]
  behind: BulletinTaskLine[]
  goodPractice: BulletinTaskLine[]
  nextSteps: string[]
  signature: string
  date: string
  /** 版记 */
  record: OfficialRecord
}

const line = (t: SnapshotTask, detail: string): BulletinTaskLine => ({
  taskId: t.id,
  label: `${t.code}（${t.listName}第${t.number}项）：${t.text}`,
  leads: t.leads.map((u) => u.name).join('、') || '未明确牵头单位',
  detail,
})

export function bulletinContent(
  s: PlanSnapshot,
  period: string,
  docNumber: string,
  reportingDay: number,
  bureau: BureauInfo,
): BulletinContent {
  const all = completion(s.tasks)
  const n = (st: string) => all.byStatus.find((x) => x.status === st)?.count ?? 0
  const lists = perList(s).filter((l) => l.total > 0)
  const units = perUnit(s, reportingDay)
  const overdue = s.tasks.filter((t) => t.status === 'overdue')
  const behind = s.tasks.filter((t) => t.status === 'behind')
  // Every task done by the as-of day, the period's own closures first: a month without a new closure
  // still reports the tasks finished before it (the bulletin once said 暂无 while 15 were done).
  const done = s.tasks
    .filter((t) => t.status === 'done')
    .sort(
      (a, b) =>
        Number(b.closedOn?.startsWith(period) ?? false) - Number(a.closedOn?.startsWith(period) ?? false) ||
        (b.closedOn ?? '').localeCompare(a.closedOn ?? ''),
    )
  const lateUnits = units.filter((u) => u.overdue + u.behind > 0).map((u) => u.unitName)
  return {
    bureau: bureau.name,
    mark: `${bureau.name}督查通报`,
    docNumber,
    title: `关于${s.plan.year ?? period.slice(0, 4)}年工作要点${Number(period.slice(5))}月份落实情况的督查通报`,
    addressee: '各处室、各直属单位：',
    opening: `为推动《${s.plan.title.replace(/^.*关于印发/, '').replace(/的通知$/, '')}》各项任务落实落地，根据督查工作安排，现将截至${cnDate(s.asOf)}的落实情况通报如下。`,
    overall: [
      `截至${cnDate(s.asOf)}，纳入督查的工作任务共${all.total}项，已完成${all.done}项，完成率${all.doneRate}%；` +
        `正常推进${n('on_track')}项，临期${n('due_soon')}项，进度滞后${n('behind')}项，逾期${n('overdue')}项，未开始${n('not_started')}项。` +
        `各项任务平均完成进度${all.avgActualPct}%，按节点计划应达${all.avgPlannedPct}%。`,
      lists.map((l) => `${l.name}${l.total}项，已完成${l.done}项，平均进度${l.avgActualPct}%`).join('；') + '。',
    ],
    unitTable: {
      header: ['牵头单位', '牵头任务', '已完成', '完成率', '进度滞后', '逾期', '按时报送率'],
      rows: units.map((u) => [
        u.unitName,
        String(u.led),
        String(u.done),
        `${u.completionRate}%`,
        String(u.behind),
        String(u.overdue),
        u.punctuality.due ? `${u.punctuality.rate}%` : '—',
      ]),
    },
    overdue: overdue.map((t) => line(t, `完成时限${t.deadlineText ?? t.dueOn ?? '未定'}，当前进度${t.actualPct}%`)),
    behind: behind.map((t) => line(t, `计划进度${t.plannedPct}%，实际进度${t.actualPct}%，${STATUS_LABELS[t.status]}`)),
    goodPractice: done.map((t) =>
      line(t, `${t.closedOn ? `${cnDate(t.closedOn)}销号。` : '已完成。'}${t.latest?.progress || '已完成并经办公室审核销号。'}`),
    ),
    nextSteps: [
      lateUnits.length
        ? `请${lateUnits.join('、')}针对逾期和进度滞后任务，逐项分析原因，明确整改措施和完成时限，于下一报送期前报办公室。`
        : '各单位要保持工作力度，对照时间节点扎实推进各项任务。',
      `各单位要严格落实每月${reportingDay}日前报送进展的要求，如实填报完成进度和存在问题，确保数据真实准确。`,
      '办公室将持续跟踪督办，对逾期未完成且无正当理由的任务，按规定发送督办单并提请局领导约谈。',
    ],
    signature: bureau.name,
    date: cnDate(s.asOf),
    record: { cc: bureau.ccList, organ: bureau.printingOrgan, date: cnDate(s.asOf) },
  }
}
