import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readPlanFile } from '../../../electron/core/importers'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { tabRowsToLines } from '../../../electron/core/importers/readers/tab-rows'
import { DubanError } from '../../../electron/core/errors'

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url)))
const tasksOf = (text: string) => parsePlanText(text).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))

describe('Word 97 (.doc) and WPS binary files', () => {
  it('reads a .doc table as tasks with their responsible units', async () => {
    const { text } = await readPlanFile('目标任务.doc', corpus('shapingba-2022-key-work.doc'))
    const tasks = tasksOf(text)
    expect(tasks.length).toBeGreaterThanOrEqual(10)
    const first = tasks.find((t) => t.text.startsWith('地区生产总值增长5.5%左右'))
    expect(first?.leads).toEqual(['区发展改革委'])
  })

  it('reads the same bytes named .wps, as WPS saves its 文字 files in the Word 97 format', async () => {
    const { text } = await readPlanFile('重点工作.wps', corpus('luan-2021-key-work.doc'))
    expect(tasksOf(text).length).toBeGreaterThan(3)
  })
})

describe('tab-separated rows', () => {
  it('become task lines under a recognised header, and plain lines otherwise', () => {
    const text = [
      '附件',
      '序号\t工作任务\t牵头单位\t',
      '1\t新建公园2个\t市住建局\t',
      '2\t改造老旧小区30个\t市房管局\t',
      '说明\t见附件',
    ].join('\n')
    const lines = tabRowsToLines(text).split('\n')
    expect(lines[0]).toBe('附件')
    expect(lines).toContain('1. 新建公园2个（牵头单位：市住建局）')
    expect(lines).toContain('2. 改造老旧小区30个（牵头单位：市房管局）')
  })
})

/** A minimal OFD package as GB/T 33190 lays it out: OFD.xml → Document.xml → page Content.xml. */
async function buildOfd(pages: { x: number; y: number; text: string }[][], opts: { image?: boolean; template?: string } = {}) {
  const zip = new JSZip()
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
  zip.file(
    'OFD.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  )
  const tpl = opts.template ? '<ofd:CommonData><ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>' : ''
  zip.file(
    'Doc_0/Document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}>${tpl}<ofd:Pages>${pages
      .map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
      .join('')}</ofd:Pages></ofd:Document>`,
  )
  const text = (runs: { x: number; y: number; text: string }[]) =>
    runs
      .map(
        (r, i) =>
          `<ofd:TextObject ID="${i + 100}" Boundary="${r.x} ${r.y} 150 6" Font="3" Size="4.2"><ofd:TextCode X="0" Y="4.2">${r.text
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')}</ofd:TextCode></ofd:TextObject>`,
      )
      .join('')
  if (opts.template)
    zip.file(
      'Doc_0/Tpls/Tpl_0/Content.xml',
      `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="1">${text([{ x: 30, y: 10, text: opts.template }])}</ofd:Layer></ofd:Content></ofd:Page>`,
    )
  pages.forEach((runs, i) => {
    const image = opts.image ? '<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="7"/>' : ''
    const template = opts.template ? '<ofd:Template TemplateID="9" ZOrder="Background"/>' : ''
    zip.file(
      `Doc_0/Pages/Page_${i}/Content.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}>${template}<ofd:Content><ofd:Layer ID="1"><ofd:PageBlock ID="2">${text(runs)}</ofd:PageBlock>${image}</ofd:Layer></ofd:Content></ofd:Page>`,
    )
  })
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
}

describe('OFD (GB/T 33190)', () => {
  it('reads the text layer in page and line order, joining runs of one line', async () => {
    const bytes = await buildOfd(
      [
        // Deliberately out of order within the page: position decides, not document order.
        [
          { x: 30, y: 60, text: '1. 推进快递进村，' },
          { x: 30, y: 40, text: '2021年工作要点' },
          { x: 68, y: 60, text: '建制村快递服务覆盖率达到95%（市场监管处牵头）' },
          { x: 30, y: 50, text: '一、提升普遍服务水平' },
        ],
        [{ x: 30, y: 40, text: '2. 开展寄递安全专项整治（安全监管处牵头，市场监管处配合）' }],
      ],
      { template: '苏州市邮政管理局' },
    )
    const { text } = await readPlanFile('要点.ofd', bytes)
    const lines = text.split('\n')
    expect(lines[0]).toBe('苏州市邮政管理局')
    expect(lines).toContain('2021年工作要点')
    expect(lines).toContain('1. 推进快递进村，建制村快递服务覆盖率达到95%（市场监管处牵头）')
    expect(lines.indexOf('一、提升普遍服务水平')).toBeLessThan(lines.findIndex((l) => l.startsWith('2. ')))
    const tasks = tasksOf(text)
    expect(tasks.map((t) => t.leads)).toEqual([['市场监管处'], ['安全监管处']])
    expect(tasks[1].coops).toEqual(['市场监管处'])
  })

  it('is recognised by its content whatever the file is called', async () => {
    const bytes = await buildOfd([[{ x: 30, y: 40, text: '1. 完善快递末端网点备案（市场监管处牵头）' }]])
    expect((await readPlanFile('download', bytes)).text).toContain('完善快递末端网点备案')
  })

  it('refuses a scanned OFD (images, no text layer) with a clear message', async () => {
    const err = await readPlanFile('扫描件.ofd', await buildOfd([[]], { image: true })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DubanError)
    expect((err as DubanError).message).toContain('没有文字层')
  })

  it('refuses a damaged OFD', async () => {
    const zip = new JSZip()
    zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>')
    const err = await readPlanFile('坏.ofd', new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))).catch((e: unknown) => e)
    expect((err as DubanError).code).toBe('corrupt_file')
    const notZip = await readPlanFile('坏.ofd', new TextEncoder().encode('not a zip')).catch((e: unknown) => e)
    expect((notZip as DubanError).code).toBe('corrupt_file')
  })
})
