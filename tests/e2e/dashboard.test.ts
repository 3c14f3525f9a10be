import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { launchBrowser, newPage, shot } from './browser'
import { clickColourUntil, paintedPixels } from './pixels'

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

const cardValue = async (page: Page, key: string) => Number((await page.locator(`[data-test=card-${key}]`).innerText()).match(/\d+/)![0])

describe('a leader on the dashboard', () => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(browser, baseUrl)
    await login(page, 'juzhang')
  })

  it('sees every chart drawn and the state as of the demo’s today', async () => {
    await page.goto('/#/dashboard')
    await page.waitForSelector('[data-chart-ready=true] canvas')
    await expect.poll(() => page.locator('[data-test=as-of]').innerText()).toBe('截至2021年7月20日')
    const charts = page.locator('.echart')
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(8)
    for (const name of ['unitStatus', 'overall', 'lists', 'unitRates']) {
      await expect.poll(() => paintedPixels(page.locator(`[data-test=chart-${name}] .echart`))).toBeGreaterThan(3000)
    }
    expect(await page.locator('[data-test^=save-]').count()).toBe(await charts.count())
    await shot(page, 'leader-dashboard')
  })

  it('clicks a unit’s bar and lands on that unit’s filtered tasks', async () => {
    const bar = page.locator('[data-test=chart-unitStatus] .echart')
    await clickColourUntil(page, bar, '#67c23a', /#\/tasks\?/)
    await page.waitForURL(/#\/tasks\?/)
    const url = new URL(page.url().replace('#/', ''))
    expect(url.searchParams.get('status')).toBe('on_track')
    expect(url.searchParams.get('unitRole')).toBe('lead')
    const rows = () => page.locator('[data-test=task-row]').allInnerTexts()
    await expect.poll(async () => (await rows()).length).toBeGreaterThan(0)
    await expect.poll(async () => (await rows()).every((t) => t.includes('市场监管处') && t.includes('正常推进'))).toBe(true)
  })

  it('switches the as-of date to 2021-04-30 and sees fewer tasks done', async () => {
    await page.goto('/#/dashboard')
    await page.waitForSelector('[data-test=card-done]')
    const doneToday = await cardValue(page, 'done')
    const picker = page.locator('[data-test=as-of-picker] input').first()
    await picker.click()
    await picker.fill('2021年4月30日')
    await picker.press('Enter')
    await expect.poll(() => page.locator('[data-test=as-of]').innerText()).toBe('截至2021年4月30日')
    await expect.poll(() => cardValue(page, 'done')).toBeLessThan(doneToday)
    await expect.poll(() => page.locator('[data-test=as-of-past]').isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await shot(page, 'leader-dashboard-2021-04-30')

    // a click on that day's chart opens the tasks as they stood on that day
    const bar = page.locator('[data-test=chart-unitStatus] .echart')
    await clickColourUntil(page, bar, '#67c23a', /#\/tasks\?.*asOf=2021-04-30/)
    await expect.poll(() => page.locator('[data-test=drill-scope]').innerText()).toContain('2021年4月30日')
    await expect
      .poll(async () => (await page.locator('[data-test=task-row]').allInnerTexts()).every((t) => t.includes('正常推进')))
      .toBe(true)
    await shot(page, 'leader-drill-2021-04-30')
    await page.goBack()
    await page.waitForSelector('[data-test=card-done]')
    await page.getByRole('button', { name: '回到今天' }).click()
    await expect.poll(() => page.locator('[data-test=as-of]').innerText()).toBe('截至2021年7月20日')
  })

  it('opens the analysis tab with its shares and closure times', async () => {
    await page.getByRole('tab', { name: '数据分析' }).click()
    await page.waitForSelector('[data-test=analysis] [data-chart-ready=true] canvas')
    for (const name of ['shareSection', 'shareUnit', 'shareStatus', 'closure']) {
      await expect.poll(() => paintedPixels(page.locator(`[data-test=chart-${name}] .echart`))).toBeGreaterThan(3000)
    }
    await shot(page, 'leader-analysis')
  })

  it('opens big-screen mode without the menu and leaves it with Esc', async () => {
    await page.getByRole('tab', { name: '督办总览' }).click()
    await page.click('[data-test=open-bigscreen]')
    await page.waitForURL(/#\/bigscreen/)
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.waitForSelector('[data-test=bigscreen] [data-chart-ready=true] canvas')
    await expect.poll(() => page.locator('[data-test=big-as-of]').innerText()).toBe('截至2021年7月20日')
    expect(await page.locator('.layout__menu').count()).toBe(0)
    const charts = page.locator('[data-test=bigscreen] .echart')
    await expect.poll(() => charts.count()).toBe(4)
    for (let i = 0; i < 4; i++) await expect.poll(() => paintedPixels(charts.nth(i))).toBeGreaterThan(3000)
    await shot(page, 'leader-bigscreen')
    await page.keyboard.press('Escape')
    await page.waitForURL(/#\/dashboard/)
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true)
    await page.setViewportSize({ width: 1440, height: 900 })
  })
})

describe('the office with its documents', () => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(browser, baseUrl)
    await login(page, 'office')
  })

  it('downloads the ledger as of today: a workbook with the title and the tasks', async () => {
    await page.goto('/#/documents')
    await expect.poll(() => page.locator('[data-test=ledger-as-of] input').first().inputValue()).toBe('2021年7月20日')
    await shot(page, 'office-documents')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=ledger-download]')])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer)
    const sheets = wb.worksheets.map((w) => w.name)
    expect(sheets.some((n) => n.includes('工作要点'))).toBe(true)
    const ws = wb.worksheets.find((w) => w.name.includes('工作要点'))!
    expect(String(ws.getCell(1, 1).value)).toContain('台账')
    const texts: string[] = []
    ws.eachRow((row) => texts.push(row.values ? (row.values as unknown[]).map(String).join('|') : ''))
    expect(texts.some((t) => t.includes('市场监管处'))).toBe(true)
  })

  it('previews the bulletin in a print frame', async () => {
    await page.click('[data-test=bulletin-preview]')
    const frame = page.frameLocator('[data-test=bulletin-frame]')
    await expect.poll(() => frame.locator('body').innerText()).toContain('督查通报')
    await expect.poll(() => page.locator('[data-test=bulletin-print]').isVisible()).toBe(true)
    await shot(page, 'office-bulletin-preview')
  })
})
