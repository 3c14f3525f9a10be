/** 催办 as the office words and paces it. Pure. */
import { cnDate, cnMonth } from '../exporters/common'

export const DEFAULT_REMINDER_TEMPLATE =
  '{单位}：截至{今天}，你单位牵头的{任务数}项任务尚未报送{期次}进展（{任务}），请于{截止日期}前在督办台报送。'
export const DEFAULT_REMINDER_WINDOW_HOURS = 24

/** The placeholders a template may use, with what they stand for (shown on the settings page). */
export const REMINDER_PLACEHOLDERS: Record<string, string> = {
  '{单位}': '被催办单位名称',
  '{任务}': '未报送任务，如“重点工作第3项、工作要点第15项”',
  '{任务数}': '未报送任务的项数',
  '{期次}': '报送期次，如“2021年7月”',
  '{截止日期}': '本期报送截止日，如“2021年7月25日”',
  '{今天}': '催办当天，如“2021年7月20日”',
}

const LISTED = 10

export interface ReminderFacts {
  unitName: string
  taskLabels: string[]
  period: string
  dueOn: string
  today: string
}

/** Fills the template; dates as the office writes them, a long task list shortened with 等N项. */
export function fillReminder(template: string, f: ReminderFacts): string {
  const tasks =
    f.taskLabels.length === 0
      ? '无'
      : f.taskLabels.length > LISTED
        ? `${f.taskLabels.slice(0, LISTED).join('、')}等${f.taskLabels.length}项`
        : f.taskLabels.join('、')
  const values: Record<string, string> = {
    '{单位}': f.unitName,
    '{任务}': tasks,
    '{任务数}': String(f.taskLabels.length),
    '{期次}': cnMonth(f.period),
    '{截止日期}': cnDate(f.dueOn),
    '{今天}': cnDate(f.today),
  }
  return template.replace(/\{(单位|任务数|任务|期次|截止日期|今天)\}/g, (m) => values[m] ?? m)
}

/** Placeholders in braces the template names but the office cannot fill (a typo such as {单位名称}). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).filter((p) => !(p in REMINDER_PLACEHOLDERS))
}

/** The 催办 already sent to a unit within the window before `now`: how many, and the latest. */
export function recentUrges(sentAt: readonly string[], now: Date, windowHours: number): { count: number; last: string | null } {
  const since = now.getTime() - windowHours * 3600_000
  const recent = sentAt.filter((at) => new Date(at).getTime() > since).sort()
  return { count: recent.length, last: recent.at(-1) ?? null }
}
