import type { Comparator, TargetDraft } from '../types'

const UNITS = [
  '个百分点',
  '万平方米',
  '万亩',
  '万千瓦',
  '千瓦',
  '兆瓦',
  '万辆',
  '万套',
  '万株',
  '公顷',
  '元/人',
  '万人次',
  '人次',
  '万人',
  '万名',
  '万件',
  '亿件',
  '万个',
  '亿元',
  '万元',
  '万户',
  '万吨',
  '平方米',
  '公里',
  '千米',
  '小时',
  '分钟',
  '%',
  '家',
  '个',
  '人',
  '名',
  '件',
  '元',
  '处',
  '座',
  '辆',
  '台',
  '套',
  '条',
  '所',
  '场',
  '批',
  '项',
  '户',
  '吨',
  '米',
  '倍',
  '支',
  '部',
  '天',
  '次',
  '组',
  '间',
  '张',
  '本',
  '期',
  '位',
  '亩',
  '株',
  '棵',
  '床',
]
const UNIT_RE = UNITS.map((u) => u.replace('%', '%')).join('|')
/** 12,000 and 1,500 are written with thousands separators; the comma must not end the clause there. */
const NUMBER = new RegExp(`(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(${UNIT_RE})`, 'g')
/** The lower end of a range written before the number: 3-5个, 3至5个, 3～5个. */
const RANGE_START = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:[-－—~～]|至|到)\s*$/
const numberValue = (s: string) => Number(s.replace(/,/g, ''))

/** Verbs that turn the number after them into a goal, with the comparison they imply. */
const CUES: [string, Comparator][] = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不超过', '<='],
  ['至少', '>='],
  ['控制在', '<='],
  ['低于', '<'],
  ['少于', '<'],
  ['超过', '>'],
  ['突破', '>'],
  ['超', '>'],
  ['保持在', '='],
  ['稳定在', '='],
  ['达到', '='],
  ['提高到', '='],
  ['提高至', '='],
  ['提升到', '='],
  ['提升至', '='],
  ['增加到', '='],
  ['增至', '='],
  ['完成', '='],
  ['建成', '='],
  ['新建', '='],
  ['新增', '='],
  ['建设', '='],
  ['实现', '='],
  ['培训', '='],
  ['累计', '='],
  ['增加', '='],
  ['消除', '='],
  ['打通', '='],
  ['新辟', '='],
  ['投放', '='],
  ['扩建', '='],
  ['推广', '='],
  ['开工', '='],
  ['开通', '='],
  ['开办', '='],
  ['打造', '='],
  ['改造', '='],
  ['培育', '='],
  ['减轻', '='],
  ['约', '='],
  ['建', '='],
  ['达', '='],
  ['为', '='],
]
/** Whether a goal verb (建成, 打通, 新增 …) occurs in the text. */
export const hasGoalVerb = (text: string) => CUES.some(([cue]) => cue.length > 1 && text.includes(cue))

const AFTER: [RegExp, Comparator][] = [
  [/^\s*(及|或)?以上/, '>='],
  [/^\s*(及|或)?以下/, '<='],
  [/^\s*以内/, '<='],
]

const CLAUSE_BREAK = /[，。；;,！？!?：:]/
const LEADING_NOISE =
  /^(并|且|同时|其中|另外|力争|确保|争取|全年|今年|年底前?|年内|到年底|全面|基本|推动|推进|努力|进一步|\d{4}年(底|末)?前?|到\d{4}年(底|末)?|上半年|下半年|分别)+/
const TRAILING_NOISE = /(力争|确保|争取|分别|均|全部|将|要|稳定|保持|持续|努力|累计|基本|达)+$/
const QUOTES = /[“”‘’"'《》]/g

/** Positions inside quotes, book titles and document-number brackets, where numbers are names not goals. */
function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false)
  const pairs: Record<string, string> = { '“': '”', '《': '》', '〔': '〕', '"': '"', '‘': '’', '【': '】' }
  let close: string | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (close) {
      mask[i] = true
      if (c === close) close = null
    } else if (pairs[c]) {
      close = pairs[c]
      mask[i] = true
    }
  }
  return mask
}

/** A figure with its unit (and 以上/左右) right before a 、: the 、 closes one goal of a list. */
const FIGURE_BEFORE = new RegExp(`\\d\\s*(?:${UNIT_RE})(?:(?:及|或)?以[上下内]|左右)?$`)

/**
 * A comma between digits (12,000) is a thousands separator, not a clause break; a 、 after a figure
 * (不少于40个、街区4个) separates goals of one list as a comma would, while a 、 between names does not.
 */
const isBreak = (text: string, i: number) =>
  (CLAUSE_BREAK.test(text[i]) && !(text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) ||
  (text[i] === '、' && FIGURE_BEFORE.test(text.slice(Math.max(0, i - 16), i)))

function clauseBounds(text: string, start: number, end: number): [number, number] {
  let a = start
  while (a > 0 && !isBreak(text, a - 1)) a--
  let b = end
  while (b < text.length && !isBreak(text, b)) b++
  return [a, b]
}

const tidy = (s: string) => s.replace(QUOTES, '').replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '').replace(/\s+/g, '').trim()

function findCue(before: string): { at: number; cue: string; comparator: Comparator } | null {
  let best: { at: number; cue: string; comparator: Comparator } | null = null
  for (const [cue, comparator] of CUES) {
    const at = before.lastIndexOf(cue)
    if (at < 0) continue
    const end = at + cue.length
    const bestEnd = best ? best.at + best.cue.length : -1
    // 不低于 beats 低于, 达到 beats 达: the cue ending last wins, then the longest
    if (!best || end > bestEnd || (end === bestEnd && cue.length > best.cue.length)) best = { at, cue, comparator }
  }
  return best
}

/**
 * Quantitative goals in an item: a number with a unit that follows a goal verb
 * (达到, 建成, 超…) or is followed by 以上/以内. Years, 周年, quoted names such as
 * “29551” and numbers used as adjectives (2个专项治理) are not goals.
 */
export function findTargets(text: string): TargetDraft[] {
  const out: TargetDraft[] = []
  const mask = quotedMask(text)
  /** the clause that last gave a goal through a verb, for a list that shares it (新增托位1140个,普惠托位685个) */
  let shared = null as { end: number; comparator: Comparator } | null
  NUMBER.lastIndex = 0
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const numStart = m.index
    const unitEnd = numStart + m[0].length
    if (mask[numStart]) continue
    const range = text.slice(Math.max(0, numStart - 16), numStart).match(RANGE_START)
    const glued = /[\d.\-－—~～]/.test(text[numStart - 1] ?? '') || (text[numStart - 1] === ',' && /\d/.test(text[numStart - 2] ?? ''))
    if (!range && glued) continue
    const after = text.slice(unitEnd)
    if (/^(年|月|日|周年|号|届)/.test(after)) continue
    // 4个工作小时, 3个月, 5个工作日: 个 counts units of time, a span (办结时限), not things to reach.
    if (m[2] === '个' && /^\s*(工作)?(日|小时|月|季度|星期|周)/.test(after)) continue
    const [a, b] = clauseBounds(text, numStart, unitEnd)
    const rangeStart = range ? numStart - range[0].length : numStart
    if (rangeStart < a) continue
    const before = text.slice(a, rangeStart)
    const cue = findCue(before)
    const qualifier = AFTER.find(([re]) => re.test(after))
    const restOfClause = text.slice(unitEnd, b)
    const endsClause = /^\s*((及|或)?以[上下内])?\s*$/.test(restOfClause)
    const cueTouches = cue !== null && /^\s*$/.test(before.slice(cue.at + cue.cue.length))
    const inherits: boolean = !cue && !qualifier && endsClause && sharesVerb(text, shared, a, before)
    if (!qualifier && !inherits && !(cue && (cueTouches || endsClause))) continue
    let comparator: Comparator = cue?.comparator ?? (inherits && shared ? shared.comparator : '=')
    // 至少建成1个: a bound right before the goal verb sets the comparison.
    const bound = cue && comparator === '=' ? before.slice(0, cue.at).match(/(至少|不少于|不低于)\s*$/) : null
    if (bound) comparator = '>='
    if (qualifier) comparator = cue && cue.comparator !== '=' && cue.comparator !== '>' ? cue.comparator : qualifier[1]
    const subject = cue ? before.slice(0, cue.at) : before
    const middle = cue ? before.slice(cue.at + cue.cue.length) : ''
    const object = restOfClause.replace(/^\s*((及|或)?以[上下内])/, '')
    const about = tidy(tidy(subject) + tidy(middle) + tidy(object))
    const qualText = qualifier ? (after.match(qualifier[0])?.[0] ?? '').trim() : ''
    // A range is met at its lower end: 新建3-5个 asks for at least 3.
    if (range && comparator === '=') comparator = '>='
    // 约 and 为 qualify one figure; they are not a verb a list can share
    if ((cue && !/^(约|为)$/.test(cue.cue)) || inherits)
      shared = { end: b, comparator: listComparator(comparator, before, cue, cueTouches, qualifier !== undefined) }
    else shared = null
    out.push({
      value: numberValue(range ? range[1] : m[1]),
      unit: m[2],
      comparator,
      about,
      text: `${range ? text.slice(rangeStart, numStart).replace(/\s+/g, '') : ''}${m[1]}${m[2]}${qualText}`,
    })
  }
  return [...out, ...halvings(text, mask), ...spansInYears(text, mask)]
}

/**
 * 平均受教育年限12.5年, 人均预期寿命79岁: an indicator measured in years or years of age. 年 is no unit
 * of the general reader (2025年 is a date), so only a figure right after 年限/寿命 counts.
 */
function spansInYears(text: string, mask: boolean[]): TargetDraft[] {
  const out: TargetDraft[] = []
  for (const m of text.matchAll(/(年限|寿命)\s*(达到|提高到|提高至|为)?\s*(\d+(?:\.\d+)?)\s*(年|岁)(以上)?/g)) {
    if (mask[m.index]) continue
    const [a] = clauseBounds(text, m.index, m.index + m[0].length)
    out.push({
      value: Number(m[3]),
      unit: m[4],
      comparator: m[5] ? '>=' : '=',
      about: tidy(text.slice(a, m.index) + m[1]),
      text: `${m[3]}${m[4]}${m[5] ?? ''}`,
    })
  }
  return out
}

/**
 * The comparison the next items of a list share. A bound that touches its own figure (培育单位不少于40个)
 * or a qualifier after it (新增托位1140个以上) belongs to that figure: the items after it share the verb
 * before it (培育, 新增), as written. A bound that is the only verb (覆盖率不低于40%) or that comes before
 * the verb (至少建成1个) holds for the whole list.
 */
function listComparator(
  comparator: Comparator,
  before: string,
  cue: { at: number; cue: string; comparator: Comparator } | null,
  cueTouches: boolean,
  qualified: boolean,
): Comparator {
  if (qualified) return cue && !cueTouches ? cue.comparator : '='
  if (!cue || !cueTouches || cue.comparator === '=') return comparator
  const verb = findCue(before.slice(0, cue.at))
  return verb && verb.comparator === '=' && !/^(约|为)$/.test(verb.cue) ? '=' : comparator
}

/**
 * A goal a task states twice (in its goal, then again in a measure under it) is one goal: a later
 * target with the same figure, unit and comparison whose object names the same thing (the one ends
 * with the other: 放心消费街区 / 街区) is dropped.
 */
export function withoutRestatedGoals(targets: TargetDraft[]): TargetDraft[] {
  const key = (t: TargetDraft) => `${t.value}|${t.unit}|${t.comparator}`
  const same = (a: string, b: string) => a !== '' && b !== '' && (a.endsWith(b) || b.endsWith(a))
  return targets.filter((t, i) => !targets.slice(0, i).some((e) => key(e) === key(t) && same(e.about, t.about)))
}

/**
 * A clause of a list whose verb was written once, in the clause before (新增屋顶光伏装机5万千瓦,
 * 家庭屋顶光伏1.2万户). Only a bare noun and its figure, right after that clause and a comma or 、
 * (not 。 or ；), and not a breakdown or a comparison (其中…, 同比…).
 */
function sharesVerb(text: string, shared: { end: number } | null, clauseStart: number, before: string): boolean {
  if (!shared || shared.end !== clauseStart - 1 || !/[,，、]/.test(text[shared.end] ?? '')) return false
  const noun = before.trim()
  return (
    noun.length >= 2 &&
    noun.length <= 12 &&
    /^[\u4e00-\u9fff（）()]+$/.test(noun) &&
    !/^(其中|占|比|同比|较|约合|相当于|合计|涉及|惠及|覆盖|带动|受益|服务|惠)/.test(noun)
  )
}

/** 减半 and 降低一半: a goal of half the current figure, read as a 50% reduction. */
function halvings(text: string, mask: boolean[]): TargetDraft[] {
  const out: TargetDraft[] = []
  for (const m of text.matchAll(/(?:减少|降低|下降|压减)一半|减半/g)) {
    if (mask[m.index]) continue
    const [a] = clauseBounds(text, m.index, m.index + m[0].length)
    const about = tidy(text.slice(a, m.index))
    if (!about) continue
    out.push({ value: 50, unit: '%', comparator: '>=', about: `${about}减少`, text: m[0] })
  }
  return out
}
