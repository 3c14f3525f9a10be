import type { UnitKind } from '../db/schema'

/** A name such as 各相关处室 stands for "every relevant division", not one unit. */
export function isCollectiveName(name: string): boolean {
  return /^(各|相关|有关|全体|机关各)/.test(name) || /各(相关)?(处室|单位|部门)$/.test(name)
}

/** Guesses the kind of a unit from the end of its name. */
export function guessUnitKind(name: string): UnitKind {
  if (isCollectiveName(name)) return 'collective'
  if (/协会$/.test(name)) return 'association'
  if (/中心$/.test(name)) return 'center'
  if (/局$/.test(name)) return 'bureau'
  return 'division'
}

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  division: '处室',
  bureau: '下属局',
  center: '中心',
  association: '协会',
  collective: '集体（各相关处室）',
}

/** Aliases as typed: trimmed, without blanks, duplicates or the unit's own name. */
export function cleanAliases(aliases: readonly string[], ownName: string): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== ownName))]
}
