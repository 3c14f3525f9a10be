/** A deadline found in an item: the date it means and the words that said it. */
export interface Deadline {
  date: string | null
  text: string
}

const CN_MONTH: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
}
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])'

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const month = (s: string) => (/^\d+$/.test(s) ? Number(s) : (CN_MONTH[s] ?? NaN))

function valid(y: number, m: number, d: number): string | null {
  if (!(y > 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m))) return null
  return iso(y, m, d)
}

interface Rule {
  re: RegExp
  date: (m: RegExpExecArray, year: number | null) => string | null
}

const QUARTER_END: Record<string, [number, number]> = {
  一: [3, 31],
  1: [3, 31],
  二: [6, 30],
  2: [6, 30],
  三: [9, 30],
  3: [9, 30],
  四: [12, 31],
  4: [12, 31],
}
const yearOf = (s: string | undefined, planYear: number | null) => (s ? Number(s) : planYear)

const RULES: Rule[] = [
  {
    re: new RegExp(`(?:(\\d{4})年)?${MONTH}月(\\d{1,2})日(?:前|之前|以前)?`, 'g'),
    date: (m, y) => {
      const yr = yearOf(m[1], y)
      return yr ? valid(yr, month(m[2]), Number(m[3])) : null
    },
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?${MONTH}月(?:份)?(底|末|下旬|中旬|上旬)(?:前|之前|以前)?`, 'g'),
    date: (m, y) => {
      const yr = yearOf(m[1], y)
      const mo = month(m[2])
      if (!yr || !(mo >= 1 && mo <= 12)) return null
      const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : lastDay(yr, mo)
      return valid(yr, mo, day)
    },
  },
  {
    re: /(?:(\d{4})年)?(?:第)?([一二三四1-4])季度(?:末)?(?:前|之前)?/g,
    date: (m, y) => {
      const yr = yearOf(m[1], y)
      const q = QUARTER_END[m[2]]
      return yr && q ? valid(yr, q[0], q[1]) : null
    },
  },
  {
    re: /(?:(\d{4})年)?(上半年|下半年)(?:前|之前|以前)?/g,
    date: (m, y) => {
      const yr = yearOf(m[1], y)
      return yr ? (m[2] === '上半年' ? iso(yr, 6, 30) : iso(yr, 12, 31)) : null
    },
  },
  {
    re: /(?:(\d{4})年)?(年底|年末|年内|底|全年)(?:前|之前|以前)?/g,
    date: (m, y) => {
      if (m[2] === '底' && !m[1]) return null // a bare 底 (谷底, 托底) is not a date
      const yr = yearOf(m[1], y)
      return yr ? iso(yr, 12, 31) : null
    },
  },
]

/** 常态化 says how long only before a verb or on its own (常态化开展, a cell 常态化); 常态化防控机制 is a kind of mechanism. */
const ONGOING = /长期坚持|长期推进|长期开展|常态化(?=开展|推进|实施|落实|组织|进行|运行|抓好|$|[,，。;；、])/

/**
 * The latest deadline stated in an item, resolved within the plan year.
 * Ongoing work (长期坚持) yields a null date but keeps its words.
 */
export function findDeadline(text: string, planYear: number | null): Deadline | null {
  let best: { date: string; text: string } | null = null
  let firstUndated: string | null = null
  const taken: [number, number][] = []
  for (const rule of RULES) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.some(([a, b]) => start < b && end > a)) continue
      taken.push([start, end])
      // 自2019年1月1日起 / 5月1日起施行: the day something starts, not a deadline.
      if (/^\s*起/.test(text.slice(end))) continue
      const date = rule.date(m, planYear)
      if (date && (!best || date > best.date)) best = { date, text: m[0] }
      else if (!date && !firstUndated) firstUndated = m[0]
    }
  }
  if (best) return best
  if (firstUndated) return { date: null, text: firstUndated }
  const ongoing = ONGOING.exec(text)
  return ongoing ? { date: null, text: ongoing[0] } : null
}
