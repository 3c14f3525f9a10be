/**
 * Issue 16, items 2 and 3: a 督办单 carried to 办结 between the office and 市场监管处 (read receipt, reply with evidence,
 * return with a reason, second reply, 办结), and 催办 on record (a dialog with the template's text, a warning before a
 * second 催办 within the window, the record on 督查督办, one-click report from the unit's inbox).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, signIn } from './browser'

const baseUrl = inject('baseUrl')
const poll = expect.poll
const ISSUE = '该项任务二季度节点未完成，进度明显滞后。'
const REQUIRED = '书面说明滞后原因、整改措施和完成时限。'
const FIRST = '已召开专题推进会，正在制定整改方案。'
const REASON = '未写明完成时限，请补充。'
const SECOND = '整改方案已印发，八月底前完成年中节点。'

let browser: Browser
let office: Page
let scjg: Page
let number = ''
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const loginAs = (username: string): Promise<Page> => signIn(browser, baseUrl, username)

async function settled(page: Page) {
  await poll(() => page.locator('body').evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
}

/** The page at 1440×900 and at 1920×1080. */
async function shots(page: Page, name: string) {
  await settled(page)
  await shot(page, `${name}-1440`)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await settled(page)
  await shot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function openInbox(page: Page) {
  await page.goto('/#/home')
  await page.goto('/#/inbox')
  await poll(() => page.locator('[data-test=inbox-item]').count()).toBeGreaterThan(0)
}

const noticeRow = () => office.locator('[data-test=notice-table] .el-table__row', { hasText: number })

describe('a 督办单 carried to 办结', () => {
  it('the office issues it with a 签发人; it waits for the unit’s receipt', async () => {
    office = await loginAs('office')
    await office.goto('/#/supervision')
    await office.locator('[data-test=new-notice]').click()
    const dialog = office.locator('.el-dialog', { hasText: '下发督办单' })
    await settled(office)
    await dialog.locator('.el-select').click()
    const option = office.locator('.el-select-dropdown__item:visible', { hasText: '市场监管处' }).first()
    await poll(() => option.count()).toBe(1)
    await option.click()
    await dialog.locator('[data-test=notice-issue]').fill(ISSUE)
    await dialog.locator('[data-test=notice-required]').fill(REQUIRED)
    await dialog.locator('[data-test=notice-signer]').fill('刘伟')
    const date = dialog.locator('.el-date-editor input')
    await date.click()
    await date.fill('2021年7月30日')
    await date.press('Enter')
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-test=notice-submit]').click()
    await poll(() => office.locator('.el-message').last().innerText()).toMatch(/已下发督办〔2021〕\d+号/)
    number = (await office.locator('.el-message').last().innerText()).replace('已下发', '').trim()
    await poll(() => noticeRow().locator('[data-test=notice-status]').innerText()).toBe('待签收')
  })

  it('the unit opens it (read), and replies with evidence', async () => {
    scjg = await loginAs('scjg')
    await openInbox(scjg)
    const item = scjg.locator('[data-test=inbox-item][data-kind=notice]', { hasText: number }).first()
    await item.click()
    await poll(() => scjg.locator('[data-test=notice-state]').innerText()).toBe('待答复') // the receipt is recorded
    expect(await scjg.locator('[data-test=notice-detail]').innerText()).toContain('刘伟')
    await scjg.locator('[data-test=notice-reply-input]').fill(FIRST)
    await scjg
      .locator('[data-test=notice-detail] [data-test=evidence-input]')
      .setInputFiles({ name: '整改方案.txt', mimeType: 'text/plain', buffer: Buffer.from('整改方案（草稿）') })
    await poll(() => scjg.locator('[data-test=notice-reply-files]').innerText()).toContain('整改方案.txt')
    await scjg.locator('[data-test=notice-reply-submit]').click()
    await poll(() => scjg.locator('[data-test=notice-state]').innerText()).toBe('待办结')
    expect(await scjg.locator('[data-test=notice-steps]').innerText()).toContain('整改方案.txt')
    await shots(scjg, 'notice-1-unit-replied')
  })

  it('the office sees it 待办结 in its inbox and returns it with a reason', async () => {
    await openInbox(office)
    await office.locator('[data-test=inbox-item][data-kind=notice_reply]', { hasText: number }).first().click()
    await poll(() => office.locator('[data-test=notice-state]').innerText()).toBe('待办结')
    await poll(() => office.locator('[data-test=notice-steps]').innerText()).toContain(FIRST)
    await shots(office, 'notice-2-office-inbox')
    await office.locator('[data-test=notice-detail] [data-test=notice-return]').click()
    const box = office.locator('.el-message-box')
    await poll(() => box.isVisible()).toBe(true)
    await box.locator('textarea').fill(REASON)
    await box.locator('.el-message-box__btns .el-button--primary').click()
    await poll(() => office.locator('[data-test=notice-state]').innerText()).toBe('已退回')
  })

  it('the unit sees the reason, replies again; the office accepts it (办结); both inboxes say so', async () => {
    await openInbox(scjg)
    const back = scjg.locator('[data-test=inbox-item][data-kind=notice]', { hasText: `${number} 回复被退回` }).first()
    await back.click()
    await poll(() => scjg.locator('[data-test=notice-state]').innerText()).toBe('已退回')
    expect(await scjg.locator('[data-test=inbox-detail-title]').innerText()).toContain('回复被退回')
    expect(await scjg.locator('.inbox__body').innerText()).toContain(REASON)
    await scjg.locator('[data-test=notice-reply-input]').fill(SECOND)
    await scjg.locator('[data-test=notice-reply-submit]').click()
    await poll(() => scjg.locator('[data-test=notice-state]').innerText()).toBe('待办结')

    await office.goto('/#/home')
    await office.goto('/#/supervision')
    await poll(() => noticeRow().locator('[data-test=notice-status]').innerText()).toBe('待办结')
    await noticeRow().locator('[data-test=notice-accept]').click()
    await office.locator('.el-message-box__btns .el-button--primary').click()
    await poll(() => noticeRow().locator('[data-test=notice-status]').innerText()).toBe('已办结')
    await noticeRow().locator('.el-table__expand-icon').click()
    await poll(() => office.locator('[data-test=notice-table] [data-test=notice-steps]').first().innerText()).toContain(REASON)
    await shots(office, 'notice-3-supervision-closed')
    // the task shows its notice and where it stands
    await noticeRow().locator('.notice-table__task').click()
    await poll(() => office.locator('[data-test=task-notice-state]').first().innerText()).toBe('已办结')
    await office.locator('[data-test=task-supervision]').scrollIntoViewIfNeeded()
    await shots(office, 'notice-3-task-drawer')

    await openInbox(scjg)
    await scjg
      .locator('[data-test=inbox-item][data-kind=notice]', { hasText: `${number} 已办结` })
      .first()
      .click()
    await poll(() => scjg.locator('[data-test=notice-state]').innerText()).toBe('已办结')
    expect(await scjg.locator('[data-test=notice-reply-submit]').count()).toBe(0)
    await shots(scjg, 'notice-4-unit-closed')
    await scjg.context().close()
  })
})

describe('催办 on record', () => {
  const row = () => office.locator('[data-test=not-reported] .el-table__row', { hasText: '普遍服务处' })
  const dialog = () => office.locator('[data-test=reminder-dialog]')

  it('the office edits the 催办 template on its settings page', async () => {
    await office.goto('/#/settings/reminders')
    const template = office.locator('[data-test=reminder-template]')
    await poll(() => template.inputValue()).toContain('{单位}')
    await template.fill(`${await template.inputValue()}联系电话：65201234。`)
    await shots(office, 'notice-5-reminder-settings')
    await office.locator('[data-test=reminder-settings-save]').click()
    await poll(() => office.locator('.el-message').last().innerText()).toContain('催办设置已保存')
  })

  it('opens a dialog with the unit’s unreported tasks and the template’s text, dates written out', async () => {
    await office.goto('/#/supervision')
    await poll(() => row().count()).toBe(1)
    await row().locator('[data-role=remind]').click()
    await poll(() => dialog().locator('[data-test=reminder-text]').inputValue()).toContain('普遍服务处')
    const text = await dialog().locator('[data-test=reminder-text]').inputValue()
    expect(text).toMatch(/2021年7月\d+日/)
    expect(text).not.toMatch(/\d{4}-\d{2}/)
    expect(text).toContain('联系电话：65201234。')
    expect(await dialog().locator('[data-test=reminder-tasks] .el-tag').count()).toBeGreaterThan(0)
    await shots(office, 'notice-6-reminder-dialog')
    if (await dialog().locator('[data-test=reminder-recent]').isVisible()) await dialog().locator('[data-test=reminder-override]').click()
    await dialog().locator('[data-test=reminder-text]').fill(`${text}（办公室）`)
    await dialog().locator('[data-test=reminder-send]').click()
    await poll(() => office.locator('.el-message').last().innerText()).toContain('已向普遍服务处发出催办')
  })

  it('warns before urging the same unit again within the window, and sends only once confirmed', async () => {
    await poll(() => dialog().isVisible()).toBe(false)
    await row().locator('[data-role=remind]').click()
    await poll(() => dialog().locator('[data-test=reminder-recent]').innerText()).toMatch(/24小时内已催办该单位\d+次/)
    await shots(office, 'notice-7-reminder-warning')
    await dialog().locator('[data-test=reminder-send]').click()
    await poll(() => dialog().locator('[data-test=reminder-error]').innerText()).toContain('请确认是否仍要再次催办')
    await dialog().locator('[data-test=reminder-override]').click()
    await dialog().locator('[data-test=reminder-send]').click()
    await poll(() => dialog().isVisible()).toBe(false)
  })

  it('shows the record on 督查督办: who urged whom, when and how often', async () => {
    await poll(() => row().locator('[data-test^=urged-]').innerText()).toMatch(/已催办[2-9]次/)
    const record = office.locator('[data-test=urges] [data-test=urge-item]', { hasText: '普遍服务处' })
    await poll(() => record.count()).toBeGreaterThanOrEqual(2)
    expect(await record.first().innerText()).toMatch(/2021年7月\d+日/)
    await office.locator('[data-test=urges]').scrollIntoViewIfNeeded()
    await shots(office, 'notice-8-urge-record')
  })

  it('lets the unit report on each task with one click from the 催办 in its inbox', async () => {
    const pbfw = await loginAs('pbfw')
    await openInbox(pbfw)
    await pbfw.locator('[data-test=inbox-item][data-kind=reminder]').first().click()
    await poll(() => pbfw.locator('[data-test=reminder-task]').count()).toBeGreaterThan(0)
    const body = await pbfw.locator('.inbox__body').innerText()
    expect(body).toContain('普遍服务处')
    expect(body).not.toMatch(/\d{4}-\d{2}/)
    await shots(pbfw, 'notice-9-unit-reminder')
    const first = pbfw.locator('[data-test=reminder-task]').first()
    const taskId = await first.getAttribute('data-task')
    await first.locator('[data-test=reminder-report]').click()
    const form = pbfw.locator('.report-dialog')
    await poll(() => form.locator('[data-test=report-progress]').isVisible()).toBe(true)
    await form.locator('.report-form__percent .el-input-number input').fill('40')
    await form.locator('[data-test=report-progress]').fill('已完成全市普遍服务网点年中检查。')
    await form.locator('[data-test=report-submit]').click()
    await poll(() => pbfw.locator(`[data-test=reminder-task][data-task="${taskId}"] [data-test=reminder-task-reported]`).count()).toBe(1)
    await pbfw.context().close()
  })
})
