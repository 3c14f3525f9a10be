import { DubanError } from '../../errors'

const unreadable = () =>
  new DubanError('unreadable_file', '文件内容无法识别为文字，可能不是文本文件或已损坏，请另存为 Word 或 TXT 后重新导入')

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const body = bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2))
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(body)
}

/** Share of characters that are control codes other than tab, newline, carriage return and form feed. */
function controlShare(s: string): number {
  if (s.length === 0) return 0
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) n++
  }
  return n / s.length
}

function accept(text: string): string {
  if (text.includes('\u0000') || controlShare(text) > 0.02) throw unreadable()
  return text
}

/**
 * Bytes of a text file → string. Handles UTF-8 (with or without BOM), UTF-16 with BOM
 * and GB18030/GBK. Binary content is refused with a DubanError('unreadable_file').
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return accept(new TextDecoder('utf-8').decode(bytes.subarray(3)))
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return accept(decodeUtf16(bytes, true))
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return accept(decodeUtf16(bytes, false))
  if (bytes.includes(0)) throw unreadable()
  try {
    return accept(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (e) {
    if (e instanceof DubanError) throw e
  }
  let text: string
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes)
  } catch {
    throw unreadable()
  }
  return accept(text)
}
