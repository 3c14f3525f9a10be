/**
 * The covering notice of a plan (各区人民政府，市政府各部门： … 2021年3月24日) has its own
 * numbered requirements (一、提高认识… 二、加强督查…). They assign no unit, so they are not
 * tasks: between the addressee line and the signing date, a numbered line is set aside unless
 * it, or an item under it, carries a responsibility note (牵头单位：…, （…牵头）).
 */
import type { SourceLine } from './lines'
import { MARKER_DEPTH, parseMarker } from './numbering'
import { toSimplified } from './script'

/** 各区县人民政府，市政府各部门： — addressees, ending with a colon. */
const ADDRESSEES = /^[^。；;]{4,200}[：:]$/
const ADDRESSEE_WORDS = /(人民政府|政府|管委会|部门|单位|办事处|机构)/
const SIGNING_DATE =
  /^(\d{4}|[〇一二三四五六七八九○零]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日?$/
/** A note naming units, as opposed to prose such as 牵头单位要加强统筹. */
const DUTY_NOTE =
  /(?:牵头|责任|配合|协同|主办)(?:责任)?(?:单位|部门|处室|科室)\s*[:：]|[(（〔[][^()（）〔〕[\]]{0,80}(?:牵头|负责|配合)[^()（）〔〕[\]]{0,40}[)）〕\]]/

const isAddressees = (text: string) =>
  ADDRESSEES.test(text) &&
  ADDRESSEE_WORDS.test(text) &&
  /[、，,]/.test(text) &&
  !parseMarker(text) &&
  !/^(附件|联系人|为|根据|现将)/.test(text)

/**
 * An addressee line whose closing colon was lost with the end of the line (区政府各部门(单位 — a page
 * cut the bracket and colon off): it starts with 各, names addressees, and the next line opens the notice
 * (…已经…同意, 现印发给你们).
 */
const isAddresseesCut = (text: string, next: string | undefined) =>
  /^各/.test(text) &&
  text.length <= 200 &&
  !/[。；;：:]/.test(text) &&
  (text.match(new RegExp(ADDRESSEE_WORDS.source, 'g')) ?? []).length >= 2 &&
  /[、，,]/.test(text) &&
  !parseMarker(text) &&
  next !== undefined &&
  /(印发给你们|现印发|现将.{0,60}印发|请认真贯彻|请结合实际)/.test(next)

/** Whether a numbered line, or a line under it (up to the next line at its level or above), names who leads. */
function spanHasNote(lines: SourceLine[], depths: (number | null)[], notes: boolean[], at: number, end: number): boolean {
  const depth = depths[at]!
  for (let i = at; i < end; i++) {
    if (i > at && depths[i] !== null && depths[i]! <= depth) return false
    if (notes[i]) return true
  }
  return false
}

export function dropNoticeRequirements(lines: SourceLine[]): SourceLine[] {
  const start = lines.findIndex((l, i) => isAddressees(l.text) || isAddresseesCut(l.text, lines[i + 1]?.text))
  if (start < 0) return lines
  let end = lines.findIndex((l, i) => i > start && SIGNING_DATE.test(l.text))
  if (end < 0) end = lines.length
  const depths = lines.map((l, i) => {
    if (i <= start || i >= end) return null
    const m = parseMarker(l.text)
    return m ? MARKER_DEPTH[m.kind] : null
  })
  const notes = lines.map((l, i) => i > start && i < end && DUTY_NOTE.test(toSimplified(l.text)))
  return lines.filter((_, i) => depths[i] === null || spanHasNote(lines, depths, notes, i, end))
}
