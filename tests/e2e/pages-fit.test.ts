import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, newPage, shot } from './browser'

// Issue 16 item 8, pages that fit: the big screen on one screen at both common sizes with every 民生实事
// label readable and apart, the bulletin preview as an A4 sheet, the task filters on one row at 1440 wide,
// one empty state in an empty inbox, and the dashboard titled as its menu item.
const baseUrl = inject('baseUrl')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function login(page: Page, username: string) {
  await page.goto('/')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'Duban2021')
  await page.click('button[type=submit]')
  await page.waitForURL(/#\/home/)
}

interface Box {
  text: string
  x: number
  y: number
  width: number
  height: number
  fontSize: number
}

/** The text the chart drew, each with its box in the canvas, read from the chart's own scene (EChart.vue exposes it). */
function drawnTexts(chart: Locator): Promise<{ boxes: Box[]; width: number; height: number; categories: number }> {
  return chart.evaluate((el) => {
    interface Rect {
      x: number
      y: number
      width: number
      height: number
      clone(): Rect
      applyTransform(m: unknown): void
    }
    interface Shape {
      type: string
      ignore?: boolean
      invisible?: boolean
      style: { text?: string; fontSize?: number; font?: string }
      getBoundingRect(): Rect
      getComputedTransform(): unknown
    }
    const chart = (el as unknown as { dubanChart: any }).dubanChart
    const shapes = chart.getZr().storage.getDisplayList(true) as Shape[]
    const boxes = shapes
      .filter((s) => s.type === 'tspan' && !s.ignore && !s.invisible && s.style.text)
      .map((s) => {
        const r = s.getBoundingRect().clone()
        const m = s.getComputedTransform()
        if (m) r.applyTransform(m)
        const size = s.style.fontSize ?? Number(/(\d+)px/.exec(s.style.font ?? '')?.[1] ?? 12)
        return { text: s.style.text!, x: r.x, y: r.y, width: r.width, height: r.height, fontSize: size }
      })
    const categories = (chart.getOption().yAxis as { data?: unknown[] }[])[0].data?.length ?? 0
    return { boxes, width: chart.getWidth(), height: chart.getHeight(), categories }
  })
}

/** a 民生实事 row's label: its code, then its text */
const TASK_LABEL = /^民生\d+(-\d+)? \S/

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5

describe('the big screen', () => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(browser, baseUrl)
    await login(page, 'juzhang')
  })

  for (const [width, height] of [
    [1920, 1080],
    [1440, 900],
  ]) {
    it(`fits one ${width}×${height} screen with no scrolling, every 民生实事 label drawn, readable and apart`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto('/#/bigscreen')
      const charts = page.locator('[data-test=bigscreen] .echart')
      await expect.poll(() => charts.count()).toBe(4)
      await expect.poll(() => page.locator('[data-test=bigscreen] [data-chart-ready=true]').count()).toBe(4)
      const sizes = await page.evaluate(() => {
        const big = document.querySelector('[data-test=bigscreen]') as HTMLElement
        return {
          docHeight: document.documentElement.scrollHeight,
          docWidth: document.documentElement.scrollWidth,
          bigScroll: big.scrollHeight,
          bigHeight: big.clientHeight,
          bigScrollWidth: big.scrollWidth,
          bigWidth: big.clientWidth,
          viewport: { width: innerWidth, height: innerHeight },
        }
      })
      expect(sizes.docHeight).toBeLessThanOrEqual(sizes.viewport.height)
      expect(sizes.docWidth).toBeLessThanOrEqual(sizes.viewport.width)
      expect(sizes.bigScroll).toBeLessThanOrEqual(sizes.bigHeight)
      expect(sizes.bigScrollWidth).toBeLessThanOrEqual(sizes.bigWidth)

      const live = page.locator('[data-test=big-livelihood] .echart')
      // the chart draws once more after the page has measured the screen; read it when it has settled
      await expect
        .poll(async () => {
          const d = await drawnTexts(live)
          return d.boxes.filter((b) => TASK_LABEL.test(b.text)).length === d.categories
        })
        .toBe(true)
      const drawn = await drawnTexts(live)
      expect(drawn.categories).toBeGreaterThanOrEqual(15)
      // one task name and one percentage per task: none thinned out by the axis
      expect(drawn.boxes.filter((b) => TASK_LABEL.test(b.text))).toHaveLength(drawn.categories)
      // each named by its code (民生5-2), never by a bare number
      expect(drawn.boxes.filter((b) => /^\d+\.? /.test(b.text))).toEqual([])
      expect(drawn.boxes.filter((b) => /^\d+%$/.test(b.text)).length).toBeGreaterThanOrEqual(drawn.categories)
      for (const b of drawn.boxes) {
        expect(b.fontSize, b.text).toBeGreaterThanOrEqual(13)
        expect(b.x, b.text).toBeGreaterThanOrEqual(0)
        expect(b.y, b.text).toBeGreaterThanOrEqual(0)
        expect(b.x + b.width, b.text).toBeLessThanOrEqual(drawn.width + 0.5)
        expect(b.y + b.height, b.text).toBeLessThanOrEqual(drawn.height + 0.5)
      }
      const clashes: string[] = []
      drawn.boxes.forEach((a, i) =>
        drawn.boxes.slice(i + 1).forEach((b) => {
          if (overlap(a, b)) clashes.push(`${a.text} × ${b.text}`)
        }),
      )
      expect(clashes).toEqual([])
      await shot(page, `leader-bigscreen-${width}x${height}`)
    })
  }

  afterAll(async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
  })
})

describe('pages at 1440×900', () => {
  it('titles the dashboard with its word in the menu', async () => {
    const page = await newPage(browser, baseUrl)
    await login(page, 'juzhang')
    await page.goto('/#/dashboard')
    await page.waitForSelector('[data-test=as-of]')
    const menu = page.locator('.layout__menu .el-menu-item.is-active')
    await expect.poll(async () => (await menu.innerText()).trim()).toBe('数据看板')
    expect((await page.locator('.dashboard .duban-page__title').innerText()).trim()).toBe('数据看板')
    await page.context().close()
  })

  it('keeps the office’s task filters on one row', async () => {
    const page = await newPage(browser, baseUrl)
    await login(page, 'office')
    await page.goto('/#/tasks')
    await page.waitForSelector('[data-test=filter-unit]')
    const tops = await page
      .locator('.filters > *')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))
    expect(tops.length).toBeGreaterThanOrEqual(6)
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4)
    await shot(page, 'office-task-filters-1440')
    await page.context().close()
  })

  it('shows the bulletin preview as an A4 sheet with the GB/T 9704 margins', async () => {
    const page = await newPage(browser, baseUrl)
    await login(page, 'office')
    await page.goto('/#/documents')
    await page.click('[data-test=bulletin-preview]')
    const frame = page.frameLocator('[data-test=bulletin-frame]')
    await expect.poll(() => frame.locator('body').innerText()).toContain('督查通报')
    const mm = 96 / 25.4
    const sheet = await frame.locator('body').evaluate((body) => {
      const s = getComputedStyle(body)
      const px = (v: string) => parseFloat(v)
      return {
        width: body.getBoundingClientRect().width,
        height: body.getBoundingClientRect().height,
        padding: [s.paddingTop, s.paddingRight, s.paddingBottom, s.paddingLeft].map(px),
        sheet: s.backgroundColor,
        desk: getComputedStyle(document.documentElement).backgroundColor,
      }
    })
    expect(sheet.width).toBeCloseTo(210 * mm, 0)
    expect(sheet.height).toBeGreaterThanOrEqual(297 * mm - 1)
    // 天头 37 mm, 订口 28 mm, 翻口 26 mm, 地脚 35 mm
    expect(sheet.padding.map((p) => Math.round(p / mm))).toEqual([37, 26, 35, 28])
    expect(sheet.sheet).toBe('rgb(255, 255, 255)')
    expect(sheet.desk).not.toBe('rgb(255, 255, 255)')
    await shot(page, 'office-bulletin-a4')
    await page.context().close()
  })

  it('shows one empty state in an empty inbox', async () => {
    const page = await newPage(browser, baseUrl)
    await login(page, 'xiehui')
    await page.goto('/#/inbox')
    const markAll = page.locator('[data-test=mark-all]')
    await markAll.waitFor()
    if (await markAll.isEnabled()) await markAll.click()
    await page.locator('[data-test=unread-only]').click()
    await expect.poll(() => page.locator('[data-test=inbox-empty]').count()).toBe(1)
    await expect.poll(() => page.locator('.inbox__card .el-empty').count()).toBe(1)
    expect(await page.locator('[data-test=inbox-item]').count()).toBe(0)
    await shot(page, 'unit-inbox-empty')
    await page.context().close()
  })
})
