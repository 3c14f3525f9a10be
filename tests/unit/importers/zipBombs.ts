/**
 * Zip bombs built in memory for the tests: nothing on disk, nothing downloaded. The deflate stream of
 * zeros is made once per size by repeating one flushed block, so a GiB of output costs a few ms.
 */
import { constants, createDeflateRaw } from 'node:zlib'

export interface RawEntry {
  name: string
  /** the entry's bytes as stored in the zip */
  data: Uint8Array
  method: 0 | 8
  /** what the headers claim the entry inflates to */
  declaredSize: number
  /** several central records may point at the same local entry (the overlapping-files bomb) */
  sameDataAs?: number
}

/** A zip written by hand, so the test decides every size and offset, truthful or not. */
export function rawZip(entries: RawEntry[], centralRefs?: number[]): Buffer {
  const locals: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf-8')
    const h = Buffer.alloc(30)
    h.writeUInt32LE(0x04034b50, 0)
    h.writeUInt16LE(20, 4)
    h.writeUInt16LE(0x0800, 6) // names in UTF-8
    h.writeUInt16LE(e.method, 8)
    h.writeUInt16LE(0x21, 12) // 1980-01-01
    h.writeUInt32LE(0, 14) // the CRC is never reached: the guard refuses first
    h.writeUInt32LE(e.data.length, 18)
    h.writeUInt32LE(e.declaredSize, 22)
    h.writeUInt16LE(name.length, 26)
    offsets.push(offset)
    locals.push(h, name, Buffer.from(e.data))
    offset += h.length + name.length + e.data.length
  }
  const centrals: Buffer[] = []
  for (const i of centralRefs ?? entries.map((_, i) => i)) {
    const e = entries[i]
    const name = Buffer.from(e.name + (centralRefs ? `#${centrals.length / 2}` : ''), 'utf-8')
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(0x0800, 8)
    c.writeUInt16LE(e.method, 10)
    c.writeUInt16LE(0x21, 14)
    c.writeUInt32LE(e.data.length, 20)
    c.writeUInt32LE(e.declaredSize, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offsets[i], 42)
    centrals.push(c, name)
  }
  const central = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const count = Math.min(centrals.length / 2, 0xffff)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(central.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, central, end])
}

function deflateParts(): Promise<{ head: Buffer; block: Buffer; tail: Buffer; blockBytes: number }> {
  const blockBytes = 8 * 1024 * 1024
  return new Promise((resolve, reject) => {
    const d = createDeflateRaw({ level: 9 })
    let pending: Buffer[] = []
    d.on('data', (c: Buffer) => pending.push(c))
    d.on('error', reject)
    const take = () => {
      const out = Buffer.concat(pending)
      pending = []
      return out
    }
    d.write(Buffer.alloc(1))
    d.flush(constants.Z_SYNC_FLUSH, () => {
      const head = take()
      d.write(Buffer.alloc(blockBytes))
      d.flush(constants.Z_SYNC_FLUSH, () => {
        const block = take()
        d.on('end', () => resolve({ head, block, tail: take(), blockBytes }))
        d.end()
      })
    })
  })
}

/**
 * A raw deflate stream that inflates to 1 + n × 8 MiB zero bytes. Each flushed block only refers
 * back to zeros, so it can be repeated: about 8 KB of input per 8 MiB of output.
 */
export async function deflatedZeros(mebibytes: number): Promise<{ data: Buffer; size: number }> {
  const { head, block, tail, blockBytes } = await deflateParts()
  const n = Math.ceil((mebibytes * 1024 * 1024) / blockBytes)
  return { data: Buffer.concat([head, ...Array<Buffer>(n).fill(block), tail]), size: 1 + n * blockBytes }
}
