import { parsePlanText } from './parser'
import { readPlanFile } from './readers'
import type { PlanDraft } from './types'

export { MAX_PLAN_FILE_BYTES, assertPlanFileSize, readPlanFile } from './readers'

/** A file as uploaded → the parsed plan and the text it was read from (kept as the plan's source). */
export async function parsePlanFileWithText(fileName: string, bytes: Uint8Array): Promise<{ draft: PlanDraft; text: string }> {
  const { text } = await readPlanFile(fileName, bytes)
  return { draft: parsePlanText(text), text }
}

/** A file as uploaded → the parsed plan. Unreadable files throw a DubanError with a Chinese message. */
export async function parsePlanFile(fileName: string, bytes: Uint8Array): Promise<PlanDraft> {
  return (await parsePlanFileWithText(fileName, bytes)).draft
}
