import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, signIn } from './browser'

// Issue 16, items 1, 4 and 9: every task named by its code, honest figures, and one clock for the demo.
const baseUrl = inject('baseUrl')
const CODE = /^(重点|要点|民生)\d+(-\d+)?$/

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const loginAs = (username: string): Promise<Page> => signIn(browser, baseUrl, username)

/** the page at both sizes people use, the larger last */
async function bothSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 })
  await shot(page, `${name}-1440`)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

describe('every task named by its code', () => {
  let office: Page
  it('shows codes, not bare numbers, on the chips of 督查督办', async () => {
    office = await loginAs('office')
    await office.goto('/#/supervision')
    const chips = office.locator('[data-test=task-code-chip]')
    await expect.poll(() => chips.count()).toBeGreaterThan(3)
    const texts = (await chips.allInnerTexts()).map((s) => s.trim())
    for (const text of texts) expect(text).toMatch(CODE)
    expect(texts.join(' ')).not.toContain('第')
    await bothSizes(office, 'codes-supervision')
  })

  it('offers each task once in the 督办单 picker, by its code', async () => {
    await office.locator('[data-test=new-notice]').click()
    const dialog = office.locator('.el-dialog', { hasText: '下发督办单' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.locator('.el-select').click()
    const options = office.locator('.el-select-dropdown__item:visible')
    await expect.poll(() => options.count()).toBeGreaterThan(3)
    const codes = (await office.locator('.el-select-dropdown__item:visible .notice-dialog__code').allInnerTexts()).map((s) => s.trim())
    expect(codes.length).toBeGreaterThan(3)
    for (const code of codes) expect(code).toMatch(CODE)
    expect(new Set(codes).size).toBe(codes.length)
    await shot(office, 'codes-notice-picker')
    await office.keyboard.press('Escape')
  })

  it('finds a 民生实事 and its sub-items by code in the task list', async () => {
    await office.goto('/#/tasks')
    // Element Plus puts the attribute on the <input> itself
    const q = office.locator('input[data-test=filter-q], [data-test=filter-q] input').first()
    await q.fill('民生5')
    await q.press('Enter')
    const codes = office.locator('[data-test=task-code]')
    await expect.poll(async () => (await codes.allInnerTexts()).map((s) => s.trim())).toEqual(['民生5-1', '民生5-2'])
    await bothSizes(office, 'codes-task-search')
  })
})

describe('honest figures', () => {
  it('按时报送 is not 0% for 市场监管处, whose June reports came on the 25th, and says how it is computed', async () => {
    const leader = await loginAs('juzhang')
    await leader.goto('/#/dashboard')
    const row = leader.locator('[data-test=unit-table] .el-table__row', { hasText: '市场监管处' })
    await expect.poll(() => row.count()).toBe(1)
    const rate = await row.locator('[data-test=punctuality-rate]').innerText()
    expect(rate).toMatch(/^\d+(\.\d)?%$/)
    expect(Number(rate.replace('%', ''))).toBeGreaterThan(0)
    await leader.locator('[data-test=punctuality-help]').hover()
    await expect
      .poll(() => leader.locator('.el-popper:visible').last().innerText())
      .toContain('按时报送率 = 按时报送的进展份数 ÷ 应报送份数')
    await row.scrollIntoViewIfNeeded()
    await bothSizes(leader, 'figures-punctuality')
  })
})

describe('demo honesty and one clock', () => {
  it('marks the demo’s invented reports 演示数据', async () => {
    const unit = await loginAs('scjg')
    await unit.goto('/#/reports/mine')
    await expect.poll(() => unit.locator('[data-test=mine-row]').count()).toBeGreaterThan(0)
    await expect.poll(() => unit.locator('[data-test=demo-badge]').count()).toBeGreaterThan(0)
    expect(await unit.locator('[data-test=demo-badge]').first().innerText()).toBe('演示数据')
    const codes = await unit.locator('.mine__num').allInnerTexts()
    for (const c of codes) expect(c.trim()).toMatch(CODE)
    await bothSizes(unit, 'demo-my-reports')
  })

  it('runs the big screen on the app’s clock: 2021, like its data', async () => {
    const leader = await loginAs('juzhang')
    await leader.goto('/#/dashboard')
    await leader.click('[data-test=open-bigscreen]')
    await leader.waitForURL(/#\/bigscreen/)
    await expect.poll(() => leader.locator('[data-test=big-date]').innerText()).toMatch(/^2021年7月2\d日 星期/)
    expect(await leader.locator('[data-test=big-as-of]').innerText()).toBe('截至2021年7月20日')
    expect(await leader.locator('[data-test=big-clock]').innerText()).toMatch(/^\d{2}:\d{2}:\d{2}$/)
    await bothSizes(leader, 'demo-bigscreen-clock')
  })
})
