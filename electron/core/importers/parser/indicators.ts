import type { Comparator, IndicatorDraft } from '../types'
import type { SourceLine } from './lines'
import { parseMarker } from './numbering'

const GOAL_SENTENCE = /主要目标|预期目标|发展目标|目标是|目标为|主要指标/
const CLAUSE =
  /^(?:全年|今年|\d{4}年|我市|全市|全省)*(.{2,16}?)(完成|达到|实现|突破|超过|达|力争达到|增长到|为)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|亿件|万件|亿|万|元|件|%)(以上)?(?:[、，,]?\s*(?:同比|比上年)?(?:增长|增加)\s*(\d+(?:\.\d+)?)\s*%)?/
const METRIC_NAME = /(业务总量|业务收入|业务量|总量|收入|件数)$/

function comparatorOf(verb: string, above: string | undefined): Comparator {
  if (above) return '>='
  if (verb === '突破' || verb === '超过') return '>'
  return '='
}

/**
 * Headline annual targets from the sentence that states the main goals, e.g.
 * 全年邮政业务总量完成540亿元、同比增长13.8%，业务收入完成300亿元…
 */
export function findIndicators(lines: SourceLine[], year: number | null): IndicatorDraft[] {
  const out: IndicatorDraft[] = []
  for (const line of lines) {
    if (!GOAL_SENTENCE.test(line.text) || parseMarker(line.text)) continue
    const body = line.text.slice(line.text.search(GOAL_SENTENCE))
    const afterColon = body.includes('：') || body.includes(':') ? body.replace(/^[^：:]*[：:]/, '') : body
    let previousPrefix = ''
    for (const clause of afterColon.split(/[，；;。,]/)) {
      const m = CLAUSE.exec(clause.trim())
      if (!m) continue
      let name = m[1].replace(/^(的|其中|全年|今年)/, '')
      if (!METRIC_NAME.test(name)) continue
      // 邮政业务总量…，业务收入… : the second figure shares the first one's prefix.
      if (/^业务/.test(name) && previousPrefix) name = previousPrefix + name
      const prefix = /^(.*?)业务/.exec(name)
      previousPrefix = prefix && prefix[1] ? prefix[1] : previousPrefix
      out.push({
        name,
        unit: m[4],
        target: Number(m[3]),
        comparator: comparatorOf(m[2], m[5]),
        growthPct: m[6] !== undefined ? Number(m[6]) : null,
        baseline: null,
        baselineYear: null,
        targetYear: year,
        text: clause.trim(),
      })
    }
    if (out.length > 0) break
  }
  return out
}
