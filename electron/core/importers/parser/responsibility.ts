/** Who leads and who assists, as written at the end of an item. */
export interface Responsibility {
  leads: string[]
  coops: string[]
  /** the item text with the responsibility note removed */
  text: string
  /** true when a responsibility note was found */
  found: boolean
  /** which kind of note named them, shown to the office as the reason */
  rule?: ResponsibilityRule
}

/** label: 牵头单位：X; bracket: （X牵头，Y配合）; sentence: …。X牵头。 */
export type ResponsibilityRule = 'label' | 'bracket' | 'sentence'

const KEYWORDS = /牵头|负责|配合|协办|主办|责任(单位|处室|部门)|参与/
const UNIT_END = /(处|室|局|会|中心|科|部|所|站|队|委|办|司|厅|院|组|公司)$/
const LABEL = /(?:牵头|责任|主办|主责|配合|协办|参与)(?:单位|处室|部门)?\s*[：:]/g

/** Splits a run of names on 、，,;； and on 和/及 when both sides look like units. */
export function splitNames(raw: string): string[] {
  const parts = raw.split(/[、，,;；/\s]+/).flatMap(splitOnConjunction)
  return parts.map(cleanName).filter((p) => p.length > 0)
}

function splitOnConjunction(part: string): string[] {
  const m = /^(.{2,}?)(和|及|与)(.{2,})$/.exec(part)
  if (!m || !UNIT_END.test(m[1])) return [part]
  return [m[1], ...splitOnConjunction(m[3])]
}

const cleanName = (s: string) =>
  s
    .replace(/^(由|请|各自|以及)/, '')
    .replace(/(等)$/, '')
    .replace(/[。.：:、，,；;\s]+$/g, '')
    .trim()

/** Reads a note such as X牵头，Y配合 / 牵头单位：X；配合单位：Y / 责任单位：X / X负责. */
export function parseResponsibilityNote(note: string): { leads: string[]; coops: string[] } {
  const leads: string[] = []
  const coops: string[] = []
  const body = note.trim()
  if (LABEL.test(body)) {
    LABEL.lastIndex = 0
    const labels = [...body.matchAll(LABEL)]
    labels.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length
      const end = i + 1 < labels.length ? (labels[i + 1].index ?? body.length) : body.length
      const names = splitNames(body.slice(start, end))
      if (/配合|协办|参与/.test(m[0])) coops.push(...names)
      else leads.push(...names)
    })
    return { leads, coops }
  }
  for (const clause of body.split(/[，,;；]/)) {
    const c = clause.trim()
    if (!c) continue
    const coop = /^(.*?)(配合|协办|参与)$/.exec(c)
    const lead = /^(.*?)(牵头|负责|主办|主责)(实施|落实|推进)?$/.exec(c)
    if (coop) coops.push(...splitNames(coop[1]))
    else if (lead) leads.push(...splitNames(lead[1]))
  }
  return { leads, coops }
}

const BRACKETED = /[（(]([^（）()]{1,80})[）)]/g

/** Finds the responsibility note of an item (the last bracket naming who leads) and removes it. */
export function extractResponsibility(text: string): Responsibility {
  let best: { start: number; end: number; note: string } | null = null
  for (const m of text.matchAll(BRACKETED)) {
    if (!KEYWORDS.test(m[1])) continue
    const parsed = parseResponsibilityNote(m[1])
    if (parsed.leads.length + parsed.coops.length === 0) continue
    best = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, note: m[1] }
  }
  if (best) {
    const { leads, coops } = parseResponsibilityNote(best.note)
    const remaining = (text.slice(0, best.start) + text.slice(best.end)).trim()
    return { leads: dedupe(leads), coops: dedupe(coops), text: remaining, found: true, rule: 'bracket' }
  }
  // An unbracketed trailing note: 牵头单位：X；配合单位：Y or 责任单位：X
  const label = /(?:牵头|责任|主办)(?:单位|处室|部门)\s*[：:]/.exec(text)
  if (label && label.index > 0) {
    const { leads, coops } = parseResponsibilityNote(text.slice(label.index))
    if (leads.length + coops.length > 0) {
      const remaining = text
        .slice(0, label.index)
        .replace(/[，,;；\s]+$/, '')
        .trim()
      return { leads: dedupe(leads), coops: dedupe(coops), text: remaining, found: true, rule: 'label' }
    }
  }
  // A closing sentence without brackets: …。市场监管处牵头，普遍服务处配合。 / …。办公室负责。
  const tail = /[。；;]\s*([^。；;（）()]{2,40}?(?:牵头|负责)(?:[，,][^。；;（）()]{2,40}?(?:配合|协办|参与))?)[。；;]?$/.exec(text)
  if (tail) {
    const { leads, coops } = parseResponsibilityNote(tail[1])
    if (leads.length > 0 && leads.every((n) => n.length <= 15)) {
      const remaining = text.slice(0, tail.index + 1).trim()
      return { leads: dedupe(leads), coops: dedupe(coops), text: remaining, found: true, rule: 'sentence' }
    }
  }
  return { leads: [], coops: [], text: text.trim(), found: false }
}

const dedupe = (xs: string[]) => [...new Set(xs)]

/** Leads such as 各相关处室 or 相关单位 that name no single unit. */
export function isCollectiveLead(name: string): boolean {
  return /^各|^相关|^有关|^全体|各(相关)?(处室|单位|部门)$/.test(name)
}
