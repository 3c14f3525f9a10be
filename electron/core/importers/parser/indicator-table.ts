import type { Comparator, IndicatorDraft } from '../types'
import type { SourceLine } from './lines'

const DASH = /^[—–\-－/／]+$|^无$/

interface Header {
  baselineYear: number | null
  targetYear: number | null
  hasGrowth: boolean
}

/** 发展指标 2020年 2025年目标值 年均增长(%) → which years the value columns are. */
function readHeader(text: string): Header | null {
  if (!/指标/.test(text)) return null
  const years = [...text.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]))
  if (years.length === 0 || !/目标|预期/.test(text + (years.length > 1 ? '目标' : ''))) return null
  const targetYear = years[years.length - 1]
  const baselineYear = years.length > 1 ? years[0] : null
  return { baselineYear, targetYear, hasGrowth: /增长|增速|增幅/.test(text) }
}

function readValue(cell: string): { value: number; comparator: Comparator } | null {
  const c = cell.replace(/\s/g, '')
  if (DASH.test(c)) return null
  const m = /^(≥|>=|≤|<=|>|<|不低于|不少于|超过)?(\d+(?:\.\d+)?)(以上|以内|以下)?$/.exec(c)
  if (!m) return null
  const pre = m[1] ?? ''
  const comparator: Comparator =
    pre === '≥' || pre === '>=' || pre === '不低于' || pre === '不少于' || m[3] === '以上'
      ? '>='
      : pre === '≤' || pre === '<=' || m[3] === '以内' || m[3] === '以下'
        ? '<='
        : pre === '>' || pre === '超过'
          ? '>'
          : pre === '<'
            ? '<'
            : '='
  return { value: Number(m[2]), comparator }
}

const isValueCell = (c: string) => DASH.test(c.replace(/\s/g, '')) || readValue(c) !== null

/** 邮政业业务总量（亿元） → name and unit. */
function splitName(raw: string): { name: string; unit: string } {
  const m = /^(.*?)\s*[（(]([^（）()]{1,8})[）)]\s*$/.exec(raw)
  return m ? { name: m[1].trim(), unit: m[2] === '%' ? '%' : m[2] } : { name: raw.trim(), unit: '' }
}

/**
 * A table of main indicators typed as text (tab- or space-separated rows, as pasted from Word or Excel):
 * category | indicator (unit) | baseline year value | target year value | annual growth %.
 */
export function findIndicatorTable(lines: SourceLine[]): IndicatorDraft[] {
  const out: IndicatorDraft[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines[i].text)
    if (!header || lines[i].text.length > 80) continue
    for (let j = i + 1; j < lines.length; j++) {
      const cells = lines[j].text.split(/\s+|\s*[|｜]\s*/).filter(Boolean)
      const valueCount = header.hasGrowth ? 3 : header.baselineYear !== null ? 2 : 1
      if (cells.length < valueCount + 1 || !cells.slice(-valueCount).every(isValueCell)) break
      const values = cells.slice(-valueCount)
      const names = cells.slice(0, -valueCount)
      const { name, unit } = splitName(names[names.length - 1])
      const target = readValue(values[header.baselineYear !== null ? 1 : 0])
      if (!target) continue
      out.push({
        name,
        unit,
        target: target.value,
        comparator: target.comparator,
        baseline: header.baselineYear !== null ? (readValue(values[0])?.value ?? null) : null,
        baselineYear: header.baselineYear,
        targetYear: header.targetYear,
        growthPct: header.hasGrowth ? (readValue(values[valueCount - 1])?.value ?? null) : null,
        text: lines[j].text,
      })
    }
    if (out.length > 0) return out
  }
  return out
}
