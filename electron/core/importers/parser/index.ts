import type { ListDraft, PlanDraft, PlanMeta } from '../types'
import { checkLists } from './checks'
import { notTaskListWarnings } from './confidence'
import { findInlineEnumeration } from './enumeration'
import { findIndicators } from './indicators'
import { findLinks, linkWarnings } from './links'
import { findIndicatorTable } from './indicator-table'
import { contentLines, splitLines } from './lines'
import { layoutLines } from './layout'
import { dropNoticeRequirements } from './notice-body'
import { collectLists, listNameFrom, type RawList } from './lists'
import { readMetadata } from './metadata'
import { buildSections } from './tasks'

const emptyMeta = (): PlanMeta => ({ title: '', issuer: null, docNumber: null, issuedOn: null, year: null })

function nameDefault(list: RawList, meta: PlanMeta) {
  if (!list.isDefault) return
  const title = meta.title
    .replace(/^.*关于(印发)?/, '')
    .replace(/的通知$/, '')
    .replace(/[《》]/g, '')
  list.kind = /工作要点/.test(title) ? 'work_points' : 'other'
  list.name = list.kind === 'work_points' ? '工作要点' : listNameFrom(title) || '工作任务'
}

function firstLine(list: ListDraft): number {
  return list.sections[0]?.tasks[0]?.line ?? Number.MAX_SAFE_INTEGER
}

/** Merges lists that ended up with the same name (a list resumed after an embedded one). */
function mergeSameName(lists: ListDraft[]): ListDraft[] {
  const byName = new Map<string, ListDraft>()
  for (const l of lists) {
    const seen = byName.get(l.name)
    if (seen) seen.sections.push(...l.sections)
    else byName.set(l.name, l)
  }
  return [...byName.values()]
}

/**
 * Reads a plan document's text into lists, sections and tasks, with headline
 * indicators and warnings. Never throws: whatever cannot be read becomes a warning.
 */
export function parsePlanText(text: string): PlanDraft {
  try {
    const lines = contentLines(layoutLines(splitLines(typeof text === 'string' ? text : '')))
    const plan = readMetadata(lines)
    const raw = collectLists(dropNoticeRequirements(lines))
    raw.forEach((l) => nameDefault(l, plan))
    const lists = mergeSameName(
      raw.map((l) => ({ name: l.name, kind: l.kind, sections: buildSections(l, plan.year) })).filter((l) => l.sections.length > 0),
    ).sort((a, b) => firstLine(a) - firstLine(b))
    const indicators = [...findIndicators(lines, plan.year), ...findIndicatorTable(lines)]
    const inline = lists.length === 0 ? findInlineEnumeration(lines, plan.year) : null
    if (inline) {
      const found = [inline.list]
      const warnings = [...inline.warnings, ...notTaskListWarnings(lines, found), ...checkLists(found)]
      return { plan, lists: found, indicators, links: [], warnings }
    }
    const links = findLinks(lists)
    const warnings = [...checkLists(lists), ...notTaskListWarnings(lines, lists), ...linkWarnings(lists, links)]
    return { plan, lists, indicators, links, warnings }
  } catch {
    return {
      plan: emptyMeta(),
      lists: [],
      indicators: [],
      links: [],
      warnings: [{ code: 'parse_failed', message: '文件内容无法识别，请检查文件是否完整或换一种格式后重新导入' }],
    }
  }
}
