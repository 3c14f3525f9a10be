import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readerErrors } from './errors'

interface TextItem {
  str: string
  transform: number[]
  height: number
  width: number
}

/** pdf.js ships character maps and standard fonts beside its package; Chinese PDFs without embedded fonts need them. */
function assetDirs() {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }
  } catch {
    return {}
  }
}

/** Text items of one page → lines: items whose baselines are close share a line, read left to right. */
export function itemsToLines(items: TextItem[]): string[] {
  const sorted = items
    .filter((i) => i.str.length > 0)
    .map((i) => ({ text: i.str, x: i.transform[4], y: i.transform[5], h: Math.abs(i.height || i.transform[3]) || 10 }))
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: { y: number; h: number; parts: { x: number; text: string }[] }[] = []
  for (const item of sorted) {
    const line = lines[lines.length - 1]
    if (line && Math.abs(line.y - item.y) <= Math.max(line.h, item.h) * 0.5) line.parts.push(item)
    else lines.push({ y: item.y, h: item.h, parts: [item] })
  }
  return lines
    .map((l) =>
      l.parts
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join('')
        .trim(),
    )
    .filter(Boolean)
}

/** A PDF with a text layer → its lines, page by page. Scanned or encrypted PDFs are refused. */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...assetDirs(),
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    await task.destroy()
    if ((e as { name?: string })?.name === 'PasswordException') throw readerErrors.encryptedPdf()
    throw readerErrors.corrupt('PDF')
  }
  try {
    const pages: string[] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      const content = await page.getTextContent()
      pages.push(itemsToLines(content.items.filter((i): i is TextItem & typeof i => 'str' in i)).join('\n'))
      page.cleanup()
    }
    const text = pages.join('\n')
    if (text.replace(/\s/g, '').length < 20) throw readerErrors.scannedPdf()
    return text
  } catch (e) {
    if ((e as { code?: string }).code === 'scanned_pdf') throw e
    throw readerErrors.corrupt('PDF')
  } finally {
    await task.destroy()
  }
}
