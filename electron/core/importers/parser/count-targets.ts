/**
 * Two target rules beside the general reader: a count that closes a list of named places
 * (建成投用沿浦、宜山…等8家卫生院, 增加A商圈、B网点2个点位) is a goal when a goal verb leads the sentence to it — the
 * sectors of a policy (在已实施制造业等6个行业…的基础上) are its scope; a figure with 以上/以下 that
 * qualifies a noun (投资10亿元以上项目, 6亩以下的土地) is a scope threshold, not a goal.
 */
import type { TargetDraft } from '../types'
import { hasGoalVerb } from './targets'

/**
 * 等8家, or the count right after the last name of a 、-list of names (商圈、银行网点2个点位) — not of
 * figures (6所、学位1680个 breaks a figure down) — and not a span or a share (3个月, 2个百分点).
 */
const COUNT_AFTER_LIST =
  /(?:等|[^\d、，,。；;：:（）()“”\s]{2}、[^、，,。；;：:\d（）()“”]{2,24}?)\s*(\d+(?:\.\d+)?)\s*(家|所|条|个|座|处|项|只|台|套|辆|部|张|公里)(?!百分点|工作|月|小时|季度|星期|周|日)/g

export function findListCounts(text: string): TargetDraft[] {
  const sentenceBefore = (at: number) =>
    text
      .slice(0, at)
      .split(/[。；;！？!?]/)
      .pop() ?? ''
  return [...text.matchAll(COUNT_AFTER_LIST)]
    .filter((m) => hasGoalVerb(sentenceBefore(m.index ?? 0)))
    .map((m) => ({
      value: Number(m[1]),
      unit: m[2],
      comparator: '=' as const,
      about: text.slice((m.index ?? 0) + m[0].length).split(/[，,。；;、]/)[0],
      text: `${m[1]}${m[2]}`,
    }))
}

/** True when the figure is followed by 以上/以下/以内 and then by the noun it qualifies. */
function isScope(text: string, t: TargetDraft): boolean {
  if (!/以[上下内]$/.test(t.text)) return false
  const at = text.indexOf(t.text)
  if (at < 0) return false
  // 6亩以下（不含6亩）的土地: an aside in brackets sits between the figure and its noun.
  const after = text.slice(at + t.text.length).replace(/^[（(][^）)]*[）)]/, '')
  return /^[\u4e00-\u9fff]/.test(after) && !/^(的?增长|增速|的?水平)/.test(after)
}

export function withCountRules(text: string, found: TargetDraft[]): TargetDraft[] {
  const kept = found.filter((t) => !isScope(text, t))
  const counts = findListCounts(text).filter((c) => !kept.some((k) => k.value === c.value && k.unit === c.unit))
  return [...kept, ...counts]
}
