import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { launchBrowser, newPage, shot } from './browser'
import { clickColourUntil, paintedPixels } from './pixels'
import { SUZHOU_TASK_COUNT } from '../support/expected'

const baseUrl = inject('baseUrl')
const expected = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/expected/suzhou-2021.json'), 'utf8'))
const workPoints = expected.lists.find((l: { name: string }) => l.name === '工作要点')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function login(page: Page, username: string, password = 'Duban2021') {
  await page.goto('/')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
}

describe('the office in the browser', () => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(browser, baseUrl)
  })

  it('is told in Chinese when the password is wrong', async () => {
    await login(page, 'office', 'not-the-password')
    await expect.poll(() => page.locator('[data-test=login-error]').innerText()).toContain('用户名或密码不正确')
    await shot(page, 'login-error')
  })

  it('logs in and sees the plan with its doc number and issue date', async () => {
    await login(page, 'office')
    // the home page opens after login; the plan is one click away
    await page.waitForURL(/#\/home/)
    await page.goto('/#/plan')
    await expect.poll(() => page.locator('[data-test=plan-title]').innerText()).toContain('2021年工作要点')
    const body = await page.locator('body').innerText()
    expect(body).toContain('苏州邮管〔2021〕21号')
    expect(body).toContain('2021年4月9日')
    await shot(page, 'office-plan')
  })

  it('sees the 60 work points in 6 sections, each with its lead units', async () => {
    await page.goto('/#/tasks')
    await page.getByRole('tab', { name: '工作要点' }).click()
    await expect.poll(() => page.locator('[data-test=task-row]').count()).toBe(60)
    const sections = await page.locator('[data-test=section-header]').allInnerTexts()
    expect(sections).toHaveLength(6)
    for (const [i, s] of workPoints.sections.entries()) expect(sections[i].trim()).toMatch(new RegExp(`^${s.number}、${s.title}`))
    const rows = page.locator('[data-test=task-row]')
    const items = workPoints.sections.flatMap((s: { items: unknown[] }) => s.items) as { number: number; leads: string[] }[]
    const aliases: Record<string, string> = { 协会: '市快递协会' }
    for (const [i, item] of items.entries()) {
      const leads = await rows.nth(i).locator('[data-test=lead-tag]').allInnerTexts()
      expect(
        leads.map((l) => l.trim()),
        `第${item.number}项`,
      ).toEqual(item.leads.map((l) => aliases[l] ?? l))
    }
    await shot(page, 'office-work-points')
  })

  it('opens a task in the detail drawer', async () => {
    await page.locator('[data-test=task-row]').nth(16).click()
    await expect.poll(() => page.locator('[data-test=detail-text]').innerText()).toContain('推动“快递进村”')
    // let the drawer finish sliding in before the picture is taken
    await expect.poll(() => page.locator('.el-drawer').evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
    await shot(page, 'office-task-drawer')
    await page.keyboard.press('Escape')
  })

  it('sees the dashboard charts drawn, and a click on a unit’s bar opens that unit’s tasks', async () => {
    await page.goto('/#/dashboard')
    await page.waitForSelector('[data-chart-ready=true] canvas')
    // by name, not by position: a chart that draws later must not shift which one is looked at
    const unitBar = page.locator('[data-test=chart-unitStatus] .echart')
    await unitBar.scrollIntoViewIfNeeded() // a chart is drawn once it is near the screen
    await expect.poll(() => paintedPixels(unitBar)).toBeGreaterThan(5000)
    await expect.poll(() => paintedPixels(page.locator('[data-test=chart-overall] .echart'))).toBeGreaterThan(5000)
    await shot(page, 'office-dashboard')

    // The green (正常推进) part of the first bar: the unit leading the most tasks, 市场监管处.
    await clickColourUntil(page, unitBar, '#67c23a', /#\/tasks\?/)
    const url = new URL(page.url().replace('#/', ''))
    expect(url.searchParams.get('status')).toBe('on_track')
    expect(url.searchParams.get('unitRole')).toBe('lead')
    const rowTexts = () => page.locator('[data-test=task-row]').allInnerTexts()
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(0)
    await expect.poll(async () => (await rowTexts()).every((t) => t.includes('市场监管处') && t.includes('正常推进'))).toBe(true)
    await expect.poll(() => page.locator('[data-test=task-count]').innerText()).toMatch(/共 \d+ 项/)
    await shot(page, 'office-drill-down')
  })
})

describe('a division head in the browser', () => {
  it('sees only the tasks of their own division', async () => {
    const page = await newPage(browser, baseUrl)
    await login(page, 'scjg')
    await page.waitForURL(/#\/(home|plan|tasks)/)
    await page.goto('/#/tasks')
    await expect.poll(() => page.locator('[data-test=task-row]').count()).toBeGreaterThan(10)
    expect(await page.locator('[data-test=unit-scope]').innerText()).toContain('市场监管处')
    const texts = await page.locator('[data-test=task-row]').allInnerTexts()
    expect(texts.length).toBeLessThan(SUZHOU_TASK_COUNT)
    for (const text of texts) expect(text).toContain('市场监管处')
    expect(await page.locator('body').innerText()).not.toContain('数据看板')
    await shot(page, 'unit-head-tasks')
  })
})
