import { extname } from 'node:path'
import { readDoc } from './doc'
import { readDocx } from './docx'
import { looksLikeHtml, readHtmlPage } from './html-page'
import { readerErrors } from './errors'
import { readOfd } from './ofd'
import { readPdf } from './pdf'
import { readCsv, readXlsx } from './sheet'
import { tablesToText } from './table'
import { tabRowsToLines } from './tab-rows'
import { decodeText } from './text'

/** Larger than any work plan with its annexes; anything bigger is the wrong file. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024

/** Refuses empty and oversized files; callers holding only a size (the CLI's stat) check before reading. */
export function assertPlanFileSize(size: number): void {
  if (size === 0) throw readerErrors.empty()
  if (size > MAX_PLAN_FILE_BYTES) throw readerErrors.tooLarge(MAX_PLAN_FILE_BYTES / 1024 / 1024)
}

type Format = 'text' | 'doc' | 'docx' | 'xlsx' | 'csv' | 'pdf' | 'html' | 'ofd'

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
]

/** Binary Office formats we cannot read: spreadsheets and slides of the 97–2003 era. */
const OLD_FORMATS = new Set(['.xls', '.et', '.dps', '.ppt', '.rtf'])
/** Word 97–2003 and WPS 文字 share one binary (OLE) format, which the .doc reader reads. */
const WORD_BINARY = new Set(['.doc', '.wps', '.dot', '.wpt'])
const TEXT_EXTS = new Set(['', '.txt', '.text', '.md'])

/** Zip entries appear uncompressed in the local headers, so the first few KB tell docx from xlsx. */
function zipKind(bytes: Uint8Array): 'docx' | 'xlsx' | 'ofd' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)))
  if (head.includes('word/')) return 'docx'
  if (head.includes('OFD.xml')) return 'ofd'
  if (head.includes('xl/')) return 'xlsx'
  return null
}

/** Decides how to read a file: the content's signature first, the extension second. */
export function detectFormat(fileName: string, bytes: Uint8Array): Format {
  const ext = extname(fileName).toLowerCase()
  if (startsWith(bytes, PDF)) return 'pdf'
  if (startsWith(bytes, OLE)) {
    if (OLD_FORMATS.has(ext)) throw readerErrors.oldFormat(ext)
    return 'doc'
  }
  if (IMAGES.some((sig) => startsWith(bytes, sig))) throw readerErrors.image()
  if (startsWith(bytes, ZIP)) {
    const kind = zipKind(bytes)
    if (kind) return kind
    if (ext === '.docx' || ext === '.xlsx' || ext === '.ofd') return ext.slice(1) as 'docx' | 'xlsx' | 'ofd'
    throw readerErrors.unsupported(ext)
  }
  if (ext === '.html' || ext === '.htm' || looksLikeHtml(bytes)) return 'html'
  if (ext === '.docx') throw readerErrors.corrupt('Word')
  if (ext === '.xlsx') throw readerErrors.corrupt('Excel')
  if (ext === '.pdf') throw readerErrors.corrupt('PDF')
  if (ext === '.ofd') throw readerErrors.corrupt('OFD')
  if (WORD_BINARY.has(ext)) throw readerErrors.oldFormat(ext)
  if (OLD_FORMATS.has(ext)) throw readerErrors.oldFormat(ext)
  if (ext === '.csv' || ext === '.tsv') return 'csv'
  if (TEXT_EXTS.has(ext)) return 'text'
  // Unknown extension: accept it only if it decodes as text.
  return 'text'
}

/**
 * Any supported plan file → the text the parser reads. Tables (xlsx, csv, Word tables)
 * become numbered lines with their responsibility notes, so every format shares one parser.
 * Refusals are DubanErrors with a message saying what to do instead.
 */
export async function readPlanFile(fileName: string, bytes: Uint8Array): Promise<{ text: string }> {
  assertPlanFileSize(bytes.length)
  const format = detectFormat(fileName, bytes)
  switch (format) {
    case 'pdf':
      return { text: await readPdf(bytes) }
    case 'doc':
      return { text: await readDoc(bytes, WORD_BINARY.has(extname(fileName).toLowerCase()) ? extname(fileName).toLowerCase() : '.doc') }
    case 'docx':
      return { text: await readDocx(bytes) }
    case 'ofd':
      return { text: await readOfd(bytes) }
    case 'xlsx':
      return { text: tablesToText(await readXlsx(bytes)) }
    case 'csv':
      return { text: tablesToText([readCsv(bytes, fileName)]) }
    case 'html':
      return { text: readHtmlPage(bytes) }
    default:
      // Rows pasted from a spreadsheet arrive tab-separated; they are read as a table.
      return { text: tabRowsToLines(decodeText(bytes)) }
  }
}
