import { describe, it, expect } from 'vitest'
import { parsePlanText } from '../../../electron/core/importers/parser'
import { readSeed } from './helpers'

const taskCount = (d: ReturnType<typeof parsePlanText>) =>
  d.lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.tasks.length, 0), 0)

describe('other bureaus’ documents', () => {
  it.each([
    'huaian-express-credit-plan.txt',
    'national-2020-market-supervision-meeting.txt',
    'putian-1136-safety-system.txt',
    'xinyang-14th-five-year-postal-plan.txt',
  ])('%s gives a title of its own and either tasks or a warning that it holds none', (name) => {
    const d = parsePlanText(readSeed(name))
    expect(d.plan.title.length).toBeGreaterThan(8)
    expect(d.warnings.map((w) => w.code)).not.toContain('parse_failed')
    if (taskCount(d) === 0) expect(d.warnings.map((w) => w.code)).toEqual(['no_tasks', 'not_task_list'])
    else expect(d.lists.every((l) => l.sections.every((s) => s.tasks.every((t) => t.text.length > 4)))).toBe(true)
  })

  it('finds the main tasks of the Huai’an credit plan, and says their leads are missing', () => {
    const d = parsePlanText(readSeed('huaian-express-credit-plan.txt'))
    expect(taskCount(d)).toBeGreaterThan(0)
    expect(d.lists[0].sections[0].title).toBe('主要任务')
    expect(d.warnings.some((w) => w.code === 'missing_lead')).toBe(true)
  })

  it('reads the Xinyang plan’s document number and date', () => {
    const d = parsePlanText(readSeed('xinyang-14th-five-year-postal-plan.txt'))
    expect(d.plan.docNumber).toBe('信邮管〔2022〕2号')
    expect(d.plan.issuedOn).toBe('2022-02-18')
    expect(taskCount(d)).toBeGreaterThan(0)
  })
})

describe('garbage in, warnings out', () => {
  it.each(['', '   \n\n', '\u0000\u0001\u0002', 'hello world', '（（（（））', '1.'])('never throws on %j', (text) => {
    const d = parsePlanText(text)
    expect(d.warnings.map((w) => w.code)).toContain('no_tasks')
    expect(d.warnings[0].message).toBe('未识别到任何工作任务，请检查文件内容是否为工作要点类文件')
  })

  it.each(['一、'.repeat(1000), '（'.repeat(5000) + '牵头）', '1.'.repeat(3000), '1. 2'.repeat(2000) + '%以上'])(
    'never throws on long pathological lines',
    (text) => {
      expect(() => parsePlanText(text)).not.toThrow()
    },
  )

  it('survives non-string input from untyped callers', () => {
    expect(() => parsePlanText(undefined as unknown as string)).not.toThrow()
  })
})

/** mulberry32: a small seeded generator so failures can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SWAPS: [string, string][] = [
  ['（', '('],
  ['）', ')'],
  ['(', '（'],
  [')', '）'],
  ['1', '１'],
  ['2', '２'],
  ['0', '０'],
  ['.', '．'],
  ['、', '.'],
]

function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n')
  const edits = 1 + Math.floor(rand() * 8)
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rand() * lines.length)
    const op = Math.floor(rand() * 5)
    if (op === 0) lines.splice(i, 1)
    else if (op === 1) lines[i] = ' \u3000' + lines[i] + '\u00A0'
    else if (op === 2) {
      const [from, to] = SWAPS[Math.floor(rand() * SWAPS.length)]
      lines[i] = lines[i].split(from).join(to)
    } else if (op === 3) lines.splice(i, 0, lines[Math.floor(rand() * lines.length)] ?? '')
    else lines[i] = lines[i].slice(0, Math.floor(rand() * lines[i].length))
  }
  return lines.join('\n')
}

describe('the Suzhou plan typed differently', () => {
  it('reads the same with half-width brackets, full-width digits and CRLF line ends', () => {
    const source = readSeed('suzhou-2021-work-points.txt')
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace(/\n/g, '\r\n')
    const d = parsePlanText(source)
    expect(d.lists.map((l) => l.sections.reduce((n, s) => n + s.tasks.length, 0))).toEqual([9, 60, 19])
    expect(d.plan.docNumber).toBe('苏州邮管〔2021〕21号')
    expect(d.lists[1].sections[3].tasks[2].leads).toEqual(['市场监管处'])
    expect(d.indicators).toHaveLength(4)
  })
})

describe('random edits of the Suzhou plan', () => {
  it('never throw and keep most of the structure', () => {
    const source = readSeed('suzhou-2021-work-points.txt')
    const rand = prng(20210409)
    for (let run = 0; run < 200; run++) {
      const d = parsePlanText(mutate(source, rand))
      expect(
        d.warnings.some((w) => w.code === 'parse_failed'),
        `run ${run}`,
      ).toBe(false)
      expect(taskCount(d)).toBeGreaterThan(0)
    }
  })
})
