/** What every printed 公文 must show, checked on the PDF LibreOffice makes of it. */
import { expect } from 'vitest'
import { flatText, hasMissingGlyphs, isA4, isLandscape, overlappingWords, type Page, type Rendered } from './render'

export interface OfficialExpectations {
  mark: string
  number: string
  /** 签发人, printed beside the 发文字号 */
  signer?: string
  /** the title exactly as it should break */
  titleLines: string[]
  /** strings the body must contain */
  text: string[]
  /** 抄送 line, e.g. 抄送：局领导。 */
  cc: string
  organ: string
  printedOn: string
  /** 落款 and 成文日期 */
  signature: string
  date: string
}

const squash = (s: string) => s.replace(/\s+/g, '')

/** The words in the lower part of a page, top to bottom. */
function bottomText(page: Page, fraction: number): string {
  return page.lines
    .filter((l) => l.yMin > page.height * (1 - fraction))
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((l) => l.text)
    .join('\n')
}

export function expectOfficialDocument(printed: Rendered, e: OfficialExpectations) {
  const { pages } = printed
  expect(pages.length).toBeGreaterThanOrEqual(1)
  for (const p of pages) {
    expect(isA4(p)).toBe(true)
    expect(isLandscape(p)).toBe(false)
  }
  expect(printed.pngs).toHaveLength(pages.length)
  expect(hasMissingGlyphs(pages)).toBe(false)

  const first = pages[0]!
  const lines = first.lines.map((l) => squash(l.text))
  expect(lines).toContain(squash(e.mark))
  // the 发文字号, with the 签发人 on the right of the same line when there is one
  const numberLine = first.lines.find((l) => squash(l.text).startsWith(squash(e.number)))
  expect(numberLine, e.number).toBeDefined()
  if (e.signer !== undefined) {
    const sameLine = first.lines.filter((l) => Math.abs(l.yMin - numberLine!.yMin) < 3)
    expect(sameLine.map((l) => squash(l.text)).join('')).toContain(`签发人：${e.signer}`)
  }
  // each title line is a line of its own, in order, one under the other
  const titleAt = e.titleLines.map((t) => first.lines.find((l) => squash(l.text) === squash(t)))
  expect(titleAt.map((l) => l && squash(l.text))).toEqual(e.titleLines.map(squash))
  for (let i = 1; i < titleAt.length; i++) expect(titleAt[i]!.yMin).toBeGreaterThan(titleAt[i - 1]!.yMax - 1)

  const all = flatText(pages)
  for (const t of e.text) expect(all).toContain(squash(t))

  // 落款 with the 成文日期 under it, never alone at the top of a page
  const signed = pages.findIndex((p) =>
    p.lines.some((l, i) => squash(l.text) === squash(e.signature) && squash(p.lines[i + 1]?.text ?? '') === squash(e.date)),
  )
  expect(signed, '落款和成文日期').toBeGreaterThanOrEqual(0)
  const signaturePage = pages[signed]!
  const signatureLine = signaturePage.lines.find((l) => squash(l.text) === squash(e.signature))!
  expect(signaturePage.lines.some((l) => l.yMax < signatureLine.yMin && squash(l.text).length > 2)).toBe(true)

  // 版记 in the bottom fifth of the last page, 抄送 above 印发
  const last = pages[pages.length - 1]!
  const foot = squash(bottomText(last, 0.25))
  expect(foot).toContain(squash(e.cc))
  expect(foot).toContain(squash(e.organ))
  expect(foot).toContain(squash(e.printedOn))
  expect(foot.indexOf(squash(e.cc))).toBeLessThan(foot.indexOf(squash(e.organ)))

  // page numbers — n — on the outer side: odd pages right of centre, even pages left
  pages.forEach((p, i) => {
    const n = p.lines.find((l) => new RegExp(`^—\\s*${i + 1}\\s*—$`).test(l.text.trim()) || squash(l.text) === `—${i + 1}—`)
    expect(n, `第${i + 1}页的页码`).toBeDefined()
    if (i % 2 === 0) expect(n!.xMin).toBeGreaterThan(p.width / 2)
    else expect(n!.xMax).toBeLessThan(p.width / 2)
    expect(n!.yMin).toBeGreaterThan(p.height * 0.85)
  })

  const overlaps = pages.flatMap((p, i) => overlappingWords(p).map((pair) => `第${i + 1}页：${pair.join(' / ')}`))
  expect(overlaps).toEqual([])
}
