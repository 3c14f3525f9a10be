import type { ListKind } from '../types'
import type { SourceLine } from './lines'
import { parseMarker, type MarkerKind } from './numbering'

/** A numbered line, or a plain paragraph line, in the order met. */
export interface Block {
  kind: MarkerKind | 'para'
  label: string
  value: number
  text: string
  line: number
}

/** A list as found in pass one: its heading and the lines that belong to it. */
export interface RawList {
  name: string
  kind: ListKind
  /** true for a list made up because items appeared before any list heading */
  isDefault: boolean
  /** an embedded list (着力抓好9项重点工作：) that ends where its parent resumes */
  parent: RawList | null
  blocks: Block[]
}

export interface ListHeading {
  name: string
  kind: ListKind
  embedded: boolean
}

const CN_COUNT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 2021年邮政业更贴近民生7件实事分工安排 → 更贴近民生七件实事. */
export function listNameFrom(heading: string): string {
  const name = heading
    .replace(/[：:]$/, '')
    .replace(/^.*?\d{4}\s*年(度)?/, '')
    .replace(/^(全市|我市|全省|全国)?(邮政快递业|邮政业|快递业|邮政管理系统|邮政管理局)?/, '')
    .replace(/(的通知|分工安排|分工方案|责任分工|任务分工|任务分解表?|分解表|清单|安排表|一览表)+$/, '')
    .replace(/(\d{1,2})(件|项|个)/g, (all, n: string, unit: string) => (Number(n) <= 10 ? `${CN_COUNT[Number(n)]}${unit}` : all))
    .trim()
  return name || heading.replace(/[：:]$/, '')
}

/** Recognises the heading that opens a list, or null for any other line. */
export function detectListHeading(text: string): ListHeading | null {
  if (text.length > 50 || /关于|通知|《|》|[。；;]/.test(text) || parseMarker(text)) return null
  const keyWorks = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})项重点(工作|任务)[：:]?$|^重点(工作|任务)[：:]?$/.exec(text)
  if (keyWorks) return { name: `重点${keyWorks[1] ?? keyWorks[2]}`, kind: 'key_works', embedded: true }
  if (/[，,]/.test(text)) return null
  if (/工作要点[：:]?$/.test(text)) return { name: '工作要点', kind: 'work_points', embedded: false }
  if (/实事/.test(text) && /(实事|分工安排|分工方案|清单|项目|任务分解表?)[：:]?$/.test(text))
    return { name: listNameFrom(text), kind: 'livelihood', embedded: false }
  if (/(工作计划|任务清单|任务分工|分工方案|责任分工|任务分解表?)[：:]?$/.test(text))
    return { name: listNameFrom(text), kind: 'other', embedded: false }
  return null
}

function newList(heading: ListHeading | null, parent: RawList | null): RawList {
  return {
    name: heading?.name ?? '',
    kind: heading?.kind ?? 'other',
    isDefault: heading === null,
    parent,
    blocks: [],
  }
}

/**
 * Pass one: walks the lines, opens a list at each list heading and files every
 * numbered line or paragraph under the list it belongs to.
 */
export function collectLists(lines: SourceLine[]): RawList[] {
  const lists: RawList[] = []
  let current: RawList | null = null
  const open = (heading: ListHeading | null, parent: RawList | null) => {
    const list = newList(heading, parent)
    lists.push(list)
    return list
  }
  const leaveEmbedded = () => {
    current = current?.parent ?? open(null, null)
  }
  for (const { no, text } of lines) {
    const heading = detectListHeading(text)
    if (heading) {
      if (current && current.name === heading.name && current.blocks.every((b) => b.kind === 'para')) continue
      current = open(heading, heading.embedded ? current : null)
      continue
    }
    const marker = parseMarker(text)
    if (marker) {
      const embedded = current?.kind === 'key_works' && current.blocks.some((b) => b.kind !== 'para')
      if (embedded && marker.kind === 'cn') leaveEmbedded()
      current ??= open(null, null)
      current.blocks.push({ kind: marker.kind, label: marker.label, value: marker.value, text: marker.rest, line: no })
      continue
    }
    if (!current) continue
    if (current.kind === 'key_works' && /[：:]$/.test(text) && current.blocks.some((b) => b.kind !== 'para')) leaveEmbedded()
    current.blocks.push({ kind: 'para', label: '', value: 0, text, line: no })
  }
  return lists
}
