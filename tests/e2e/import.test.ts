import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { resolve } from 'node:path'
import { launchBrowser, newPage, shot } from './browser'

const baseUrl = inject('baseUrl')
const seed = (name: string) => resolve(__dirname, '../fixtures/seeds', name)

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchBrowser()
  page = await newPage(browser, baseUrl)
  await page.goto('/')
  await page.fill('input[name=username]', 'office')
  await page.fill('input[name=password]', 'Duban2021')
  await page.click('button[type=submit]')
  await page.waitForURL(/#\/(home|plan)/)
})
afterAll(() => browser?.close())

async function upload(file: string): Promise<void> {
  await page.goto('/#/import')
  await page.locator('[data-test=file-input]').setInputFiles(seed(file))
  await page.locator('[data-test=draft-task]').first().waitFor()
}

describe('the office imports a document', () => {
  let taskCount = 0

  it('finds 导入文件 in the menu and sees the Huai’an plan parsed beside its source', async () => {
    await page.getByRole('menuitem', { name: '导入文件' }).click()
    await page.waitForURL(/#\/import/)
    await expect.poll(() => page.locator('[data-test=drop-zone]').innerText()).toContain('点击选择文件')
    await shot(page, 'import-choose')

    await upload('huaian-express-credit-plan.txt')
    taskCount = await page.locator('[data-test=draft-task]').count()
    expect(taskCount).toBeGreaterThanOrEqual(9)
    expect(await page.locator('[data-test=meta-title]').inputValue()).toContain('快递市场信用监管实施方案')
    expect(await page.locator('[data-test=source-pane]').innerText()).toContain('淮安市快递市场信用监管实施方案')
    await shot(page, 'import-preview-top')

    await page.locator('[data-test=draft-tree]').evaluate((el) => el.closest('.duban-card')!.scrollIntoView())
    await page.locator('[data-test=draft-task]').nth(2).locator('td').first().click()
    const line = page.locator('[data-test=source-line-highlight]')
    await expect.poll(() => line.count()).toBe(1)
    const taskText = await page.locator('[data-test=draft-task]').nth(2).locator('[data-test=task-text]').innerText()
    expect(await line.innerText()).toContain(taskText.trim().slice(0, 6))
    await shot(page, 'import-preview')
  })

  it('names a lead the document left out, creates that unit, commits, and sees the new plan’s tasks', async () => {
    const first = page.locator('[data-test=draft-task]').first()
    await first.locator('[data-test=task-leads]').click()
    await first.locator('[data-test=leads-editor] input').fill('市信用评定委员会')
    await page.keyboard.press('Enter')
    await page.locator('[data-test=unknown-unit]').first().waitFor()

    const unknown = page.locator('[data-test=unknown-unit]')
    const commit = page.locator('[data-test=import-commit]')
    expect(await unknown.allInnerTexts()).toEqual([expect.stringContaining('市信用评定委员会')])
    await expect.poll(() => commit.isDisabled()).toBe(true)
    for (let i = 0; i < (await unknown.count()); i++) await unknown.nth(i).locator('[data-test=unit-create]').click()
    await expect.poll(() => commit.isDisabled()).toBe(false)
    await page.locator('[data-test=unknown-units]').scrollIntoViewIfNeeded()
    await shot(page, 'import-units-created')

    await commit.click()
    await expect.poll(() => page.locator('[data-test=done-summary]').innerText()).toBe(`共导入 ${taskCount} 项工作任务`)
    await shot(page, 'import-done')

    await page.locator('[data-test=open-tasks]').click()
    await page.waitForURL(/#\/tasks/)
    await expect.poll(() => page.locator('[data-test=task-row]').count()).toBe(taskCount)
    await expect.poll(() => page.locator('[data-test=plan-switcher]').innerText()).toContain('快递市场信用监管实施方案')
    expect(await page.locator('[data-test=task-row]').first().locator('[data-test=lead-tag]').allInnerTexts()).toEqual(['市信用评定委员会'])
    await shot(page, 'import-new-plan-tasks')
  })

  it('uploads the Suzhou plan again and is told it is a revision with nothing added or removed', async () => {
    await upload('suzhou-2021-work-points.txt')
    await expect.poll(() => page.locator('[data-test=reimport-notice]').innerText()).toContain('该文件已导入过')
    expect(await page.locator('[data-test=diff-added]').innerText()).toBe('新增 0')
    expect(await page.locator('[data-test=diff-removed]').innerText()).toBe('删除 0')
    await shot(page, 'import-reimport-diff')
  })
})
