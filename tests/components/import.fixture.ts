import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parsePlanText } from '../../electron/core/importers/parser'
import type { ImportPreview, ImportUnit } from '@/stores/imports'

export const suzhouText = readFileSync(resolve(__dirname, '../fixtures/seeds/suzhou-2021-work-points.txt'), 'utf8')

export const units: ImportUnit[] = [
  {
    id: 1,
    name: '办公室',
    kind: 'division',
    kindLabel: '处室',
    shortName: null,
    aliases: [],
    sort: 1,
    active: true,
    leaders: [],
    userCount: 0,
    leadTaskCount: 0,
  },
  {
    id: 3,
    name: '市场监管处',
    kind: 'division',
    kindLabel: '处室',
    shortName: null,
    aliases: [],
    sort: 3,
    active: true,
    leaders: [],
    userCount: 0,
    leadTaskCount: 0,
  },
  {
    id: 4,
    name: '普遍服务处',
    kind: 'division',
    kindLabel: '处室',
    shortName: null,
    aliases: [],
    sort: 4,
    active: true,
    leaders: [],
    userCount: 0,
    leadTaskCount: 0,
  },
  {
    id: 9,
    name: '市快递协会',
    kind: 'association',
    kindLabel: '协会',
    shortName: null,
    aliases: ['协会'],
    sort: 9,
    active: true,
    leaders: [],
    userCount: 0,
    leadTaskCount: 0,
  },
]

/** What the core answers for the Suzhou text on a database that knows the bureau's units but not 各相关处室. */
export function suzhouPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    draft: parsePlanText(suzhouText),
    text: suzhouText,
    sourceName: 'suzhou-2021-work-points.txt',
    unknownUnits: ['各相关处室'],
    aliasMatches: [{ name: '协会', unitId: 9, unitName: '市快递协会' }],
    existingPlan: null,
    diff: null,
    ...overrides,
  }
}
