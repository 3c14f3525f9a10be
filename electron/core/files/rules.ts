/** What evidence files the bureau accepts: decided by extension and by the file's first bytes. Pure. */
import { DubanError } from '../errors'

export const MAX_FILE_BYTES = 20 * 1024 * 1024
/** base64 of the largest allowed file, so an oversized upload is refused before it is decoded */
export const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4

export type FileKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpg' | 'png' | 'gif' | 'webp' | 'txt'

export const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain; charset=utf-8',
}

const EXTENSIONS: Record<string, FileKind> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  txt: 'txt',
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]

function contains(b: Uint8Array, text: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(text, 0, 'latin1')
}

/** Does the content look like the kind its name claims? */
export function contentMatches(kind: FileKind, b: Uint8Array): boolean {
  switch (kind) {
    case 'pdf':
      return startsWith(b, ascii('%PDF-'))
    case 'doc':
    case 'xls':
      return startsWith(b, OLE)
    case 'docx':
      return startsWith(b, ZIP) && contains(b, 'word/')
    case 'xlsx':
      return startsWith(b, ZIP) && contains(b, 'xl/')
    case 'jpg':
      return startsWith(b, [0xff, 0xd8, 0xff])
    case 'png':
      return startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'gif':
      return startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))
    case 'webp':
      return startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)
    case 'txt':
      // Text has no NUL bytes; anything else posing as .txt (an executable, an archive) has.
      return !b.subarray(0, 64 * 1024).includes(0)
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** Decoded size of a base64 string, computed from its length alone. */
export function base64DecodedSize(b64: string): number {
  const len = b64.length
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0
  return Math.floor((len * 3) / 4) - padding
}

export function checkSize(size: number): void {
  if (size === 0) throw new DubanError('empty_file', '文件是空的，请检查是否选错了文件')
  if (size > MAX_FILE_BYTES) throw new DubanError('file_too_large', `文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，请压缩后再上传`)
}

export const MAX_FILE_NAME_CHARS = 200

/**
 * Characters that change how a name reads without being seen: C0/C1 controls, and the bidi marks,
 * embeddings, overrides and isolates (U+202E turns 报告\u202Eexe.txt into what looks like 报告txt.exe),
 * zero-width characters and the BOM.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/**
 * Only the last path segment, without invisible characters: the name is shown, never used as a path.
 * A name too long to keep whole is refused rather than cut, since cutting would drop its extension.
 */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(INVISIBLE, '').trim()
  if ([...base].length > MAX_FILE_NAME_CHARS) {
    throw new DubanError('file_name_too_long', `文件名过长（超过${MAX_FILE_NAME_CHARS}个字），请将文件改名缩短后再上传`)
  }
  return base || '未命名文件'
}

/** Refuses anything outside the allow-list, or whose bytes do not match its extension. */
export function classifyFile(fileName: string, bytes: Uint8Array): { kind: FileKind; mime: string } {
  checkSize(bytes.byteLength)
  const kind = EXTENSIONS[extensionOf(fileName)]
  if (!kind) {
    throw new DubanError(
      'file_type',
      '不支持该文件类型。可上传：PDF、Word（doc/docx）、Excel（xls/xlsx）、图片（jpg/png/gif/webp）、文本（txt）',
    )
  }
  if (!contentMatches(kind, bytes)) {
    throw new DubanError('file_content', `文件内容与扩展名“.${extensionOf(fileName)}”不符，可能已损坏或被改名，请检查后重新上传`)
  }
  return { kind, mime: MIME[kind] }
}
