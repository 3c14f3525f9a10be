/**
 * Splitting a run of unit names: 市卫生健康委等,各县(市、区)政府(管委会) is two units, not four.
 * Separators inside brackets belong to the name; a closing 等 / 等部门 ends a list; a duty
 * phrase after the names (按职责分工负责, 分别负责) is not part of the last name.
 */

const OPEN = '(（〔[［【〈'
const CLOSE = ')）〕]］】〉'
const SEPARATOR = /[、，,;；/]/
const UNIT_END = /(处|室|局|会|中心|科|部|门|所|站|队|委|办|司|厅|院|组|公司|政府|街道|镇|乡|区|县|市|园|关|行)$/
/** 市直有关部门、单位: a bare generic noun continues the name before it. */
const BARE_NOUN = /^(单位|部门|机构|企业|处室)$/
/** 各乡、镇人民政府 / 人民大垸、荒湖管理区: the first name shares the suffix of the second. */
const LEVEL_HEAD = /^各[乡镇县市区村]$/
const LEVEL_NEXT = /^[乡镇县市区村]/
const SHARED_SUFFIX = /(管理区|人民政府|政府|管委会|办事处)$/
/** A time written after the units in the same note (…,湘西经开区管委会,6月底完成): not a unit. */
const TIME_PART = /^(\d{2,4}年)?(\d{1,2}月)?(\d{1,2}日)?(底|末|中旬|上旬|下旬|年底|年内|以前|之前|前)*(完成|落实|到位|完成到位|见效)?$/
const isTimePart = (name: string) => TIME_PART.test(name) && /\d|年底|年内/.test(name)
const DUTY_TAIL = /(按(各自)?职责(分工)?(抓好落实|负责|落实)?|分别负责|共同负责|负责落实|负责)$/

/** Cuts at separators that are not inside brackets. */
function splitOutsideBrackets(raw: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const c of raw) {
    if (OPEN.includes(c)) depth++
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1)
    if (depth === 0 && (SEPARATOR.test(c) || /\s/.test(c))) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts
}

/** 市发改委和市财政局 → two names, when the left side ends like a unit. */
function splitOnConjunction(part: string): string[] {
  const m = /^(.{2,}?)(和|及|与)(.{2,})$/.exec(part)
  if (!m || !UNIT_END.test(m[1]) || /[(（]/.test(m[1])) return [part]
  return [m[1], ...splitOnConjunction(m[3])]
}

/** Drops a closing bracket that has no opener in the name (the end of a note the name was cut from). */
function dropUnbalanced(name: string): string {
  let depth = 0
  let out = ''
  for (const c of name) {
    if (OPEN.includes(c)) depth++
    if (CLOSE.includes(c)) {
      if (depth === 0) continue
      depth--
    }
    out += c
  }
  return out
}

export function cleanUnitName(raw: string): string {
  return (
    dropUnbalanced(raw.trim())
      .replace(/^(由|请|各自|以及|并)/, '')
      .replace(DUTY_TAIL, '')
      // 等 / 等部门 / 等省有关部门 / 等市直单位 closes a list; it names no unit of its own.
      .replace(/等(?:(?:[省市区县州]直?)?(?:相关|有关)?(?:部门|单位))?$/, '')
      .replace(/[。.：:、，,；;\s]+$/g, '')
      .trim()
  )
}

/**
 * A name written without its suffix because the next name carries it (各乡、镇人民政府 is the
 * township and town governments; 人民大垸、荒湖管理区 two management areas): kept as written, one name.
 */
function sharesNextSuffix(name: string, next: string | undefined): boolean {
  if (next === undefined || next.length > 8 || /[、，,]/.test(next)) return false
  if (LEVEL_HEAD.test(name)) return LEVEL_NEXT.test(next) && SHARED_SUFFIX.test(next)
  return name.length >= 2 && name.length <= 4 && !UNIT_END.test(name) && !/(位|门|员|班|组|构|业)$/.test(name) && SHARED_SUFFIX.test(next)
}

/** Splits names on 、，,;；/ and 和/及/与 outside brackets, and tidies each one. */
export function splitUnits(raw: string): string[] {
  const names = splitOutsideBrackets(raw)
    .flatMap(splitOnConjunction)
    .map(cleanUnitName)
    .filter((p) => p.length > 0 && !isTimePart(p))
  const glued = names.reduce<string[]>((out, n) => {
    if (BARE_NOUN.test(n) && out.length > 0) out[out.length - 1] += `、${n}`
    else out.push(n)
    return out
  }, [])
  const out: string[] = []
  for (let i = 0; i < glued.length; i++) {
    if (sharesNextSuffix(glued[i], glued[i + 1])) {
      out.push(`${glued[i]}、${glued[i + 1]}`)
      i++
    } else out.push(glued[i])
  }
  return out
}
