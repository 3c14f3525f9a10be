/** 常用批示语: a short list of phrases a leader inserts with one click when writing a 批示. */
import type { Ctx } from '../context'
import { inTransaction, writeAudit } from '../audit/service'
import { requireActor, requireRole } from '../users/rules'
import { readSettings, writeSetting } from './store'

export const PHRASES_KEY = 'instructions.phrases'

/** What a new bureau starts with; the office or a leader edits it in settings. */
export const DEFAULT_PHRASES = [
  '请抓紧推进，按期完成。',
  '请说明滞后原因，提出整改措施。',
  '已阅，同意。',
  '请办公室跟踪督办。',
  '请加强协调配合，形成合力。',
]

/** One phrase a line, blanks and repeats dropped, in the order given. */
export function cleanPhrases(lines: readonly string[]): string[] {
  return [...new Set(lines.map((l) => l.trim()).filter(Boolean))]
}

export async function instructionPhrases(ctx: Ctx): Promise<string[]> {
  requireActor(ctx.actor)
  const raw = (await readSettings(ctx.db, [PHRASES_KEY])).get(PHRASES_KEY)
  if (raw === undefined) return [...DEFAULT_PHRASES]
  try {
    const list = JSON.parse(raw) as unknown
    return Array.isArray(list) ? cleanPhrases(list.filter((x): x is string => typeof x === 'string')) : [...DEFAULT_PHRASES]
  } catch {
    return [...DEFAULT_PHRASES]
  }
}

export async function setInstructionPhrases(ctx: Ctx, input: { phrases: string[] }): Promise<string[]> {
  requireRole(ctx.actor, ['admin', 'office', 'leader'])
  const before = await instructionPhrases(ctx)
  const phrases = cleanPhrases(input.phrases)
  await inTransaction(ctx, async (trx) => {
    await writeSetting(trx, PHRASES_KEY, JSON.stringify(phrases))
    await writeAudit(trx, ctx, { action: 'settings.instructionPhrases', entity: 'settings', entityId: null, before, after: phrases })
  })
  return phrases
}
