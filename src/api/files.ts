/**
 * Evidence files. In a browser they travel as raw bytes (POST /api/files.upload, GET /files/<id>),
 * never as base64 inside JSON; in the desktop window the IPC transport keeps its base64 calls.
 */
import type { Envelope, Output } from '../../electron/contract'
import { ApiError, invoke, settle, token } from './client'
import { zh } from '@/locales/zh-CN'

export type UploadedFile = Output<'files.upload'>
export interface DownloadedFile {
  id: number
  fileName: string
  mime: string
  size: number
  blob: Blob
}

const viaBridge = () => typeof window !== 'undefined' && Boolean(window.duban?.invoke)

/** A picked file as base64 without the data-URL prefix, as the IPC files.upload wants it. */
export function readAsBase64(file: Blob): Promise<string> {
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

function authHeaders(): Record<string, string> {
  const t = token.get()
  return t ? { authorization: 'Bearer ' + t } : {}
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch {
    throw new ApiError('network', zh.errors.network)
  }
}

async function envelopeOf(res: Response): Promise<Envelope<unknown>> {
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    throw new ApiError('bad_response', zh.errors.badResponse)
  }
}

export async function uploadFile(file: File): Promise<UploadedFile> {
  if (viaBridge()) return invoke('files.upload', { name: file.name, dataBase64: await readAsBase64(file) })
  const res = await request('/api/files.upload', {
    method: 'POST',
    headers: { ...authHeaders(), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  })
  return settle('files.upload', await envelopeOf(res), true)
}

function base64ToBlob(b64: string, mime: string): Blob {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime.split(';')[0] })
}

/** The stored name from Content-Disposition's UTF-8 form (RFC 6266). */
function nameFrom(disposition: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  try {
    return m ? decodeURIComponent(m[1]) : ''
  } catch {
    return ''
  }
}

export async function downloadFile(attachmentId: number): Promise<DownloadedFile> {
  if (viaBridge()) {
    const f = await invoke('files.read', { attachmentId })
    return { id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, blob: base64ToBlob(f.dataBase64, f.mime) }
  }
  const res = await request(`/files/${attachmentId}`, { headers: authHeaders() })
  if (!res.ok) return settle('files.read', await envelopeOf(res), true) as never
  const blob = await res.blob()
  const mime = res.headers.get('content-type') ?? blob.type
  return { id: attachmentId, fileName: nameFrom(res.headers.get('content-disposition')), mime, size: blob.size, blob }
}
