/**
 * OFD (GB/T 33190), the national fixed-layout format of official documents: a zip of XML files.
 * OFD.xml names the document, its Document.xml lists the pages, and each page's Content.xml holds
 * text objects whose TextCode elements carry the text with its position (millimetres). We read the
 * text layer in page order and rebuild lines from positions, as a PDF text layer is read.
 */
import JSZip from 'jszip'
import { XMLParser } from 'fast-xml-parser'
import { readerErrors } from './errors'
import { tabRowsToLines } from './tab-rows'
import { assertSafeZip } from './zipGuard'

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: () => true,
})

interface Glyphs {
  x: number
  y: number
  size: number
  text: string
}

const list = (node: unknown, key: string): XmlNode[] => ((node as XmlNode | undefined)?.[key] as XmlNode[] | undefined) ?? []
const attr = (node: XmlNode, name: string): string => String((node[`@${name}`] as string | undefined) ?? '')
const numbers = (s: string) =>
  s
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n))

/** An element's text; fast-xml-parser gives a text-only element as a plain string. */
function textOf(code: XmlNode | string): string {
  if (typeof code === 'string') return code
  const t = code['#text']
  return Array.isArray(t) ? t.join('') : typeof t === 'string' ? t : ''
}

/** Every TextObject under a node, however deep (layers, page blocks). */
function collect(node: unknown, out: Glyphs[], images: { n: number }): void {
  if (!node || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key.startsWith('@') || key === '#text' || !Array.isArray(value)) continue
    for (const child of value as XmlNode[]) {
      if (key === 'ImageObject') images.n++
      if (key !== 'TextObject') {
        collect(child, out, images)
        continue
      }
      const [bx = 0, by = 0] = numbers(attr(child, 'Boundary'))
      const size = Number(attr(child, 'Size')) || 3.5
      for (const code of list(child, 'TextCode') as (XmlNode | string)[]) {
        const text = textOf(code)
        if (!text.trim()) continue
        const at = (name: string) => (typeof code === 'string' ? 0 : Number(attr(code, name)) || 0)
        out.push({ x: bx + at('X'), y: by + at('Y'), size, text })
      }
    }
  }
}

/** Glyph runs → lines, top to bottom; runs whose baselines lie within half a character are one line. */
function toLines(glyphs: Glyphs[]): string[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: Glyphs[][] = []
  for (const g of sorted) {
    const line = lines[lines.length - 1]
    if (line && Math.abs(line[0].y - g.y) <= Math.max(1, g.size / 2)) line.push(g)
    else lines.push([g])
  }
  return lines.map((line) => {
    const runs = line.sort((a, b) => a.x - b.x)
    // A wide gap between two runs on one line is a table's column boundary.
    return runs
      .map((r, i) => {
        const prev = runs[i - 1]
        if (!prev) return r.text
        const prevEnd = prev.x + prev.text.length * prev.size
        return (r.x - prevEnd > prev.size * 2 ? '\t' : '') + r.text
      })
      .join('')
  })
}

/** Resolves a BaseLoc against the folder of the file that names it (or the package root for '/…'). */
function resolve(from: string, loc: string): string {
  if (loc.startsWith('/')) return loc.slice(1)
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : ''
  const parts: string[] = []
  for (const p of (base + loc).split('/')) {
    if (p === '..') parts.pop()
    else if (p && p !== '.') parts.push(p)
  }
  return parts.join('/')
}

async function xml(zip: JSZip, path: string): Promise<XmlNode> {
  const file = zip.file(path) ?? zip.file(Object.keys(zip.files).find((n) => n.toLowerCase() === path.toLowerCase()) ?? '')
  if (!file) throw readerErrors.corrupt('OFD')
  return parser.parse(await file.async('string')) as XmlNode
}

export async function readOfd(bytes: Uint8Array): Promise<string> {
  await assertSafeZip(bytes, 'OFD')
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw readerErrors.corrupt('OFD')
  }
  const root = list(await xml(zip, 'OFD.xml'), 'OFD')[0]
  const docRoot = list(list(root, 'DocBody')[0], 'DocRoot')[0]
  const docPath = docRoot ? textOf(docRoot as XmlNode | string).trim() : ''
  if (!docPath) throw readerErrors.corrupt('OFD')
  const documentPath = resolve('', docPath)
  const document = list(await xml(zip, documentPath), 'Document')[0]
  const templates = new Map<string, string>()
  for (const t of list(list(document, 'CommonData')[0], 'TemplatePage'))
    templates.set(attr(t, 'ID'), resolve(documentPath, attr(t, 'BaseLoc')))
  const pages = list(list(document, 'Pages')[0], 'Page')
  const lines: string[] = []
  const images = { n: 0 }
  for (const page of pages) {
    const pagePath = resolve(documentPath, attr(page, 'BaseLoc'))
    const content = list(await xml(zip, pagePath), 'Page')[0]
    const glyphs: Glyphs[] = []
    for (const t of list(content, 'Template')) {
      const tpl = templates.get(attr(t, 'TemplateID'))
      if (tpl && zip.file(tpl)) collect(list(await xml(zip, tpl), 'Page')[0], glyphs, images)
    }
    collect(list(content, 'Content')[0], glyphs, images)
    lines.push(...toLines(glyphs))
  }
  if (lines.length === 0) throw images.n > 0 ? readerErrors.scannedOfd() : readerErrors.corrupt('OFD')
  return tabRowsToLines(lines.join('\n'))
}
