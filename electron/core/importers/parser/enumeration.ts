import type { ListDraft, ParseWarning, TaskDraft } from '../types'
import { findDeadline } from './deadline'
import type { SourceLine } from './lines'
import { chineseToNumber } from './numbering'
import { findTargets } from './targets'

// 部署了今年五個方面重點工作,一是… / 抓好以下几项重点任务：一是…
const INTRO = /([一二三四五六七八九十两兩\d]{1,3}|几|幾)?\s*[个個项項件]?(?:方面)?(?:的)?重[点點](?:工作|任[务務])[，,：:]\s*(?=一是)/
const ITEM = /(?:^|(?<=[。；;！!]))\s*([一二三四五六七八九十])是/g

/**
 * A fallback for reports and speeches that list their key works inline — 一是…。二是…。 — rather
 * than as numbered lines. Always comes with a warning: the office should check the result.
 */
export function findInlineEnumeration(lines: SourceLine[], year: number | null): { list: ListDraft; warnings: ParseWarning[] } | null {
  for (const line of lines) {
    const intro = INTRO.exec(line.text)
    if (!intro) continue
    const body = line.text.slice((intro.index ?? 0) + intro[0].length)
    const starts = [...body.matchAll(ITEM)]
    const tasks: TaskDraft[] = starts.map((m, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].index : body.length
      const text = body.slice(m.index + m[0].length, end).trim()
      const deadline = findDeadline(text, year)
      return {
        number: chineseToNumber(m[1]),
        text,
        leads: [],
        coops: [],
        deadline: deadline?.date ?? null,
        deadlineText: deadline?.text ?? null,
        targets: findTargets(text),
        line: line.no,
      }
    })
    if (tasks.length < 2) continue
    const stated = intro[1] ? (/^\d+$/.test(intro[1]) ? Number(intro[1]) : chineseToNumber(intro[1].replace('兩', '两'))) : NaN
    const name = '重点工作'
    const countNote = Number.isFinite(stated) && stated !== tasks.length ? `（原文称${stated}项，实际识别${tasks.length}项）` : ''
    return {
      list: { name, kind: 'key_works', sections: [{ number: null, title: null, tasks }] },
      warnings: [
        {
          code: 'low_confidence',
          message: `该文件不是分条列出的工作要点，已从第${line.no}行正文“一是……二是……”中识别出${tasks.length}项重点工作${countNote}，请逐项核对`,
          at: { list: name },
        },
      ],
    }
  }
  return null
}
