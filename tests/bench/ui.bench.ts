import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { openDatabase } from '../../electron/core/db/connection'
import { generateLarge } from '../../electron/core/demo/large/generate'
import { startWeb, type WebServer } from '../e2e/server'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../e2e/browser'

// Figures for issue 5's and issue 16's targets, printed and not asserted: the renderer's initial JavaScript
// (gzipped); in Chromium, beside a blank page's time as the machine's baseline, the dashboard ready on the
// generated large database (warm, and a leader's first visit with the chart code cold) and the demo's
// 88-task list interactive. "Ready" is what a person waits for: today's figures fetched and every chart
// drawn so far (the first screen and the next) finished drawing, animation included. Pages are timed by the
// page's own clock from the click (or change of address) to ready; the blank page, timed from the test, also
// carries the test harness's round trips to the browser.
const root = process.cwd()
let rendererDir: string
let dataDir: string
let demoDir: string
let web: WebServer
let demo: WebServer
const figures: Record<string, string | number> = {}

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'duban-bench-ui-'))
  dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-data-'))
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'src/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, DUBAN_RENDERER_DIR: rendererDir },
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) throw new Error('renderer build failed')
  const opened = openDatabase(join(dataDir, 'duban.db'))
  const stats = await generateLarge(opened.db, { years: 10, bureaus: 13 })
  opened.raw.pragma('wal_checkpoint(TRUNCATE)')
  await opened.close()
  figures['generated reports'] = stats.reports
  web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_RENDERER_DIR: rendererDir })
  demoDir = mkdtempSync(join(tmpdir(), 'duban-bench-demo-'))
  demo = await startWeb({ DUBAN_DATA_DIR: demoDir, DUBAN_RENDERER_DIR: rendererDir })
}, 600_000)

afterAll(() => {
  web?.stop()
  demo?.stop()
  console.log(
    "\nRenderer and pages (targets: initial JS < 600 KB gzipped, dashboard ready < 500 ms, a leader's first visit < 1 s, " +
      '88-task list interactive < 300 ms; not asserted):',
  )
  console.table(figures)
  rmSync(rendererDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(demoDir, { recursive: true, force: true })
})

describe('renderer', () => {
  test('initial JavaScript, gzipped', () => {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
    const initial = [...html.matchAll(/<script[^>]+src="\.\/([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)].map(
      (m) => m[1] ?? m[2],
    )
    const gz = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(rendererDir, file))).length, 0)
    figures['initial JS files'] = initial.length
    figures['initial JS gzipped KB'] = Math.round(gz / 1024)
  })

  test('a blank page, the baseline of every figure below', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      figures['blank page ms (median of 5)'] = await median(5, async () => {
        const t0 = Date.now()
        await page.goto('data:text/html,<p id="ready">blank</p>')
        await page.waitForSelector('#ready')
        return Date.now() - t0
      })
    } finally {
      await browser.close()
    }
  })

  test('dashboard ready on the generated database', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, web.url, 'juzhang')
      figures['dashboard ready ms (median of 5)'] = await median(5, async () => {
        await page.goto(`${web.url}/#/home`)
        await page.waitForSelector('[data-role]')
        await page.waitForTimeout(500)
        const t0 = await go(page, '#/dashboard')
        return Math.round((await dashboardReadyAt(page)) - t0)
      })
    } finally {
      await browser.close()
    }
  }, 120_000)

  test("a leader's first visit to the dashboard, the chart code not yet loaded", async () => {
    const browser = await launchBrowser()
    try {
      const visit = async (readHomeMs: number) => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } }) // an empty cache
        const page = await context.newPage()
        await login(page, web.url, 'juzhang')
        await page.waitForSelector('[data-role]')
        await page.waitForTimeout(readHomeMs)
        const t0 = await page.evaluate(() => {
          const item = [...document.querySelectorAll<HTMLElement>('.layout__menu .el-menu-item')].find((e) =>
            e.textContent?.includes('数据看板'),
          )
          const at = performance.now()
          item!.click()
          return at
        })
        const ms = Math.round((await dashboardReadyAt(page)) - t0)
        await context.close()
        return ms
      }
      figures['first visit after 2 s on home ms (median of 3)'] = await median(3, () => visit(2000))
      figures['first visit straight after login ms (median of 3)'] = await median(3, () => visit(0))
    } finally {
      await browser.close()
    }
  }, 180_000)

  test('the 88-task list interactive on the demo database', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, demo.url, 'office')
      const visit = async (freshApp: boolean) => {
        await page.goto(`${demo.url}/#/home`)
        // a reload starts the app afresh (no rows kept from the last visit; files still in the browser's cache)
        if (freshApp) await page.reload()
        await page.waitForSelector('[data-role]')
        await page.waitForTimeout(500)
        await watchLongTasks(page)
        const t0 = await go(page, '#/tasks')
        return Math.round((await listInteractiveAt(page, t0)) - t0)
      }
      figures['88-task list interactive ms (median of 5)'] = await median(5, () => visit(false))
      figures['88-task list interactive, app just started ms (median of 5)'] = await median(5, () => visit(true))
    } finally {
      await browser.close()
    }
  }, 180_000)
})

/** Records when each long task (over 50 ms on the main thread) ends, from now on, in page time. */
function watchLongTasks(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __longTaskEnds?: number[] }
    if (w.__longTaskEnds) return
    w.__longTaskEnds = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTaskEnds!.push(e.startTime + e.duration)
    }).observe({ type: 'longtask' })
  })
}

/**
 * Interactive, as a person means it: all 88 rows on screen and the main thread free to answer a click,
 * i.e. the later of the rows appearing and the end of the last long task, once 250 ms pass with none.
 */
async function listInteractiveAt(page: Page, since: number): Promise<number> {
  const rowsAt = await page.waitForFunction(
    () => (document.querySelectorAll('[data-test=task-row]').length >= 88 ? performance.now() : false),
    undefined,
    { timeout: 30_000, polling: 'raf' },
  )
  const shown = (await rowsAt.jsonValue()) as number
  const settled = await page.waitForFunction(
    ([shownAt, t0]) => {
      const ends = (window as unknown as { __longTaskEnds: number[] }).__longTaskEnds
      const last = Math.max(shownAt, ...ends.filter((e) => e > t0))
      return performance.now() - last >= 250 ? last : false
    },
    [shown, since] as const,
    { timeout: 30_000, polling: 50 },
  )
  return (await settled.jsonValue()) as number
}

async function login(page: Page, url: string, username: string) {
  await page.goto(`${url}/#/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'Duban2021')
  await page.click('button[type=submit]')
  await page.waitForURL(/#\/home/)
}

/**
 * Opens a page of the app as a click on the menu does (a change of address in the same document), and
 * returns the page's clock at that moment: every figure is timed by the page's own clock, so the test
 * harness's round trips to the browser are not counted (the blank page shows what they cost).
 */
function go(page: Page, hash: string): Promise<number> {
  return page.evaluate((h) => {
    const at = performance.now()
    location.hash = h
    return at
  }, hash)
}

/** When today's figures were fetched and every chart drawn so far had finished (EChart.vue marks both), by the page's clock. */
async function dashboardReadyAt(page: Page): Promise<number> {
  const ready = await page.waitForFunction(
    () => {
      const board = document.querySelector('.dashboard')
      if (!board || board.hasAttribute('data-loading')) return false
      const drawn = [...board.querySelectorAll('.echart[data-chart-drawn=true]')]
      return drawn.length >= 2 && drawn.every((c) => c.getAttribute('data-chart-ready') === 'true') ? performance.now() : false
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  )
  return (await ready.jsonValue()) as number
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await measure())
  times.sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]
}
