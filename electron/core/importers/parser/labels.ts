/**
 * Label/value responsibility notes: 牵头单位:X 责任单位:Y 配合单位:Z, with or without brackets,
 * on the item's own line or on lines after it. Each label has a role; people (牵头领导,
 * 项目责任人) and progress (实际完成情况) are labels too, so their values are not taken for units.
 * A 责任单位 beside a 牵头单位 assists; a 责任单位 alone leads.
 */
import { splitUnits } from './unit-names'

type Role = 'lead' | 'co' | 'responsible' | 'split' | 'person' | 'other'

const ROLE_WORDS: [Role, string[]][] = [
  [
    'person',
    [
      '牵头负责领导',
      '牵头市领导',
      '牵头省领导',
      '牵头区领导',
      '牵头县领导',
      '牵头领导',
      '分管省领导',
      '分管市领导',
      '分管区领导',
      '分管县领导',
      '分管领导',
      '责任领导',
      '项目责任人',
      '责任人',
      '联系人',
    ],
  ],
  ['lead', ['牵头责任单位', '牵头单位', '牵头部门', '牵头处室', '牵头科室', '主办单位', '主责单位', '主责部门']],
  [
    'co',
    [
      '协同责任单位',
      '配合责任单位',
      '配合单位',
      '配合部门',
      '配合处室',
      '配合科室',
      '协同单位',
      '协同部门',
      '协办单位',
      '参与单位',
      '参与部门',
    ],
  ],
  ['responsible', ['责任单位', '责任部门', '责任处室', '责任科室', '责任主体', '实施单位', '承办单位']],
  ['split', ['部门分工', '任务分工', '职责分工']],
  ['other', ['实际完成情况', '完成情况', '进展情况', '完成时限', '完成时间', '时间节点', '工作措施', '具体措施', '备注']],
]

const ROLE_OF = new Map<string, Role>(ROLE_WORDS.flatMap(([role, words]) => words.map((w) => [w, role] as [string, Role])))
/** A cheap first look: every label ends in one of these words before its colon. */
const ANY_LABEL = /(单位|部门|处室|科室|领导|责任人|联系人|分工|主体|情况|时限|时间|节点|措施|备注)\s*[:：]/
const LABEL = new RegExp(`(${[...ROLE_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]`, 'g')

export interface LabelledNote {
  leads: string[]
  coops: string[]
  /** where the note starts in the text (its opening bracket, or its first label) */
  start: number
}

/** 列第一位者为牵头单位 / 排在首位的为牵头单位: the first unit listed leads. */
const FIRST_LEADS = /(列|排)在?(第一|首)位[^（）()]{0,6}(为|是)[^（）()]{0,6}牵头/
/** A remark after a list of units (下同, 列第一位者为…), bracketed or after a comma, is not a unit. */
const REMARK = /[（(][^（）()]*(下同|列第一位|排第一位|为牵头)[^（）()]*[）)]\s*$/
const REMARK_TAIL = /[,，;；][^,，;；（）()]*(下同|第一位|首位|为牵头)[^（）()]*$/

/** Clauses such as X牵头，Y配合 / X、Y牵头，Z按职责分工负责 / X牵头，Y负责落实 / X负责. */
export function readDutyClauses(note: string): { leads: string[]; coops: string[] } {
  const leads: string[] = []
  const coops: string[] = []
  const shared: string[] = []
  // Units in a clause without a duty word continue the next clause's list: X牵头，A、B等部门，C配合.
  let pending: string[] = []
  for (const clause of note.split(/[，,;；。]/)) {
    const c = clause.trim()
    if (!c) continue
    const lead = /^(.+?)(?:牵头|主办|主责)(?:负责|实施|落实|推进)?$/.exec(c)
    const coop = /^(.+?)(?:配合|协办|参与|协同)(?:实施|落实|推进)?$/.exec(c)
    // X负责(落实) reads like 按职责分工负责: beside a 牵头 it names who carries the work out.
    const duty =
      /^(.+?)(?:按(?:各自)?职责(?:分工)?(?:负责|落实|抓好落实)|分别负责|共同负责)$/.exec(c) ?? /^(.+?)负责(?:实施|落实|推进)?$/.exec(c)
    const take = (m: RegExpExecArray) => [...pending, ...splitUnits(m[1])]
    if (lead) leads.push(...take(lead))
    else if (coop) coops.push(...take(coop))
    else if (duty) shared.push(...take(duty))
    else {
      pending.push(...splitUnits(c))
      continue
    }
    pending = []
  }
  // Units 按职责分工负责 (or 负责落实) beside a lead assist it; on their own they are the ones responsible,
  // unless the note says the first listed leads (X、Y、Z等负责，列第一位者为牵头单位).
  if (leads.length > 0) coops.push(...shared)
  else if (FIRST_LEADS.test(note) && shared.length > 1) {
    leads.push(shared[0])
    coops.push(...shared.slice(1))
  } else leads.push(...shared)
  return { leads: dedupe(leads), coops: dedupe(coops) }
}

const OPENERS = '(（〔[［【'
const CLOSERS = ')）〕]］】'

/** A value ends where a bracket closes that it did not open: （牵头单位：X）（完成时限：…） gives X. */
function cutAtUnbalancedClose(value: string): string {
  let depth = 0
  for (let i = 0; i < value.length; i++) {
    if (OPENERS.includes(value[i])) depth++
    else if (CLOSERS.includes(value[i])) {
      if (depth === 0) return value.slice(0, i)
      depth--
    }
  }
  return value
}

/** Reads the label/value note of an item, or null when the item has no labelled units. */
export function readLabelledNote(text: string): LabelledNote | null {
  if (!ANY_LABEL.test(text)) return null
  const labels = [...text.matchAll(LABEL)]
  if (labels.length === 0) return null
  const found: Record<Role, string[]> = { lead: [], co: [], responsible: [], split: [], person: [], other: [] }
  labels.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length
    const to = i + 1 < labels.length ? (labels[i + 1].index ?? text.length) : text.length
    // A sentence after the names (以下任务均需…) is a remark, not more names.
    const value = cutAtUnbalancedClose(text.slice(from, to)).split('。')[0]
    found[ROLE_OF.get(m[1]) ?? 'other'].push(value)
  })
  const leads = found.lead.flatMap(splitUnits)
  const coops = found.co.flatMap(splitUnits)
  for (const v of found.split) {
    const duty = readDutyClauses(v)
    leads.push(...duty.leads)
    coops.push(...duty.coops)
  }
  // 责任单位：A、B、C（列第一位者为牵头单位）: the remark is no unit, and it makes A the lead.
  const firstLeads = found.responsible.some((v) => FIRST_LEADS.test(v))
  const responsible = found.responsible.map((v) => v.replace(REMARK, '').replace(REMARK_TAIL, '')).flatMap(splitUnits)
  if (leads.length > 0) coops.push(...responsible)
  else if (firstLeads && responsible.length > 1) {
    leads.push(responsible[0])
    coops.push(...responsible.slice(1))
  } else leads.push(...responsible)
  if (leads.length + coops.length === 0) return null
  let start = labels[0].index ?? 0
  const before = text.slice(0, start).trimEnd()
  if (before.length > 0 && OPENERS.includes(before[before.length - 1])) start = before.length - 1
  return { leads: dedupe(leads), coops: dedupe(coops).filter((c) => !leads.includes(c)), start }
}

const dedupe = (xs: string[]) => [...new Set(xs.filter(Boolean))]
