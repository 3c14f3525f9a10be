import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, newPage, shot } from './browser'
import { startWeb, type WebServer } from './server'

let browser: Browser
let web: WebServer
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-fresh-'))
  web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_DEMO: '0', DUBAN_RENDERER_DIR: inject('rendererDir') })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  web?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('first start on an empty, non-demo database', () => {
  it('asks for the first administrator, then signs them in', async () => {
    const page = await newPage(browser, web.url)
    await page.goto('/')
    await page.waitForURL(/#\/setup/)
    await page.fill('input[name=username]', 'zhangsan')
    await page.fill('input[name=displayName]', '张三')
    await page.fill('input[name=password]', 'short')
    await page.fill('input[name=password2]', 'short')
    await page.click('button[type=submit]')
    await expect.poll(() => page.locator('body').innerText()).toContain('8')
    await shot(page, 'first-start-weak-password')
    await page.fill('input[name=password]', 'Xiang-2026-secret')
    await page.fill('input[name=password2]', 'Xiang-2026-secret')
    await page.click('button[type=submit]')
    await page.waitForURL(/#\/plan/)
    await expect.poll(() => page.locator('[data-test=user-name]').innerText()).toContain('张三')
    await shot(page, 'first-start-signed-in')
  })
})
