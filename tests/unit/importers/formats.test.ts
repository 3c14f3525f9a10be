import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { parsePlanFile, parsePlanFileWithText } from '../../../electron/core/importers'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { docxFromText, docxWithTable, xlsxFromDraft } from './builders'
import { readSeed, taskCount, tasksAndLeads } from './helpers'
import { SUZHOU_TASK_COUNT } from '../../support/expected'

const text = readSeed('suzhou-2021-work-points.txt')
const fromText = parsePlanText(text)
const want = tasksAndLeads(fromText)

describe('the Suzhou plan in every format gives the same tasks and leads', () => {
  it('as GBK text', async () => {
    const draft = await parsePlanFile('苏州2021.txt', new Uint8Array(iconv.encode(text, 'gbk')))
    expect(tasksAndLeads(draft)).toEqual(want)
    expect(draft.plan.docNumber).toBe(fromText.plan.docNumber)
  })

  it('as UTF-16 text with a byte-order mark', async () => {
    const draft = await parsePlanFile('plan.txt', new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })))
    expect(tasksAndLeads(draft)).toEqual(want)
  })

  it('as a .docx made with the docx library', async () => {
    const draft = await parsePlanFile('工作要点.docx', await docxFromText(text))
    expect(taskCount(draft)).toBe(SUZHOU_TASK_COUNT)
    expect(tasksAndLeads(draft)).toEqual(want)
    expect(draft.plan).toEqual(fromText.plan)
  })

  it('as an .xlsx task table made with exceljs: header on row 3, merged section rows, one sheet per list', async () => {
    const draft = await parsePlanFile('分解表.xlsx', await xlsxFromDraft(fromText))
    expect(tasksAndLeads(draft)).toEqual(want)
    const sections = (d: typeof draft) => d.lists.map((l) => l.sections.map((s) => [s.number, s.title]))
    expect(sections(draft)).toEqual(sections(fromText))
  })

  it('keeps the texts and targets of the xlsx rows, and the 10万/15万 conflict', async () => {
    const draft = await parsePlanFile('分解表.xlsx', await xlsxFromDraft(fromText))
    const texts = (d: typeof draft) => d.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks.map((t) => t.targets.length)))
    expect(texts(draft)).toEqual(texts(fromText))
    expect(draft.warnings.filter((w) => w.code === 'target_conflict')).toHaveLength(1)
  })
})

describe('task tables in Word and CSV', () => {
  const rows = [
    ['序号', '工作内容', '责任单位', '配合单位', '完成时限'],
    ['一、加强行业监管', '', '', '', ''],
    ['1', '开展寄递渠道安全专项整治，实名收寄率达到100%', '市场监管处', '普遍服务处', '6月底前'],
    ['2', '推进快递进村', '普遍服务处', '', '年底前'],
  ]

  it('reads a table in a .docx, with deadlines from the time column', async () => {
    const draft = await parsePlanFile('表.docx', await docxWithTable('2021年重点任务分工方案', rows))
    const tasks = draft.lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => [t.number, t.leads, t.coops, t.deadlineText])).toEqual([
      [1, ['市场监管处'], ['普遍服务处'], '6月底前'],
      [2, ['普遍服务处'], [], '年底前'],
    ])
    expect(tasks[0].text).toBe('开展寄递渠道安全专项整治，实名收寄率达到100%')
    expect(tasks[0].targets[0]).toMatchObject({ value: 100, unit: '%' })
    expect(draft.lists[0].sections[0].title).toBe('加强行业监管')
  })

  it('reads a GBK .csv whose header is below a title row', async () => {
    const csv = ['苏州市邮政管理局2021年重点任务分工方案,,,,', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\r\n')
    const { draft, text: read } = await parsePlanFileWithText('分工.csv', new Uint8Array(iconv.encode(csv, 'gbk')))
    expect(read.split('\n')[0]).toBe('苏州市邮政管理局2021年重点任务分工方案')
    expect(tasksAndLeads(draft)[0].tasks).toEqual([
      { number: 1, leads: ['市场监管处'] },
      { number: 2, leads: ['普遍服务处'] },
    ])
  })
})
