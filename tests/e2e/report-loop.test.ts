import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, shot, signIn } from './browser'

const baseUrl = inject('baseUrl')
/** a valid 1×1 PNG (one red pixel) */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082',
  'hex',
)
const RETURN_REASON = '请补充快递进村现场照片，并说明覆盖的行政村数量'
const INSTRUCTION = '此项工作群众关注度高，请市场监管处加快推进，八月底前报送阶段成效。'
const REPLY = '收到，已部署专项推进，八月底前报送阶段成效。'

/** the server answers slower under a full test run; a second is not always enough */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 })

let browser: Browser
let dir: string
let photo: string
beforeAll(async () => {
  browser = await launchBrowser()
  dir = mkdtempSync(join(tmpdir(), 'duban-report-loop-'))
  photo = join(dir, '现场照片.png')
  writeFileSync(photo, PNG)
})
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

const loginAs = (username: string): Promise<Page> => signIn(browser, baseUrl, username)

async function settled(page: Page, selector: string) {
  await poll(() => page.locator(selector).evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
}

/** the task, found by a piece of its text, opened in the drawer */
async function openTask(page: Page, snippet: string) {
  await page.goto('/#/tasks?q=' + encodeURIComponent(snippet))
  await poll(() => page.locator('[data-test=task-row]').count()).toBe(1)
  await page.locator('[data-test=task-row] .task-table__text').click()
  await poll(() => page.locator('[data-test=detail-text]').innerText()).toContain(snippet)
  await settled(page, '.el-drawer')
}

async function scrollDrawerTo(page: Page, selector: string) {
  await page.locator(selector).first().scrollIntoViewIfNeeded()
}

let snippet = ''
let taskCode = ''

describe('the report loop in the browser', () => {
  let unit: Page
  let office: Page

  it('a division head fills in a report with a photo and submits it from the task drawer', async () => {
    unit = await loginAs('scjg')
    await unit.goto('/#/tasks')
    await poll(() => unit.locator('[data-test=task-row]').count()).toBeGreaterThan(10)
    const chosen = await unit.locator('[data-test=task-row]').evaluateAll((rows) =>
      rows
        .map((r) => ({
          code: r.querySelector('.task-table__num')?.textContent?.trim() ?? '',
          text: r.querySelector('.task-table__text')?.textContent?.trim() ?? '',
          leads: [...r.querySelectorAll('[data-test=lead-tag]')].map((t) => t.textContent?.trim()),
          done: (r.textContent ?? '').includes('已完成'),
        }))
        .find((r) => r.leads.length === 1 && r.leads[0] === '市场监管处' && !r.done && r.text.length > 20),
    )
    expect(chosen).toBeTruthy()
    snippet = chosen!.text.slice(0, 14)
    taskCode = chosen!.code
    await openTask(unit, snippet)
    await unit.click('[data-test=open-report]')
    const dialog = unit.locator('.report-dialog')
    await poll(() => dialog.locator('.el-date-editor input').inputValue()).toBe('2021年7月')
    await dialog.locator('.report-form__percent .el-input-number input').fill('60')
    await dialog.locator('[data-test=report-progress]').fill('已召开快递进村专题推进会，完成全市主要乡镇网点摸排，新增村级快递服务点26个。')
    await dialog.locator('[data-test=report-problems]').fill('部分偏远行政村末端派送成本较高。')
    await dialog.locator('[data-test=report-next]').fill('八月份推动共配模式在两个县级市试点。')
    await dialog.locator('[data-test=evidence-input]').setInputFiles(photo)
    await poll(() => dialog.locator('[data-test=evidence-thumb]').count()).toBe(1)
    await settled(unit, '.report-dialog')
    await shot(unit, 'report-loop-1-unit-form')
    await dialog.locator('[data-test=report-submit]').click()
    await poll(() => unit.locator('.el-message--success').innerText()).toContain('已提交')
    await poll(() => unit.locator('[data-test=task-report]').first().innerText()).toContain('已报送')
    await unit.locator('.report-dialog').waitFor({ state: 'hidden' })
    await scrollDrawerTo(unit, '[data-test=task-reports]')
    await settled(unit, '.el-drawer')
    await shot(unit, 'report-loop-2-unit-submitted')
  })

  it('the office opens 待审核, looks at the photo and returns the report with a reason', async () => {
    office = await loginAs('office')
    await office.goto('/#/review')
    const row = office.locator('.el-table__row', { hasText: snippet })
    await poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('2021年7月20日')
    await shot(office, 'report-loop-3-office-pending')
    await row.locator('[data-test=review-open]').click()
    await poll(() => office.locator('[data-test=detail-progress]').innerText()).toContain('新增村级快递服务点26个')
    await poll(() => office.locator('.review__drawer [data-test=evidence-thumb]').count()).toBe(1)
    await office.locator('.review__drawer [data-test=evidence-thumb]').click()
    await poll(() => office.locator('[data-test=evidence-preview] img').count()).toBe(1)
    await settled(office, '.evidence-preview')
    await shot(office, 'report-loop-4-office-preview')
    await office.keyboard.press('Escape')
    await office.click('[data-test=review-return]')
    await office.click('[data-test=return-confirm]')
    await poll(() => office.locator('.return-dialog').innerText()).toContain('请填写退回原因')
    await office.fill('[data-test=return-reason-input]', RETURN_REASON)
    await settled(office, '.return-dialog')
    await shot(office, 'report-loop-5-office-return')
    await office.click('[data-test=return-confirm]')
    await poll(() => office.locator('.el-message--success').innerText()).toContain('已退回')
    await poll(() => office.locator('.el-table__row', { hasText: snippet }).count()).toBe(0)
  })

  it('the unit sees the reason in 我的报送, revises and resubmits', async () => {
    await unit.goto('/#/reports/mine')
    await poll(() => unit.locator('[data-test=mine-reason]').first().innerText()).toContain(RETURN_REASON)
    await shot(unit, 'report-loop-6-unit-mine-returned')
    const row = unit.locator('.el-table__row', { hasText: snippet }).filter({ hasText: RETURN_REASON })
    await row.locator('[data-test=mine-edit]').click()
    const dialog = unit.locator('.report-dialog')
    await poll(() => dialog.locator('[data-test=return-reason]').innerText()).toContain(RETURN_REASON)
    await poll(() => dialog.locator('[data-test=evidence-item]').count()).toBe(1)
    await dialog
      .locator('[data-test=report-progress]')
      .fill('已召开快递进村专题推进会，新增村级快递服务点26个，已覆盖行政村812个（覆盖率98%），现场照片见附件。')
    await settled(unit, '.report-dialog')
    await shot(unit, 'report-loop-7-unit-revise')
    await dialog.locator('[data-test=report-submit]').click()
    await poll(() => unit.locator('.el-message--success').innerText()).toContain('已提交')
    const july = unit.locator('.el-table__row', { hasText: snippet }).filter({ hasText: '已报送' })
    await poll(() => july.count()).toBe(1)
    expect(await july.innerText()).not.toContain(RETURN_REASON)
  })

  it('the office sees both versions and approves', async () => {
    await office.goto('/#/review')
    await office.reload()
    const row = office.locator('.el-table__row', { hasText: snippet })
    await poll(() => row.count()).toBe(1)
    await row.locator('[data-test=review-open]').click()
    await poll(() => office.locator('[data-test=detail-progress]').innerText()).toContain('覆盖行政村812个')
    await office.locator('.review__drawer .el-collapse-item__header').click()
    await poll(() => office.locator('[data-test=report-version]').count()).toBe(2)
    expect(await office.locator('[data-test=report-version]').nth(1).innerText()).toContain(RETURN_REASON)
    await settled(office, '.review__drawer')
    await shot(office, 'report-loop-8-office-versions')
    await office.click('[data-test=review-approve]')
    await poll(() => office.locator('.el-message--success').innerText()).toContain('已审核通过')
  })

  it('a leader writes an instruction on the task', async () => {
    const leader = await loginAs('juzhang')
    await openTask(leader, snippet)
    await leader.fill('[data-test=instruction-input]', INSTRUCTION)
    await leader.click('[data-test=instruction-send]')
    await poll(() => leader.locator('[data-test=instruction-body]').first().innerText()).toContain('八月底前报送阶段成效')
    await scrollDrawerTo(leader, '[data-test=instructions]')
    await shot(leader, 'report-loop-9-leader-instruction')
    await leader.context().close()
  })

  it('the unit finds the instruction and replies; the office sees the reply in the thread', async () => {
    await unit.goto('/#/inbox')
    const inboxItem = unit.locator('[data-test=inbox-item]', { hasText: '批示' })
    await poll(() => inboxItem.count()).toBeGreaterThan(0)
    await shot(unit, 'report-loop-10-unit-inbox')

    await openTask(unit, snippet)
    expect(await unit.locator('[data-test=task-report]').first().innerText()).toContain('已通过')
    await poll(() => unit.locator('[data-test=instruction-body]').first().innerText()).toContain(INSTRUCTION)
    await unit.locator('[data-test=reply-open]').first().click()
    await unit.fill('[data-test=reply-input]', REPLY)
    await unit.click('[data-test=reply-send]')
    await poll(() => unit.locator('[data-test=instruction-reply]').first().innerText()).toContain('专项推进')
    await scrollDrawerTo(unit, '[data-test=instructions]')
    await shot(unit, 'report-loop-11-unit-reply')

    await openTask(office, snippet)
    await poll(() => office.locator('[data-test=instruction-reply]').first().innerText()).toContain(REPLY)
    expect(await office.locator('[data-test=instruction-reply]').first().innerText()).toContain('市场监管处')
    await scrollDrawerTo(office, '[data-test=instructions]')
    await shot(office, 'report-loop-12-office-thread')
    expect(taskCode).toMatch(/^[\u4e00-\u9fa5]+\d+(-\d+)?$/) // the task's code, e.g. 要点17
  })
})
