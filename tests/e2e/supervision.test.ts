import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, signIn } from './browser'

const baseUrl = inject('baseUrl')
const ISSUE = '该项任务进度滞后于计划，请说明原因并加快推进。'
const REQUIRED = '书面说明滞后原因、整改措施和完成时限。'
const ANSWER = '已召开专题推进会，明确整改措施，八月底前完成年中节点。'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const loginAs = (username: string): Promise<Page> => signIn(browser, baseUrl, username)

async function settled(page: Page, selector: string) {
  await expect.poll(() => page.locator(selector).evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
}

let office: Page
let noticeNumber = ''

describe('supervision: 催办 and 督办单 between the office and a division', () => {
  it('opens the office’s home page with what waits for it', async () => {
    office = await loginAs('office')
    await expect.poll(() => office.locator('[data-role=office]').count()).toBe(1)
    await expect.poll(() => office.locator('[data-test=not-reported-unit]').count()).toBeGreaterThan(0)
    const body = await office.locator('body').innerText()
    expect(body).toContain('待审核')
    expect(body).toContain('逾期任务')
    expect(body).toContain('督办单待答复')
    expect(body).toMatch(/本期报送截止：2021年7月\d+日/)
    await shot(office, 'supervision-office-home')
  })

  it('sends a 催办 to 市场监管处, which has not reported this period', async () => {
    await office.goto('/#/supervision')
    const row = office.locator('[data-test=not-reported] .el-table__row', { hasText: '市场监管处' })
    await expect.poll(() => row.count()).toBe(1)
    await row.locator('[data-role=remind]').click()
    const dialog = office.locator('[data-test=reminder-dialog]')
    await expect.poll(() => dialog.locator('[data-test=reminder-text]').inputValue()).toContain('市场监管处')
    if (await dialog.locator('[data-test=reminder-recent]').isVisible()) await dialog.locator('[data-test=reminder-override]').click()
    await dialog.locator('[data-test=reminder-send]').click()
    await expect.poll(() => office.locator('.el-message').innerText()).toContain('已向市场监管处发出催办')
  })

  it('issues a 督办单 on a task of 市场监管处 that is behind or overdue', async () => {
    await office.locator('[data-test=new-notice]').click()
    const dialog = office.locator('.el-dialog', { hasText: '下发督办单' })
    await settled(office, 'body')
    await dialog.locator('.el-select').click()
    const option = office.locator('.el-select-dropdown__item:visible', { hasText: '市场监管处' }).first()
    await expect.poll(() => option.count()).toBe(1)
    await option.click()
    await dialog.locator('textarea').nth(0).fill(ISSUE)
    await dialog.locator('textarea').nth(1).fill(REQUIRED)
    const date = dialog.locator('.el-date-editor input')
    await date.click()
    await date.fill('2021年7月30日')
    await date.press('Enter')
    await dialog.locator('.el-dialog__title').click()
    await shot(office, 'supervision-notice-dialog')
    await dialog.locator('[data-test=notice-submit]').click()
    await expect.poll(() => office.locator('.el-message').last().innerText()).toMatch(/已下发督办〔2021〕\d+号/)
    noticeNumber = (await office.locator('.el-message').last().innerText()).replace('已下发', '').trim()
    const row = office.locator('[data-test=notice-table] .el-table__row', { hasText: noticeNumber })
    await expect.poll(() => row.innerText()).toContain('待签收')
    expect(await row.innerText()).toContain('2021年7月30日')
    expect(await row.innerText()).toContain('市场监管处')
    await settled(office, 'body')
    await shot(office, 'supervision-page')
  })

  it('shows both to 市场监管处 in its inbox with an unread badge, and the division answers the 督办单', async () => {
    const scjg = await loginAs('scjg')
    await expect.poll(() => scjg.locator('[data-role=unit]').count()).toBe(1)
    const badge = scjg.locator('[data-test=unread-badge] .el-badge__content')
    await expect.poll(async () => Number(await badge.innerText())).toBeGreaterThanOrEqual(2)
    await expect.poll(() => scjg.title()).toMatch(/^\(\d+\) 督办台$/)
    await expect.poll(() => scjg.locator('[data-test=unit-notices]').innerText()).toContain(noticeNumber)
    await shot(scjg, 'supervision-scjg-home')

    await scjg.goto('/#/inbox')
    const reminder = scjg.locator('[data-test=inbox-item][data-kind=reminder]').first()
    const notice = scjg.locator('[data-test=inbox-item][data-kind=notice]', { hasText: noticeNumber })
    await expect.poll(() => reminder.getAttribute('data-unread')).toBe('true')
    await expect.poll(() => notice.getAttribute('data-unread')).toBe('true')
    const before = Number(await badge.innerText())
    await shot(scjg, 'supervision-inbox')

    await notice.click()
    await expect.poll(() => notice.getAttribute('data-unread')).toBeNull()
    await expect.poll(async () => Number((await badge.isVisible()) ? await badge.innerText() : 0)).toBe(before - 1)
    await expect.poll(() => scjg.locator('[data-test=notice-detail]').innerText()).toContain(REQUIRED)
    await scjg.locator('[data-test=notice-detail] textarea').fill(ANSWER)
    await scjg.locator('[data-test=notice-reply-submit]').click()
    await expect.poll(() => scjg.locator('[data-test=notice-steps]').innerText()).toContain(ANSWER)
    expect(await scjg.locator('[data-test=notice-state]').innerText()).toBe('待办结')
    await shot(scjg, 'supervision-inbox-answered')
    await scjg.context().close()
  })

  it('shows the office the 督办单 answered', async () => {
    await office.goto('/#/home')
    await office.goto('/#/supervision')
    const row = office.locator('[data-test=notice-table] .el-table__row', { hasText: noticeNumber })
    await expect.poll(() => row.innerText()).toContain('待办结')
    await row.locator('.el-table__expand-icon').click()
    await expect.poll(() => office.locator('[data-test=notice-table]').innerText()).toContain(ANSWER)
    await office.goto('/#/inbox')
    await expect.poll(() => office.locator('[data-test=inbox-item][data-kind=notice_reply]', { hasText: noticeNumber }).count()).toBe(1)
  })

  it('ticks tasks in the list and opens 批量设置 for them', async () => {
    await office.goto('/#/tasks')
    await expect.poll(() => office.locator('[data-test=task-row]').count()).toBeGreaterThan(10)
    await office.locator('[data-test=tick-row]').nth(0).click()
    await office.locator('[data-test=tick-row]').nth(2).click()
    await office.locator('[data-test=bulk-edit]').click()
    const dialog = office.locator('.el-dialog', { hasText: '批量设置' })
    await expect.poll(() => dialog.locator('.el-dialog__title').innerText()).toBe('批量设置（2 项任务）')
    await settled(office, 'body')
    await shot(office, 'supervision-bulk-dialog')
    await dialog.getByRole('button', { name: '取消' }).click()
  })

  it('draws the timeline of tasks with milestones and today', async () => {
    await office.goto('/#/timeline')
    await office.waitForSelector('[data-chart-ready=true] canvas', { timeout: 30_000 })
    const body = await office.locator('body').innerText()
    expect(body).toContain('进度计划图')
    await shot(office, 'supervision-timeline')
  })

  it('names every task on the timeline by its code, on the axis and in the tooltip, never by a bare number', async () => {
    const chart = office.locator('.echart[data-chart-ready=true]').first()
    const labels = await chart.evaluate((el) => {
      const c = (el as unknown as { dubanChart: { getOption(): { yAxis: { data: string[] }[] } } }).dubanChart
      return c
        .getOption()
        .yAxis[0].data.filter((l) => l.startsWith('{task|'))
        .map((l) => l.slice(6, -1))
    })
    expect(labels.length).toBeGreaterThan(20)
    for (const label of labels) expect(label).toMatch(/^(重点|要点|民生)\d+(-\d+)? \S/)
    // hover the first task's bar: its tooltip names the task by its code
    const tip = await chart.evaluate((el) => {
      const c = (el as unknown as { dubanChart: { dispatchAction(a: object): void } }).dubanChart
      c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 })
      return new Promise<string>((resolve) =>
        setTimeout(() => resolve((el.querySelector('div[style*="z-index"]') as HTMLElement | null)?.innerText ?? ''), 300),
      )
    })
    expect(tip).toMatch(/^(重点|要点|民生)\d+(-\d+)? /)
    expect(tip).not.toMatch(/第\d+项/)
    for (const [width, height] of [
      [1440, 900],
      [1920, 1080],
    ]) {
      await office.setViewportSize({ width, height })
      await settled(office, 'body')
      await shot(office, `timeline-codes-${width}x${height}`)
    }
    await office.setViewportSize({ width: 1440, height: 900 })
  })
})

describe('the leader’s home page', () => {
  it('shows the overview and the tasks 局长 is in charge of', async () => {
    const page = await loginAs('juzhang')
    await expect.poll(() => page.locator('[data-role=leader]').count()).toBe(1)
    await expect.poll(() => page.locator('[data-test=in-charge] [data-test=home-task]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test=leader-overview]').innerText()).toContain('查看数据看板')
    await shot(page, 'supervision-leader-home')
    await page.context().close()
  })
})
