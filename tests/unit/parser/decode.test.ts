import { describe, it, expect } from 'vitest'
import { decodeText } from '../../../electron/core/importers/readers/text'
import { DubanError } from '../../../electron/core/errors'

const utf8 = (s: string) => new TextEncoder().encode(s)

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2)
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 + i * 2] = littleEndian ? c & 0xff : c >> 8
    out[3 + i * 2] = littleEndian ? c >> 8 : c & 0xff
  }
  return out
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(utf8('快递业务量'))).toBe('快递业务量')
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('1. 快递')]))).toBe('1. 快递')
  })

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decodeText(utf16('一、邮政快递', true))).toBe('一、邮政快递')
    expect(decodeText(utf16('一、邮政快递', false))).toBe('一、邮政快递')
  })

  it('falls back to GB18030 for GBK bytes', () => {
    // 快递 in GBK, then "1." in ASCII
    expect(decodeText(new Uint8Array([0x31, 0x2e, 0xbf, 0xec, 0xb5, 0xdd]))).toBe('1.快递')
  })

  it('refuses binary content with a readable message', () => {
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x01])
    expect(() => decodeText(junk)).toThrow(DubanError)
    try {
      decodeText(junk)
    } catch (e) {
      expect((e as DubanError).code).toBe('unreadable_file')
      expect((e as DubanError).message).toMatch(/文件/)
    }
    expect(() => decodeText(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 0x41]))).toThrow(DubanError)
  })

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array())).toBe('')
  })
})
