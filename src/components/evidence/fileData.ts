import type { FileData } from '@/stores/reports'

export const isImage = (mime: string) => mime.startsWith('image/')
export const isPdf = (mime: string) => mime === 'application/pdf'

/** An object URL for a downloaded file; the cache below keeps one per id for the page's life. */
export const toBlobUrl = (f: Pick<FileData, 'blob'>) => URL.createObjectURL(f.blob)

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Stored files never change (they are kept by content hash), so one read per id is enough. */
const cache = new Map<number, Promise<FileData>>()
export function cachedRead(id: number, read: (id: number) => Promise<FileData>): Promise<FileData> {
  let p = cache.get(id)
  if (!p) {
    p = read(id)
    p.catch(() => cache.delete(id))
    cache.set(id, p)
  }
  return p
}
