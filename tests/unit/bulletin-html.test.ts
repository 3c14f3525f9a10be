import { describe, expect, it } from 'vitest'
import { bulletinHtml } from '../../electron/core/exporters/bulletin/html'
import type { BulletinContent } from '../../electron/core/exporters/bulletin/content'

const EVIL = `<img src=x onerror="alert('通报')">`
const line = (taskId: number) => ({ taskId, label: `工作要点第${taskId}项：${EVIL}`, leads: `<b>市场监管处</b>`, detail: `进展${EVIL}` })
const content: BulletinContent = {
  bureau: '苏州市邮政管理局',
  mark: `苏州市邮政管理局督查通报${EVIL}`,
  record: { cc: `市局领导${EVIL}`, organ: `苏州市邮政管理局办公室${EVIL}`, date: '2021年7月31日' },
  docNumber: '第7期',
  title: `2021年7月督查通报${EVIL}`,
  addressee: '各处室、各单位：',
  opening: EVIL,
  overall: [`总体${EVIL}`],
  unitTable: { header: ['单位', EVIL], rows: [[`<script>x()</script>`, '3']] },
  overdue: [line(1)],
  behind: [line(2)],
  goodPractice: [line(3)],
  nextSteps: [EVIL],
  signature: '苏州市邮政管理局办公室',
  date: '2021年7月31日',
}

/** The elements the bulletin's own layout uses; anything else came from stored text. */
const LAYOUT_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'div',
  'p',
  'hr',
  'h1',
  'h2',
  'h3',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'br',
  'span',
  'footer',
  'main',
])

describe('the bulletin page keeps stored text as text', () => {
  it('escapes task text, unit names, the table and the office’s sentences', () => {
    const html = bulletinHtml(content)
    const tags = [...html.matchAll(/<\s*(!?[a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase())
    expect(tags.filter((t) => !LAYOUT_TAGS.has(t))).toEqual([])
    expect(html).not.toContain('onerror="')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;通报&#39;)&quot;&gt;')
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;')
    expect(html).toContain('（&lt;b&gt;市场监管处&lt;/b&gt;）')
  })
})
