/** Indicators: target against the latest actual on the as-of day, and multi-year trajectories. */
import type { Db } from '../db/connection'
import { dayIn } from '../calendar/dates'
import { meetsTarget, trajectoryValue } from './rules'

export interface IndicatorFigure {
  indicatorId: number
  taskId: number | null
  name: string
  unit: string
  comparator: string
  target: number
  targetYear: number | null
  latest: { value: number; period: string } | null
  /** latest as a percent of target (one decimal); null without an actual */
  attainment: number | null
  met: boolean | null
  /** Xinyang-style indicators with a baseline year, a target year and an annual growth rate */
  trajectory: { year: number; planned: number; actual: number | null }[] | null
}

interface ValueRow {
  indicator_id: number
  period: string
  value: number
  id: number
  recorded_at: string
  status: string | null
  reviewed_at: string | null
}

/** A value sent with a report counts once the report was approved; a value entered directly counts when recorded. */
function countsOn(v: ValueRow, asOf: string, zone: string): boolean {
  if (v.status === null) return dayIn(new Date(v.recorded_at), zone) <= asOf
  return v.status === 'approved' && v.reviewed_at !== null && dayIn(new Date(v.reviewed_at), zone) <= asOf
}

/** `zone` is the bureau's: it decides on which day a value was recorded or approved. */
export async function indicatorFigures(
  db: Db,
  planId: number,
  asOf: string,
  zone: string,
  taskIds?: ReadonlySet<number>,
): Promise<IndicatorFigure[]> {
  const [indicators, values] = await Promise.all([
    db
      .selectFrom('indicators')
      .leftJoin('tasks', 'tasks.id', 'indicators.task_id')
      .selectAll('indicators')
      .select('tasks.code as task_code')
      .where('indicators.plan_id', '=', planId)
      .orderBy('indicators.id')
      .execute(),
    db
      .selectFrom('indicator_values as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
      .leftJoin('reports as r', 'r.id', 'v.report_id')
      .select(['v.indicator_id', 'v.period', 'v.value', 'v.id', 'v.recorded_at', 'r.status', 'r.reviewed_at'])
      .where('i.plan_id', '=', planId)
      .execute(),
  ])
  const byIndicator = new Map<number, ValueRow[]>()
  for (const v of values) if (countsOn(v, asOf, zone)) byIndicator.set(v.indicator_id, [...(byIndicator.get(v.indicator_id) ?? []), v])
  const latestOf = (vs: ValueRow[]) =>
    vs.reduce<ValueRow | null>((a, b) => (!a || b.period > a.period || (b.period === a.period && b.id > a.id) ? b : a), null)

  const shown = indicators.filter((i) => !taskIds || i.task_id === null || taskIds.has(i.task_id))
  // Twin tasks (工作要点 and 民生实事 naming one target) carry the same indicator twice: one line for it,
  // fed by values reported on either; twins whose targets differ stay apart, each named with its task's code.
  const twins = new Map<string, typeof shown>()
  for (const i of shown) {
    const key = `${i.name}|${i.unit}`
    twins.set(key, [...(twins.get(key) ?? []), i])
  }
  return [...twins.values()].flatMap((group) => {
    const same = group.every((i) => i.target_value === group[0].target_value && i.comparator === group[0].comparator)
    const lines = same
      ? [{ ...group[0], values: group.flatMap((i) => byIndicator.get(i.id) ?? []), label: group[0].name }]
      : group.map((i) => ({ ...i, values: byIndicator.get(i.id) ?? [], label: i.task_code ? `${i.name}（${i.task_code}）` : i.name }))
    return lines.map((i) => {
      const vs = i.values
      const latest = latestOf(vs)
      const multiYear =
        i.baseline_value !== null &&
        i.baseline_year !== null &&
        i.target_year !== null &&
        i.growth_pct !== null &&
        i.target_year > i.baseline_year
      const trajectory = multiYear
        ? Array.from({ length: i.target_year! - i.baseline_year! + 1 }, (_, k) => {
            const year = i.baseline_year! + k
            const inYear = latestOf(vs.filter((v) => v.period.startsWith(String(year))))
            return {
              year,
              planned: trajectoryValue(i.baseline_value!, i.growth_pct!, k),
              actual: k === 0 && !inYear ? i.baseline_value : (inYear?.value ?? null),
            }
          })
        : null
      return {
        indicatorId: i.id,
        taskId: i.task_id,
        name: i.label,
        unit: i.unit,
        comparator: i.comparator,
        target: i.target_value,
        targetYear: i.target_year,
        latest: latest ? { value: latest.value, period: latest.period } : null,
        attainment: latest && i.target_value ? Math.round((latest.value / i.target_value) * 1000) / 10 : null,
        met: latest ? meetsTarget(i.comparator, latest.value, i.target_value) : null,
        trajectory,
      }
    })
  })
}
