/**
 * The minimal normalisation the corpus scorer applies before comparing: character width
 * (NFKC turns full-width brackets, colons and digits into half-width), whitespace, bracket
 * shapes, the pinyin a conversion site left after a character (發(fā)展), and the traditional
 * characters that occur in the corpus's unit names, so that an importer which converts script
 * is neither rewarded nor punished for it. Nothing else:
 * a trailing 等, a missing 市 or a split name is a real difference.
 */

const TRADITIONAL: Record<string, string> = {
  辦: '办',
  級: '级',
  縣: '县',
  區: '区',
  關: '关',
  門: '门',
  審: '审',
  領: '领',
  導: '导',
  組: '组',
  務: '务',
  廳: '厅',
  發: '发',
  員: '员',
  會: '会',
  聯: '联',
  農: '农',
  業: '业',
  衛: '卫',
  經: '经',
  濟: '济',
  環: '环',
  應: '应',
  國: '国',
  資: '资',
  稅: '税',
  監: '监',
  場: '场',
  設: '设',
  計: '计',
  統: '统',
  機: '机',
  財: '财',
  構: '构',
  實: '实',
  項: '项',
  單: '单',
  頭: '头',
  負: '负',
  責: '责',
  職: '职',
  條: '条',
  與: '与',
  時: '时',
  間: '间',
  進: '进',
  許: '许',
  規: '规',
  範: '范',
  請: '请',
  準: '准',
  標: '标',
  續: '续',
  權: '权',
  體: '体',
  編: '编',
  開: '开',
  運: '运',
  輸: '输',
  鄉: '乡',
  銀: '银',
  態: '态',
}

const BRACKETS: Record<string, string> = {
  '〔': '(',
  '〕': ')',
  '［': '(',
  '］': ')',
  '[': '(',
  ']': ')',
  '【': '(',
  '】': ')',
  '〈': '(',
  '〉': ')',
}

const toSimplified = (s: string) => [...s].map((c) => TRADITIONAL[c] ?? c).join('')

/** Pinyin left by a conversion site after a character, with at least one tone mark: 發(fā)展, 機構(gòu). */
const PINYIN_DEBRIS = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/g

export function normaliseText(s: string): string {
  return toSimplified(s.normalize('NFKC').replace(PINYIN_DEBRIS, ''))
    .replace(/\s+/g, '')
    .replace(/[〔〕［］[\]【】〈〉]/g, (c) => BRACKETS[c] ?? c)
}

/** A unit name as compared: normalised text without sentence punctuation around it. */
export function normaliseUnitName(s: string): string {
  return normaliseText(s).replace(/^[,，、;；:：。.]+|[,，、;；:：。.]+$/g, '')
}

export function sameUnitSet(expected: string[], found: string[]): boolean {
  const a = new Set(expected.map(normaliseUnitName))
  const b = new Set(found.map(normaliseUnitName).filter(Boolean))
  return a.size === b.size && [...a].every((u) => b.has(u))
}

/** Units of measure: width and spaces only (万 平方米 = 万平方米). */
export const normaliseUnit = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

/** A parsed task's text may keep its visible number; the expectation's text start never has one. */
export function stripNumbering(s: string): string {
  return s.replace(/^\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百\d]+[、.．](?!\d))\s*/, '')
}
