import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, newPage, shot } from './browser'
import { startWeb, type WebServer } from './server'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'

// The same app on PostgreSQL: `npm run web` with DUBAN_DATABASE_URL builds the demo in a fresh database
// (npm run pg:start, or DUBAN_TEST_PG_URL; without a server this fails and says how to start one).
let browser: Browser
let web: WebServer
let url: string
let dataDir: string

beforeAll(async () => {
  url = await createTestDatabase()
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-pg-'))
  web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_RENDERER_DIR: inject('rendererDir'), DUBAN_DATABASE_URL: url })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await web?.stopped()
  if (url) await dropTestDatabase(url)
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the office on a PostgreSQL database', () => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(browser, web.url)
  })

  it('logs in and sees the demo plan’s 60 work points', async () => {
    await page.goto('/')
    await page.fill('input[name=username]', 'office')
    await page.fill('input[name=password]', 'Duban2021')
    await page.click('button[type=submit]')
    await page.waitForURL(/#\/home/)
    await page.goto('/#/tasks')
    await page.getByRole('tab', { name: '工作要点' }).click()
    await expect.poll(() => page.locator('[data-test=task-row]').count()).toBe(60)
    await shot(page, 'postgres-work-points')
  })
})
