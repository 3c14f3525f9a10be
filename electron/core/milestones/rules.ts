/** Milestone templates and their checks. Pure: no database here. */
import { DubanError } from '../errors'

export type MilestoneTemplate = 'quarterly' | 'half_yearly' | 'year_end' | 'custom'

export interface MilestoneDraft {
  dueOn: string
  plannedPct: number
  title: string
  /** what the unit must show at this milestone (会议纪要、照片、文件); null: nothing named */
  expectedEvidence?: string | null
}

export const TEMPLATE_LABELS: Record<MilestoneTemplate, string> = {
  quarterly: '按季度（3/6/9/12月底）',
  half_yearly: '按半年（6/12月底）',
  year_end: '年底一次',
  custom: '自定义',
}

const FIXED: Record<Exclude<MilestoneTemplate, 'custom'>, { md: string; pct: number; title: string }[]> = {
  quarterly: [
    { md: '03-31', pct: 25, title: '一季度' },
    { md: '06-30', pct: 50, title: '二季度' },
    { md: '09-30', pct: 75, title: '三季度' },
    { md: '12-31', pct: 100, title: '全年' },
  ],
  half_yearly: [
    { md: '06-30', pct: 50, title: '上半年' },
    { md: '12-31', pct: 100, title: '全年' },
  ],
  year_end: [{ md: '12-31', pct: 100, title: '全年' }],
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function isRealDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

/** Custom milestones must be real days, in order, with planned progress never going down. */
export function validateMilestones(points: readonly MilestoneDraft[]): MilestoneDraft[] {
  if (points.length === 0) throw new DubanError('invalid_input', '请至少设置一个节点')
  const sorted = [...points].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  for (const [i, p] of sorted.entries()) {
    if (!isRealDay(p.dueOn)) throw new DubanError('invalid_input', `节点日期“${p.dueOn}”不是有效日期`)
    if (!Number.isInteger(p.plannedPct) || p.plannedPct < 0 || p.plannedPct > 100) {
      throw new DubanError('invalid_input', '节点计划进度应为0到100之间的整数')
    }
    const prev = sorted[i - 1]
    if (prev && prev.dueOn === p.dueOn) throw new DubanError('invalid_input', `同一天（${p.dueOn}）不能有两个节点`)
    if (prev && prev.plannedPct > p.plannedPct) throw new DubanError('invalid_input', '后面节点的计划进度不能低于前面节点')
  }
  return sorted.map((p) => ({ ...p, title: p.title.trim(), expectedEvidence: p.expectedEvidence?.trim() || null }))
}

/** The milestones a template gives for a plan year; 'custom' takes the office's own points. */
export function buildTemplate(template: MilestoneTemplate, year: number, custom?: readonly MilestoneDraft[]): MilestoneDraft[] {
  if (template === 'custom') return validateMilestones(custom ?? [])
  return FIXED[template].map((m) => ({ dueOn: `${year}-${m.md}`, plannedPct: m.pct, title: m.title }))
}
