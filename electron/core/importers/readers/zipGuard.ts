/**
 * Every zip-based format (docx, xlsx, later OFD) passes here before a parser sees it. A 1 MB zip
 * can inflate to gigabytes and the parsers (jszip under mammoth and exceljs) inflate everything into
 * memory, so we walk the central directory the way they do, count the entries, and inflate each entry
 * as a stream, discarding the output and stopping as soon as the total passes the limit. The sizes a
 * zip declares are checked too, but never trusted: only the bytes actually inflated count.
 */
import { createInflateRaw } from 'node:zlib'
import { DubanError } from '../../errors'
import { readerErrors } from './errors'

export interface ZipLimits {
  /** parts in the package; a Word or Excel file has tens, a few hundred with many images */
  maxEntries: number
  /** all parts together, inflated */
  maxTotalBytes: number
  /** XML parts together, inflated: the parsers build a tree of these, several times their size */
  maxXmlBytes: number
}

const MB = 1024 * 1024
export const ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 100 * MB, maxXmlBytes: 40 * MB }

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const STORED = 0
const DEFLATED = 8

interface Entry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

class ZipReader {
  private view: DataView
  constructor(
    private bytes: Uint8Array,
    private kind: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  corrupt(): DubanError {
    return readerErrors.corrupt(this.kind)
  }
  u16(at: number): number {
    if (at + 2 > this.bytes.length) throw this.corrupt()
    return this.view.getUint16(at, true)
  }
  u32(at: number): number {
    if (at + 4 > this.bytes.length) throw this.corrupt()
    return this.view.getUint32(at, true)
  }
  u64(at: number): number {
    const value = this.u32(at) + this.u32(at + 4) * 2 ** 32
    if (!Number.isSafeInteger(value)) throw this.corrupt()
    return value
  }
  text(at: number, length: number): string {
    if (at + length > this.bytes.length) throw this.corrupt()
    return new TextDecoder('utf-8').decode(this.bytes.subarray(at, at + length))
  }
  slice(at: number, length: number): Uint8Array {
    if (at < 0 || at + length > this.bytes.length) throw this.corrupt()
    return this.bytes.subarray(at, at + length)
  }

  /** The last end-of-central-directory record, as jszip finds it: searching back over a comment of up to 64 KB. */
  private endRecord(): number {
    const last = this.bytes.length - 22
    for (let at = last; at >= Math.max(0, last - 0xffff); at--) if (this.view.getUint32(at, true) === EOCD) return at
    throw this.corrupt()
  }

  /** Where the central directory starts and ends; the zip64 record when the classic one overflows. */
  centralDirectory(): { start: number; end: number } {
    const eocd = this.endRecord()
    let start = this.u32(eocd + 16)
    let size = this.u32(eocd + 12)
    if (
      (start === 0xffffffff || size === 0xffffffff || this.u16(eocd + 10) === 0xffff) &&
      eocd >= 20 &&
      this.u32(eocd - 20) === ZIP64_LOCATOR
    ) {
      const record = this.u64(eocd - 20 + 8)
      if (this.u32(record) !== ZIP64_EOCD) throw this.corrupt()
      size = this.u64(record + 40)
      start = this.u64(record + 48)
    }
    if (start + size > this.bytes.length) throw this.corrupt()
    return { start, end: start + size }
  }

  /** Sizes and offset that overflow 32 bits live in the zip64 extra field, in this order. */
  private zip64(extraAt: number, extraLength: number, entry: Entry): void {
    for (let at = extraAt; at + 4 <= extraAt + extraLength;) {
      const id = this.u16(at)
      const length = this.u16(at + 2)
      if (id === 0x0001) {
        let field = at + 4
        for (const key of ['declaredSize', 'compressedSize', 'localOffset'] as const) {
          if (entry[key] !== 0xffffffff) continue
          entry[key] = this.u64(field)
          field += 8
        }
        return
      }
      at += 4 + length
    }
  }

  /** Every central-directory record, counted as we go so a huge count is refused before any is read in full. */
  entries(maxEntries: number, onTooMany: () => DubanError): Entry[] {
    const { start, end } = this.centralDirectory()
    const entries: Entry[] = []
    for (let at = start; at + 46 <= end && this.u32(at) === CENTRAL;) {
      if (entries.length >= maxEntries) throw onTooMany()
      const nameLength = this.u16(at + 28)
      const extraLength = this.u16(at + 30)
      const commentLength = this.u16(at + 32)
      const entry: Entry = {
        name: this.text(at + 46, nameLength),
        method: this.u16(at + 10),
        compressedSize: this.u32(at + 20),
        declaredSize: this.u32(at + 24),
        localOffset: this.u32(at + 42),
      }
      this.zip64(at + 46 + nameLength, extraLength, entry)
      entries.push(entry)
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }

  /** An entry's compressed bytes: after its local header, as long as the central directory says (as jszip reads it). */
  data(entry: Entry): Uint8Array {
    if (this.u32(entry.localOffset) !== LOCAL) throw this.corrupt()
    const headerLength = 30 + this.u16(entry.localOffset + 26) + this.u16(entry.localOffset + 28)
    return this.slice(entry.localOffset + headerLength, entry.compressedSize)
  }
}

/**
 * Inflates `data` and throws away the output, stopping once more than `budget` bytes came out.
 * Resolves to the bytes inflated (at most budget + one chunk). A damaged stream just ends the count:
 * the parser that follows says the file is damaged.
 */
function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let total = 0
    let done = false
    const finish = () => {
      if (done) return
      done = true
      inflater.removeAllListeners('data')
      inflater.destroy()
      resolve(total)
    }
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 })
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > budget) finish()
    })
    inflater.on('end', finish)
    inflater.on('error', finish)
    inflater.on('close', finish)
    // Fed in small pieces so one piece can never inflate to more than a few MB at once.
    const step = 16 * 1024
    const feed = (from: number) => {
      if (done) return
      if (from >= data.length) return void inflater.end()
      const more = inflater.write(data.subarray(from, from + step))
      if (more) setImmediate(() => feed(from + step))
      else inflater.once('drain', () => feed(from + step))
    }
    feed(0)
  })
}

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name)

/**
 * Refuses a zip whose parts, inflated, would pass the limits: too many parts, or more bytes than any
 * real work plan has. Runs in well under a second on a bomb and holds only one inflate window in memory.
 */
export async function assertSafeZip(bytes: Uint8Array, kind: string, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const zip = new ZipReader(bytes, kind)
  const tooMany = () => readerErrors.zipTooManyEntries(kind, limits.maxEntries)
  const tooLarge = (total: number, xml: number) =>
    total > limits.maxTotalBytes
      ? readerErrors.zipTooLarge(kind, limits.maxTotalBytes / MB)
      : readerErrors.zipTooLarge(kind, limits.maxXmlBytes / MB, xml > limits.maxXmlBytes)
  const entries = zip.entries(limits.maxEntries, tooMany)
  // What the zip declares is checked first, as it costs nothing; what it holds is checked next.
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0)
  const declaredXml = entries.filter((e) => isXml(e.name)).reduce((sum, e) => sum + e.declaredSize, 0)
  if (declared > limits.maxTotalBytes || declaredXml > limits.maxXmlBytes) throw tooLarge(declared, declaredXml)
  let total = 0
  let xml = 0
  for (const entry of entries) {
    const data = zip.data(entry)
    const budget = Math.min(limits.maxTotalBytes - total, isXml(entry.name) ? limits.maxXmlBytes - xml : Infinity)
    const size = entry.method === DEFLATED ? await inflatedSize(data, budget) : entry.method === STORED ? data.length : 0
    total += size
    if (isXml(entry.name)) xml += size
    if (total > limits.maxTotalBytes || xml > limits.maxXmlBytes) throw tooLarge(total, xml)
  }
}
