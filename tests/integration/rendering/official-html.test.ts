/**
 * The HTML twins of the 公文 as Chromium prints them (Electron's printToPDF, the browser's 另存为PDF): the 版记 stands
 * at the foot of the last page, as GB/T 9704 asks, and on no other page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportBulletinHtml } from '../../../electron/core/exporters/bulletin'
import { exportNoticeHtml } from '../../../electron/core/exporters/notice'
import { issueNotice } from '../../../electron/core/reminders/service'
import { dashboardSnapshot } from '../../../electron/core/dashboards/leader'
import { launchChromium } from '../../support/chromium'
import { suzhouDemo, type SuzhouDemo } from './fixture'
import { ARTEFACTS, parseBboxLayout, type Page } from './render'

let demo: SuzhouDemo
const printed: Record<string, Page[]> = {}

async function printHtml(pages: Record<string, string>): Promise<void> {
  const browser = await launchChromium()
  try {
    mkdirSync(ARTEFACTS, { recursive: true })
    for (const [name, html] of Object.entries(pages)) {
      const page = await browser.newPage()
      await page.setContent(html)
      const pdf = join(ARTEFACTS, `${name}.pdf`)
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
      await page.close()
      execFileSync('pdftotext', ['-bbox-layout', pdf, join(ARTEFACTS, `${name}.bbox.html`)], { stdio: 'pipe' })
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTEFACTS, name)], { stdio: 'pipe' })
      printed[name] = parseBboxLayout(readFileSync(join(ARTEFACTS, `${name}.bbox.html`), 'utf8'))
    }
  } finally {
    await browser.close()
  }
}

beforeAll(async () => {
  demo = await suzhouDemo()
  const office = await demo.ctx('office')
  const s = await dashboardSnapshot(office, {})
  const behind = s.tasks.find((t) => t.status === 'behind' && t.leads.length > 0)!
  const n = await issueNotice(office, {
    taskId: behind.id,
    issue: '该任务计划进度应达50%，实际进度明显滞后。',
    requiredReply: '说明滞后原因，提出整改措施和完成时限',
    replyDeadline: '2021-07-30',
    signer: '刘伟',
  })
  await printHtml({
    '督办通知书-html': (await exportNoticeHtml(office, { noticeId: n.id })).html,
    '督查通报-html': (await exportBulletinHtml(office, { period: '2021-07' })).html,
  })
}, 180_000)
afterAll(() => demo.cleanup())

/** Where the 版记's lines are in the text layer: the page, and how far their bottom is from the page's foot (pt). */
function recordPlaces(pages: Page[]) {
  return pages.flatMap((p, i) =>
    p.lines
      .filter((l) => /印发$/.test(l.text.replace(/\s/g, '')) || /^抄送：/.test(l.text))
      .map((l) => ({ page: i, fromFoot: p.height - l.yMax, yMin: l.yMin, yMax: l.yMax })),
  )
}

/** Dark pixels in a band of a printed page (pt from the top), as a person holding the page would see them. */
function inkIn(pdf: string, page: number, band: { yMin: number; yMax: number }): number {
  const dpi = 36
  const out = join(ARTEFACTS, `ink-${page}`)
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), '-singlefile', pdf, out])
  const pgm = readFileSync(`${out}.pgm`)
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!
  const [width, offset] = [Number(header[1]), header[0].length]
  const row = (pt: number) => Math.round((pt * dpi) / 72)
  let dark = 0
  for (let y = row(band.yMin); y <= row(band.yMax); y++) for (let x = 0; x < width; x++) if (pgm[offset + y * width + x]! < 128) dark++
  return dark
}

describe('the 版记 in the printed HTML', () => {
  for (const name of ['督办通知书-html', '督查通报-html']) {
    it(`${name}: at the foot of the last page only`, () => {
      const pages = printed[name]!
      expect(pages.length).toBeGreaterThanOrEqual(2)
      const last = pages.length - 1
      const places = recordPlaces(pages).filter((p) => p.page === last)
      expect(places.length).toBe(2) // 抄送 and 印发机关/印发日期
      for (const p of places) {
        // the bottom margin is 35mm (99pt): the 版记's last line ends just above it, not after the text
        expect(p.fromFoot).toBeLessThan(99 + 40)
        expect(p.fromFoot).toBeGreaterThan(99 - 5)
      }
      const band = { yMin: Math.min(...places.map((p) => p.yMin)), yMax: Math.max(...places.map((p) => p.yMax)) }
      const pdf = join(ARTEFACTS, `${name}.pdf`)
      expect(inkIn(pdf, last, band)).toBeGreaterThan(100)
      // on the other pages nothing of it is printed where it stands on the last
      for (let i = 0; i < last; i++)
        expect(
          pages[i]!.lines.some((l) => l.yMin >= band.yMin && l.yMax <= band.yMax && !/抄送|印发/.test(l.text)) || inkIn(pdf, i, band) === 0,
        ).toBe(true)
    })
  }

  it('carries the 签发人 beside the number of the 督办通知书', () => {
    const first = printed['督办通知书-html']![0]!.text.replace(/\s/g, '')
    expect(first).toContain('签发人：刘伟')
    expect(first).toMatch(/督办〔2021〕1号/)
  })
})
