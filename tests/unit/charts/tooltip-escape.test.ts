import { describe, expect, it } from 'vitest'
import { escapeHtml } from '@/utils/html'
import { livelihoodBar } from '@/charts/options/livelihood'
import { indicatorBar } from '@/charts/options/indicators'
import { gantt, type GanttTask } from '@/charts/options/gantt'
import { leader } from './leader.fixture'

const EVIL = '<img src=x onerror="alert(1)">'
const ESCAPED = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
type Formatter = (p: unknown) => string
const tooltipOf = (o: { tooltip?: unknown }) => (o.tooltip as { formatter: Formatter }).formatter

/** What the tooltip would show: parse the HTML the way the browser will, and look for live elements. */
function liveTags(html: string): string[] {
  return [...html.matchAll(/<\s*([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()).filter((t) => t !== 'br' && t !== 'b')
}

describe('escapeHtml', () => {
  it('turns every character that can open markup or an attribute into an entity', () => {
    expect(escapeHtml(EVIL)).toBe(ESCAPED)
    expect(escapeHtml(`a & b's "c"`)).toBe('a &amp; b&#39;s &quot;c&quot;')
    expect(escapeHtml('推动“快递进村”工程')).toBe('推动“快递进村”工程')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(12.5)).toBe('12.5')
  })
})

describe('every tooltip built from stored text shows it as text', () => {
  it('民生实事: the task text and status label', () => {
    const t = leader.livelihood.tasks[0]
    const panel = { ...leader.livelihood, tasks: [{ ...t, text: EVIL, statusLabel: `<b onmouseover=x>` }] }
    const html = tooltipOf(livelihoodBar(panel))([{ dataIndex: 0 }])
    expect(html).toContain(ESCAPED)
    expect(html).toContain('&lt;b onmouseover=x&gt;')
    expect(liveTags(html)).toEqual([])
  })

  it('指标: the indicator name, unit and period', () => {
    const i = leader.indicators.find((x) => x.latest)!
    const figure = { ...i, name: EVIL, unit: '<svg onload=x>', latest: { ...i.latest!, period: '<script>' } }
    const html = tooltipOf(indicatorBar([figure]))({ dataIndex: 0 })
    expect(html).toContain(ESCAPED)
    expect(html).toContain('&lt;svg onload=x&gt;')
    expect(html).toContain('&lt;script&gt;')
    expect(liveTags(html)).toEqual([])
  })

  it('进度计划图: the task text, lead unit and status', () => {
    const task: GanttTask = {
      id: 1,
      number: 1,
      code: '<u>要点1',
      text: EVIL,
      listId: 10,
      listName: '工作要点',
      status: 'on_track',
      statusLabel: '<i onclick=x>',
      actualPct: 50,
      dueOn: '2021-12-31',
      leads: [{ id: 2, name: '<a href=javascript:x>' }],
      milestones: [],
    }
    const o = gantt({ tasks: [task], start: '2021-01-01', end: '2021-12-31', today: '2021-07-20' })
    const bar = (o.series as { data: unknown[] }[])[0].data[0]
    const html = tooltipOf(o)({ data: bar })
    expect(html).toContain('img src=x')
    expect(html).toContain('a href=javascript:x')
    expect(html).toContain('&lt;u&gt;要点1')
    expect(liveTags(html)).toEqual([])
  })
})
