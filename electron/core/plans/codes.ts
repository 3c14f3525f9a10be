/**
 * A task's short code, unique in its plan: the list's abbreviation and the task's number (重点3, 要点15),
 * or for the sub-items of a 民生实事 list headed by its numbered items, the item and the sub-item (民生5-2).
 * The one place codes are derived; everything else reads tasks.code. Pure: no database here.
 */

export interface CodeList {
  id: number
  name: string
  kind: string
  sort: number
  /** set by the office; null: derived from the list's kind or name */
  abbr: string | null
}
export interface CodeSection {
  id: number
  listId: number
  number: string | null
  title: string | null
  sort: number
}
export interface CodeTask {
  id: number
  listId: number
  sectionId: number | null
  number: number
  sort: number
}

const KIND_ABBR: Record<string, string> = { work_points: '要点', key_works: '重点', livelihood: '民生' }
const NAME_ABBR: [RegExp, string][] = [
  [/工作要点/, '要点'],
  [/重点工作|重点任务/, '重点'],
  [/民生/, '民生'],
  [/实事/, '实事'],
]

/** An abbreviation the office may set: short, and without digits or dashes that would blur the number. */
export function abbrProblem(abbr: string): string | null {
  if (!abbr.trim()) return '简称不能为空'
  if ([...abbr.trim()].length > 6) return '简称最多6个字'
  if (/[\d\-－—\s]/.test(abbr.trim())) return '简称不能含数字、横线或空格'
  return null
}

/** The default abbreviation: from the list's kind, else its name (工作要点→要点, 重点工作→重点, 民生实事→民生). */
export function defaultAbbr(kind: string, name: string): string {
  for (const [re, abbr] of NAME_ABBR) if (re.test(name)) return abbr
  if (KIND_ABBR[kind]) return KIND_ABBR[kind]
  const bare = name
    .replace(/\d{4}年?/g, '')
    .replace(/[\d\s（）()《》“”"、，,。·\-]/g, '')
    .replace(/^(市|省|县|区)?[^局]{0,12}局(关于)?/, '')
    .replace(/(分工安排|分工方案|清单|任务|安排)$/g, '')
  return [...(bare || '清单')].slice(0, 2).join('')
}

const ORDINALS = '甲乙丙丁戊己庚辛壬癸'

/** Each list's abbreviation, unique in the plan: a later list that repeats one gets 甲乙丙… appended. */
export function listAbbrs(lists: readonly CodeList[]): Map<number, string> {
  const out = new Map<number, string>()
  const used = new Set<string>()
  for (const l of [...lists].sort((a, b) => a.sort - b.sort || a.id - b.id)) {
    const base = l.abbr?.trim() || defaultAbbr(l.kind, l.name)
    let abbr = base
    for (let k = 0; used.has(abbr); k++)
      abbr = `${base}${ORDINALS[k % ORDINALS.length]}${k >= ORDINALS.length ? Math.floor(k / ORDINALS.length) : ''}`
    used.add(abbr)
    out.set(l.id, abbr)
  }
  return out
}

export interface TaskCode {
  code: string
  /** plan order of the code: list order, then item, then sub-item (a sort key, not text) */
  order: number
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 五 → 5, 十二 → 12, 3 → 3; null for anything else (the heading's place is used instead). */
export function headingNumber(raw: string | null): number | null {
  const s = (raw ?? '').replace(/[、.．（）()\s]/g, '')
  if (/^\d{1,3}$/.test(s)) return Number(s)
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || !s) return null
  if (!m[2]) return m[3] ? null : DIGITS[m[1]!]
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0)
}

/** Sub-item numbering applies to a 民生实事 list whose tasks sit under numbered headings (the 实事 themselves). */
function usesSubItems(list: CodeList, sections: readonly CodeSection[]): boolean {
  return list.kind === 'livelihood' && sections.some((s) => s.listId === list.id && (s.number || s.title))
}

export function taskCodes(lists: readonly CodeList[], sections: readonly CodeSection[], tasks: readonly CodeTask[]): Map<number, TaskCode> {
  const abbrs = listAbbrs(lists)
  const listRank = new Map([...lists].sort((a, b) => a.sort - b.sort || a.id - b.id).map((l, i) => [l.id, i]))
  const out = new Map<number, TaskCode>()
  for (const list of lists) {
    const own = tasks.filter((t) => t.listId === list.id).sort((a, b) => a.sort - b.sort || a.id - b.id)
    const base = (listRank.get(list.id) ?? 0) * 1_000_000
    const abbr = abbrs.get(list.id)!
    if (usesSubItems(list, sections)) {
      const headed = sections.filter((s) => s.listId === list.id).sort((a, b) => a.sort - b.sort || a.id - b.id)
      const numbers = headed.map((s, i) => headingNumber(s.number) ?? i + 1)
      // the document's own item numbers (实事五 → 民生5) unless they repeat; then the headings' places
      const distinct = new Set(numbers).size === numbers.length
      const itemOf = new Map(headed.map((s, i) => [s.id, distinct ? numbers[i] : i + 1]))
      const seen = new Map<number, number>()
      for (const t of own) {
        const item = t.sectionId !== null ? (itemOf.get(t.sectionId) ?? 0) : 0
        const sub = (seen.get(item) ?? 0) + 1
        seen.set(item, sub)
        out.set(t.id, { code: item ? `${abbr}${item}-${sub}` : `${abbr}${t.number}`, order: base + item * 1000 + sub })
      }
      continue
    }
    const seen = new Map<number, number>()
    for (const t of own) {
      // a number the document repeats in one list (a typo) still gets a code of its own: 要点7, 要点7甲
      const k = seen.get(t.number) ?? 0
      seen.set(t.number, k + 1)
      out.set(t.id, { code: `${abbr}${t.number}${k ? ORDINALS[(k - 1) % ORDINALS.length] : ''}`, order: base + t.number * 1000 + k })
    }
  }
  return out
}

/** The task search finds a code exactly, or all sub-items of an item (民生5 → 民生5-1, 民生5-2). */
export function codeMatches(code: string, query: string): boolean {
  const q = query.replace(/\s+/g, '')
  if (!q) return false
  return code === q || code.startsWith(`${q}-`)
}
