import type { Browser, Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../support/chromium'

export const SHOTS_DIR = join(process.cwd(), 'test-results', 'screenshots')

/** The system Chromium (see tests/support/chromium.ts), headless, with nothing reaching out to the network. */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium()
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: baseUrl })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err.message))
  return page
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: false })
}
