/**
 * Documents as they print: LibreOffice converts a generated file to PDF, poppler reads the PDF back
 * (text with boxes, and PNG pictures of the pages kept in test-results/rendering/ for people to look at).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'

export const ARTEFACTS = join(process.cwd(), 'test-results', 'rendering')

const HOW_TO_INSTALL =
  'Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk（.ci/run 会自动安装）'

function requireTool(tool: string) {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`渲染检查需要 ${tool}，本机未安装。${HOW_TO_INSTALL}`)
}

export interface Box {
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}
export interface Line extends Box {
  text: string
  words: (Box & { text: string })[]
}
export interface Page {
  width: number
  height: number
  lines: Line[]
  text: string
}
export interface Rendered {
  pdf: string
  pages: Page[]
  /** the PNG of each page, in order */
  pngs: string[]
}

const num = (attrs: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1])
const box = (attrs: string): Box => ({
  xMin: num(attrs, 'xMin'),
  yMin: num(attrs, 'yMin'),
  xMax: num(attrs, 'xMax'),
  yMax: num(attrs, 'yMax'),
})
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** pdftotext -bbox-layout's XHTML: <page width height> … <line xMin…><word xMin…>text</word></line>. */
export function parseBboxLayout(xhtml: string): Page[] {
  const pages: Page[] = []
  for (const m of xhtml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: Line[] = []
    for (const l of m[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((w) => ({ ...box(w[1]!), text: unescape(w[2]!) }))
      lines.push({ ...box(l[1]!), words, text: words.map((w) => w.text).join('') })
    }
    pages.push({ width: num(m[1]!, 'width'), height: num(m[1]!, 'height'), lines, text: lines.map((l) => l.text).join('\n') })
  }
  return pages
}

/**
 * Converts documents to PDF with LibreOffice in one run (its own profile, so parallel runs do not collide), reads each
 * PDF back, and keeps the PDFs and PNGs of their pages in test-results/rendering/.
 */
export function renderDocuments(files: Record<string, Uint8Array>): Record<string, Rendered> {
  requireTool('soffice')
  requireTool('pdftotext')
  requireTool('pdftoppm')
  const work = mkdtempSync(join(tmpdir(), 'duban-render-'))
  try {
    mkdirSync(ARTEFACTS, { recursive: true })
    const sources = Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(work, name), bytes)
      writeFileSync(join(ARTEFACTS, name), bytes)
      return join(work, name)
    })
    const profile = join(work, 'profile')
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...sources],
      { stdio: 'pipe', timeout: 180_000 },
    )
    return Object.fromEntries(Object.keys(files).map((name) => [name, readBack(work, name)]))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function readBack(work: string, name: string): Rendered {
  const stem = basename(name, extname(name))
  const pdf = join(ARTEFACTS, `${stem}.pdf`)
  writeFileSync(pdf, readFileSync(join(work, `${stem}.pdf`)))
  const xhtml = join(work, `${stem}.html`)
  execFileSync('pdftotext', ['-bbox-layout', pdf, xhtml], { stdio: 'pipe' })
  for (const old of readdirSync(ARTEFACTS)) if (old.startsWith(`${stem}-`) && old.endsWith('.png')) rmSync(join(ARTEFACTS, old))
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTEFACTS, stem)], { stdio: 'pipe' })
  const pngs = readdirSync(ARTEFACTS)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => join(ARTEFACTS, f))
  return { pdf, pages: parseBboxLayout(readFileSync(xhtml, 'utf8')), pngs }
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0)

/**
 * Words printed over each other: two words whose boxes share more than a sliver both across and down.
 * (Words of one line sit side by side; lines of a cell sit one under the other; neither counts.)
 */
export function overlappingWords(page: Page): [string, string][] {
  const words = page.lines.flatMap((l) => l.words)
  const found: [string, string][] = []
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!
      const b = words[j]!
      const dy = overlap(a.yMin, a.yMax, b.yMin, b.yMax)
      const dx = overlap(a.xMin, a.xMax, b.xMin, b.xMax)
      const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin)
      if (dx > 1 && dy > h * 0.25) found.push([a.text, b.text])
    }
  return found
}

/** The text of all pages without spaces and line breaks, to look for a sentence that wrapped. */
export const flatText = (pages: Page[]) =>
  pages
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, '')

export const isLandscape = (p: Page) => p.width > p.height
/** A4 is 595 × 842 pt. */
export const isA4 = (p: Page) => Math.abs(Math.min(p.width, p.height) - 595) < 3 && Math.abs(Math.max(p.width, p.height) - 842) < 3

/** Missing glyphs show up as U+FFFD or as boxes named .notdef. */
export const hasMissingGlyphs = (pages: Page[]) => pages.some((p) => /\uFFFD|\.notdef/.test(p.text))

/**
 * The text printed in a table column, read top to bottom so a cell's wrapped lines join up again. The column is
 * found by its centred header word and the header of the column to its left (whose right edge is its left edge).
 */
export function columnText(page: Page, header: string, leftNeighbour: string): string {
  const words = page.lines.flatMap((l) => l.words)
  const head = words.find((w) => w.text === header)
  const left = words.find((w) => w.text === leftNeighbour)
  if (!head || !left) return ''
  const centre = (head.xMin + head.xMax) / 2
  const half = centre - left.xMax
  return words
    .filter((w) => w.xMin >= centre - half && w.xMax <= centre + half && w.yMin > head.yMax)
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join('')
}
