import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, signIn } from './browser'
import { startWeb, type WebServer } from './server'

/**
 * The escalation ladder and the year-end assessment, on the demo database, moving the clock by restarting the
 * server on a later day (the rules run at start): a missed July report brings a yellow, then a red 督办单; the
 * year-end preview shows the deductions with links; the unit appeals, the office decides and publishes.
 */
let browser: Browser
let web: WebServer
let dataDir: string
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 })

async function serverOn(day: string): Promise<void> {
  const port = web?.port
  if (web) await web.stopped()
  web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_TODAY: day, DUBAN_RENDERER_DIR: inject('rendererDir') }, [], port)
}

const loginAs = (username: string): Promise<Page> => signIn(browser, web.url, username)

async function shots(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-1440`)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-assess-'))
  await serverOn('2021-07-20')
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  web?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('督查督办规则 and 督查考核 end to end', () => {
  it('the office switches the rules on and sees what they would do', async () => {
    const office = await loginAs('office')
    await office.goto('/#/escalation')
    await poll(() => office.locator('[data-test=rules-levels] .el-table__row').count()).toBe(3)
    await office.locator('[data-test=rules-enabled]').click()
    await office.locator('[data-test=rules-save]').click()
    await poll(() => office.locator('.el-message').last().innerText()).toContain('督查督办规则已保存')
    await office.locator('[data-test=dry-run] .el-date-editor input').fill('2021年7月29日')
    await office.locator('[data-test=dry-run] .el-date-editor input').press('Enter')
    await office.locator('[data-test=dry-run-button]').click()
    await poll(() => office.locator('[data-test=dry-run-table]').innerText()).toContain('黄色督办单')
    expect(await office.locator('[data-test=dry-run-table]').innerText()).toContain('2021年7月进展未报送')
    await shots(office, 'escalation-rules')
    await office.context().close()
  }, 120_000)

  it('a missed report brings a yellow 督办单, then a red one with a 专函, as the clock moves', async () => {
    await serverOn('2021-07-29')
    let scjg = await loginAs('scjg')
    await scjg.goto('/#/inbox')
    await poll(() => scjg.locator('body').innerText()).toContain('黄色督办单')
    await scjg.context().close()

    await serverOn('2021-08-09')
    scjg = await loginAs('scjg')
    await scjg.goto('/#/inbox')
    await poll(() => scjg.locator('body').innerText()).toContain('红色督办单')
    expect(await scjg.locator('body').innerText()).toContain('专函')
    await shots(scjg, 'escalation-unit-inbox')
    await scjg.context().close()
  }, 400_000)

  it('the year-end preview shows the deductions with links; the office announces it', async () => {
    await serverOn('2021-12-31')
    const office = await loginAs('office')
    await office.goto('/#/assessment')
    const row = office.locator('[data-test=score-table] .el-table__row', { hasText: '市场监管处' }).first()
    await poll(() => row.count()).toBe(1)
    await row.locator('.el-table__expand-icon').click()
    const items = office.locator('[data-test=score-items]').first()
    await poll(() => items.innerText()).toContain('红色督办单')
    expect(await items.innerText()).toContain('未报送')
    expect(await office.locator('[data-test=item-link]').count()).toBeGreaterThan(0)
    await shots(office, 'assessment-preview')
    await office.locator('[data-test=announce]').click()
    await poll(() => office.locator('[data-test=assessment-status]').innerText()).toBe('公示中')
    await office.context().close()
  }, 400_000)

  it('the unit appeals an item of its own score', async () => {
    const scjg = await loginAs('scjg')
    await scjg.goto('/#/assessment')
    await poll(() => scjg.locator('[data-test=appeal-button]').count()).toBeGreaterThan(0)
    await scjg.locator('[data-test=appeal-button]').first().click()
    await scjg.locator('[data-test=appeal-reason]').fill('该月进展已于截止日前线下报送，有签收单为证。')
    await scjg.locator('[data-test=appeal-submit]').click()
    await poll(() => scjg.locator('[data-test=appeals]').innerText()).toContain('待处理')
    await shots(scjg, 'assessment-unit')
    await scjg.context().close()
  }, 120_000)

  it('after the appeal period the office decides the appeal, publishes, and exports Excel and Word', async () => {
    await serverOn('2022-01-10')
    const office = await loginAs('office')
    await office.goto('/#/assessment')
    await office.locator('.el-input-number input').first().fill('2021')
    await office.locator('.el-input-number input').first().press('Enter')
    await poll(() => office.locator('[data-test=decide-button]').count()).toBe(1)
    await office.locator('[data-test=decide-button]').click()
    await office.locator('[data-test=decision-reason]').fill('经核实确已线下报送，申诉成立。')
    await office.locator('[data-test=decision-submit]').click()
    await poll(() => office.locator('[data-test=appeals]').innerText()).toContain('申诉成立')
    await office.locator('[data-test=publish]').click()
    await poll(() => office.locator('[data-test=assessment-status]').innerText()).toBe('已发布')
    for (const [button, name] of [
      ['export-xlsx', '2021年度督查考核结果.xlsx'],
      ['export-docx', '2021年度督查考核结果通报.docx'],
    ]) {
      const download = office.waitForEvent('download')
      await office.locator(`[data-test=${button}]`).click()
      expect((await download).suggestedFilename()).toBe(name)
    }
    await shots(office, 'assessment-published')
    await office.goto('/#/dashboard')
    await office.locator('.el-tabs__item', { hasText: '与上月相比' }).click()
    await poll(() => office.locator('[data-test=monthly-text]').innerText()).toContain('与上月相比')
    await shots(office, 'dashboard-monthly')
    await office.context().close()
  }, 400_000)
})
