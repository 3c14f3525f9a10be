import type { FileData } from '@/stores/reports'

export const isImage = (mime: string) => mime.startsWith('image/')
export const isPdf = (mime: string) => mime === 'application/pdf'

/** A picked file as base64 without the data-URL prefix, as files.upload wants it. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

export const toDataUrl = (f: Pick<FileData, 'mime' | 'dataBase64'>) => `data:${f.mime};base64,${f.dataBase64}`

export function toBlobUrl(f: Pick<FileData, 'mime' | 'dataBase64'>): string {
  const bin = atob(f.dataBase64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return URL.createObjectURL(new Blob([bytes], { type: f.mime.split(';')[0] }))
}

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
