import { describe, expect, it } from 'vitest'
import { parsePlanFile } from '../../../electron/core/importers'
import { assertSafeZip, ZIP_LIMITS } from '../../../electron/core/importers/readers/zipGuard'
import { readForm } from '../../../electron/core/exporters/forms/read'
import { DubanError } from '../../../electron/core/errors'
import { docxFromText } from './builders'
import { deflatedZeros, rawZip, type RawEntry } from './zipBombs'

const MB = 1024 * 1024
const GiB = 1024 * MB

/**
 * Runs `refuse` and records what it cost: wall time, and the highest heap and resident size seen
 * (sampled every few ms while it runs) above where they stood before.
 */
async function measured(refuse: () => Promise<unknown>) {
  const before = process.memoryUsage()
  let peakHeap = before.heapUsed
  let peakRss = before.rss
  const sample = () => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  }
  const timer = setInterval(sample, 5)
  const started = performance.now()
  const error = await refuse().then(
    () => null,
    (e: unknown) => e,
  )
  const ms = performance.now() - started
  clearInterval(timer)
  sample()
  return { error: error as DubanError, ms, heapGrowth: peakHeap - before.heapUsed, rssGrowth: peakRss - before.rss }
}

function expectQuickRefusal(r: Awaited<ReturnType<typeof measured>>, message: RegExp) {
  expect(r.error).toBeInstanceOf(DubanError)
  expect(r.error.code).toBe('unsafe_archive')
  expect(r.error.message).toMatch(message)
  expect(r.ms).toBeLessThan(2000)
  expect(r.heapGrowth).toBeLessThan(300 * MB)
  expect(r.rssGrowth).toBeLessThan(300 * MB)
}

const deflated = (name: string, z: { data: Buffer }, declaredSize: number): RawEntry => ({ name, data: z.data, method: 8, declaredSize })
const contentTypes: RawEntry = { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 0, declaredSize: 8 }

// Building a bomb takes a moment on a busy machine; only the refusal itself is timed.
describe('zip bombs are refused before any parser inflates them', { timeout: 30_000 }, () => {
  it('a 1 MB .docx whose document inflates to 1 GiB, sizes declared truthfully', async () => {
    const zeros = await deflatedZeros(1024)
    const bomb = rawZip([contentTypes, deflated('word/document.xml', zeros, zeros.size)])
    expect(bomb.length).toBeLessThan(1.1 * MB)
    expect(zeros.size).toBeGreaterThan(GiB)
    expectQuickRefusal(await measured(() => parsePlanFile('工作要点.docx', bomb)), /解压后超过100MB/)
  })

  it('the same .docx when the central directory claims the document is 4 KB', async () => {
    const zeros = await deflatedZeros(1024)
    const bomb = rawZip([contentTypes, deflated('word/document.xml', zeros, 4096)])
    expectQuickRefusal(await measured(() => parsePlanFile('工作要点.docx', bomb)), /Word文件的正文部分解压后超过40MB/)
  })

  it('an .xlsx whose sheets each claim 1 KB but inflate to 256 MiB', async () => {
    const zeros = await deflatedZeros(256)
    const bomb = rawZip([
      contentTypes,
      deflated('xl/worksheets/sheet1.xml', zeros, 1024),
      deflated('xl/worksheets/sheet2.xml', zeros, 1024),
      deflated('xl/worksheets/sheet3.xml', zeros, 1024),
    ])
    expectQuickRefusal(await measured(() => parsePlanFile('任务分解表.xlsx', bomb)), /Excel文件的正文部分解压后超过40MB/)
  })

  it('a .docx whose 4,000 directory records all point at one 32 MiB entry (overlapping files)', async () => {
    const zeros = await deflatedZeros(32)
    const bomb = rawZip(
      [contentTypes, deflated('word/media/image.png', zeros, 0)],
      Array.from({ length: 4000 }, (_, i) => (i === 0 ? 0 : 1)),
    )
    expect(bomb.length).toBeLessThan(MB)
    expectQuickRefusal(await measured(() => parsePlanFile('工作要点.docx', bomb)), /解压后超过100MB/)
  })

  it('a .docx of 20,000 empty parts', async () => {
    const empty = (i: number): RawEntry => ({ name: `word/media/i${i}.png`, data: new Uint8Array(), method: 0, declaredSize: 0 })
    const bomb = rawZip([contentTypes, ...Array.from({ length: 20_000 }, (_, i) => empty(i))])
    expect(bomb.length).toBeLessThan(20 * MB)
    expectQuickRefusal(await measured(() => parsePlanFile('工作要点.docx', bomb)), /超过5000个部件/)
  })

  it('a report form (.xlsx) sent back as a bomb', async () => {
    const zeros = await deflatedZeros(512)
    const bomb = rawZip([contentTypes, deflated('xl/worksheets/sheet1.xml', zeros, 1024)])
    const r = await measured(() => readForm(null as never, bomb.toString('base64'), () => Promise.resolve(new Set())))
    expectQuickRefusal(r, /Excel文件的正文部分解压后超过/)
  })
})

describe('the guard counts what is really inflated', { timeout: 30_000 }, () => {
  it('lets a real Word file through, and refuses it once the limit is below its inflated size', async () => {
    const docx = await docxFromText('一、加强监管\n1. 推进快递进村（市场监管处牵头）')
    await expect(assertSafeZip(docx, 'Word')).resolves.toBeUndefined()
    const tight = { ...ZIP_LIMITS, maxTotalBytes: 2048 }
    await expect(assertSafeZip(docx, 'Word', tight)).rejects.toMatchObject({ code: 'unsafe_archive' })
    await expect(assertSafeZip(docx, 'Word', { ...ZIP_LIMITS, maxEntries: 3 })).rejects.toMatchObject({
      code: 'unsafe_archive',
      message: expect.stringContaining('超过3个部件'),
    })
  })

  it('bounds the XML parts more tightly than media', async () => {
    const zeros = await deflatedZeros(48)
    const xml = rawZip([contentTypes, deflated('word/document.xml', zeros, 100)])
    const media = rawZip([contentTypes, deflated('word/media/scan.bmp', zeros, 100)])
    await expect(assertSafeZip(xml, 'Word')).rejects.toMatchObject({ code: 'unsafe_archive' })
    await expect(assertSafeZip(media, 'Word')).resolves.toBeUndefined()
  })

  it('calls a zip without its directory damaged, not a bomb', async () => {
    const docx = await docxFromText('一、加强监管')
    await expect(assertSafeZip(docx.subarray(0, docx.length - 30), 'Word')).rejects.toMatchObject({ code: 'corrupt_file' })
  })
})
