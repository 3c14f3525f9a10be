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

describe('evidence file names', () => {
  it('refuses a name over 200 characters with the reason, instead of cutting off its extension', () => {
    const long = `${'关于快递进村工程推进情况的说明'.repeat(14)}.pdf` // 214 characters
    expect(() => cleanFileName(long)).toThrow(
      expect.objectContaining({ code: 'file_name_too_long', message: expect.stringContaining('文件名过长') }),
    )
    const exactly200 = `${'检'.repeat(196)}.pdf`
    expect(cleanFileName(exactly200)).toBe(exactly200)
    // a long folder path in front of a short name is not the name's fault
    expect(cleanFileName(`${'目录/'.repeat(150)}报告.pdf`)).toBe('报告.pdf')
  })

  it('strips the right-to-left override and other invisible characters, so the name reads as it is', () => {
    expect(cleanFileName('报告\u202Eexe.txt')).toBe('报告exe.txt')
    expect(cleanFileName('\u202Dlegit\u202C\u2066.pdf\u2069')).toBe('legit.pdf')
    expect(cleanFileName('\uFEFF台账\u200B\u200E\u200F\u061C.xlsx')).toBe('台账.xlsx')
    expect(cleanFileName('说明\u0085\u009B.txt')).toBe('说明.txt')
    expect(cleanFileName('\u202E')).toBe('未命名文件')
  })
})
