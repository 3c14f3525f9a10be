import { describe, expect, it } from 'vitest'
import { base64DecodedSize, classifyFile, cleanFileName, MAX_FILE_BYTES } from '../../electron/core/files/rules'

const zip = (inside: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${inside}document.xml`)])

describe('evidence file types', () => {
  it('accepts allowed kinds whose bytes match the extension', () => {
    expect(classifyFile('a.PDF', Buffer.from('%PDF-1.7')).kind).toBe('pdf')
    expect(classifyFile('a.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])).mime).toBe('image/jpeg')
    expect(classifyFile('a.docx', zip('word/')).kind).toBe('docx')
    expect(classifyFile('a.xlsx', zip('xl/')).kind).toBe('xlsx')
    expect(classifyFile('a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).kind).toBe('doc')
    expect(classifyFile('a.webp', Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1')).kind).toBe('webp')
    expect(classifyFile('说明.txt', Buffer.from('进展说明')).kind).toBe('txt')
  })
  it('refuses other kinds, renamed files and empty or oversized ones', () => {
    expect(() => classifyFile('a.exe', Buffer.from('MZ'))).toThrow('不支持该文件类型')
    expect(() => classifyFile('a.docx', zip('xl/'))).toThrow('不符')
    expect(() => classifyFile('a.png', Buffer.from('%PDF-'))).toThrow('不符')
    expect(() => classifyFile('a.pdf', Buffer.alloc(0))).toThrow('空的')
    expect(() => classifyFile('a.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 0x41))).toThrow('20MB')
  })
  it('keeps only a plain name and measures base64 without decoding', () => {
    expect(cleanFileName('..\\..\\windows\\系统.pdf')).toBe('系统.pdf')
    expect(cleanFileName('/etc/\u0000passwd')).toBe('passwd')
    expect(cleanFileName('')).toBe('未命名文件')
    for (const n of [0, 1, 2, 3, 10]) expect(base64DecodedSize(Buffer.alloc(n).toString('base64'))).toBe(n)
  })
})
