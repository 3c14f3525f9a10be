import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { parsePlanFile } from '../../../electron/core/importers'
import { DubanError } from '../../../electron/core/errors'
import { docxFromText } from './builders'

const chinese = /[\u4e00-\u9fff]/

async function refusal(name: string, bytes: Uint8Array): Promise<DubanError> {
  const err = await parsePlanFile(name, bytes).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DubanError)
  expect((err as DubanError).message).toMatch(chinese)
  return err as DubanError
}

describe('files that are not work plans are refused with a message saying what to do', () => {
  it('an empty file', async () => {
    expect((await refusal('空.txt', new Uint8Array())).code).toBe('empty_file')
  })

  it('a 60 MB file, before anything is read', async () => {
    expect((await refusal('大.txt', new Uint8Array(60 * 1024 * 1024))).code).toBe('file_too_large')
  })

  it('a truncated .docx', async () => {
    const docx = await docxFromText('一、加强监管\n1. 推进快递进村（市场监管处牵头）')
    const err = await refusal('半截.docx', docx.subarray(0, Math.floor(docx.length / 2)))
    expect(err.code).toBe('corrupt_file')
    expect(err.message).toContain('Word文件已损坏')
  })

  it('a .docx that is not a zip at all', async () => {
    expect((await refusal('假.docx', new TextEncoder().encode('这不是一个Word文件'))).code).toBe('corrupt_file')
  })

  it('a truncated .xlsx', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('表').addRow(['序号', '工作任务', '牵头单位'])
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer())
    expect((await refusal('半截.xlsx', xlsx.subarray(0, 400))).code).toBe('corrupt_file')
  })

  it('binary junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
    expect((await refusal('junk.bin', junk)).code).toBe('unreadable_file')
    expect((await refusal('junk.txt', junk)).code).toBe('unreadable_file')
  })

  it('an .xlsx whose columns are not a task table', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('通讯录')
    ws.addRow(['姓名', '电话', '邮箱'])
    ws.addRow(['张三', '0512-12345678', 'a@b.cn'])
    const err = await refusal('通讯录.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(err.code).toBe('unrecognized_table')
    expect(err.message).toContain('牵头单位')
  })

  it('damaged Word 97 and WPS files, and old spreadsheets, by extension or by their OLE signature', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const doc = await refusal('要点.doc', ole)
    expect(doc.code).toBe('unsupported_format')
    expect(doc.message).toBe('无法读取该 .doc 文件（可能已损坏、加密或是较新的WPS专有格式），请在WPS或Word中另存为 .docx 后再导入')
    expect((await refusal('要点.wps', ole)).message).toContain('.wps')
    expect((await refusal('要点.wps', new TextEncoder().encode('x'))).message).toContain('另存为 .docx')
    expect((await refusal('要点.xls', ole)).message).toContain('.xlsx')
  })

  it('images and a damaged PDF', async () => {
    expect((await refusal('照片.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).code).toBe('unsupported_format')
    expect((await refusal('坏.pdf', new TextEncoder().encode('%PDF-1.7\n垃圾内容'))).code).toBe('corrupt_file')
  })
})
