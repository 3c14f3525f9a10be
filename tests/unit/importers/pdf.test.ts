import { describe, expect, it } from 'vitest'
import { parsePlanFile } from '../../../electron/core/importers'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { launchChromium } from '../../support/chromium'
import { pdfFromText } from './builders'
import { readSeed, tasksAndLeads } from './helpers'

const text = readSeed('suzhou-2021-work-points.txt')

// The PDF is printed by the system Chromium through playwright-core, as an office would "print to PDF".
// Without a Chromium there is no way to make a CJK PDF here, so the tests fail and say how to install one.
describe('PDF with a text layer (printed from Chromium)', () => {
  it('gives the same tasks and leads as the text, with wrapped lines joined back', { timeout: 60_000 }, async () => {
    const draft = await parsePlanFile('工作要点.pdf', await pdfFromText(text))
    const fromText = parsePlanText(text)
    expect(tasksAndLeads(draft)).toEqual(tasksAndLeads(fromText))
    expect(draft.plan.docNumber).toBe('苏州邮管〔2021〕21号')
    expect(draft.warnings.some((w) => w.code === 'target_conflict')).toBe(true)
  })

  it('refuses a PDF without text (a scan) and says what to do', { timeout: 60_000 }, async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      await page.setContent('<div style="width:400px;height:600px;background:#888"></div>')
      const scan = new Uint8Array(await page.pdf({ format: 'A4' }))
      await expect(parsePlanFile('扫描件.pdf', scan)).rejects.toMatchObject({
        code: 'scanned_pdf',
        message: '该PDF没有文字层（可能是扫描件），请提供Word或文字版文件',
      })
    } finally {
      await browser.close()
    }
  })
})
