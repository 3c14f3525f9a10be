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

/** A demo user signed in at their own desk (a browser context of its own); every demo password is Duban2021. */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await newPage(browser, baseUrl)
  await page.goto('/')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'Duban2021')
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.hash.startsWith('#/login'))
  return page
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: false })
}
