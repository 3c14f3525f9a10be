import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, shot, signIn } from './browser'
import { startWeb, type WebServer } from './server'

/**
 * Two people at two desks, each with their own browser context, on a server of this test's own (it is
 * restarted on the same data directory and port). Nothing here reloads a page: what changes arrives live.
 */
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout })

let browser: Browser
let web: WebServer
let dataDir: string
const env = () => ({ DUBAN_DATA_DIR: dataDir, DUBAN_RENDERER_DIR: inject('rendererDir') })

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-live-'))
  web = await startWeb(env())
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await web?.stopped()
  rmSync(dataDir, { recursive: true, force: true })
})

const loginAs = (username: string): Promise<Page> => signIn(browser, web.url, username)

async function settled(page: Page, selector: string) {
  await poll(() => page.locator(selector).evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
}

/** the number an el-badge shows (0 when hidden or absent) */
async function badge(page: Page, selector: string): Promise<number> {
  const el = page.locator(`${selector} .el-badge__content:visible`)
  return (await el.count()) ? Number(await el.first().innerText()) : 0
}

async function openDrawer(page: Page, snippet: string) {
  await page.goto('/#/tasks?q=' + encodeURIComponent(snippet))
  await poll(() => page.locator('[data-test=task-row]').count()).toBe(1)
  await page.locator('[data-test=task-row] .task-table__text').click()
  await poll(() => page.locator('[data-test=detail-text]').innerText()).toContain(snippet)
  await settled(page, '.el-drawer')
}

let office: Page
let unit: Page
let snippet = ''

describe('two desks see each other’s work live', () => {
  it('the office assigns a task to 市场监管处, and the division head’s open task list shows it without a reload', async () => {
    office = await loginAs('office')
    unit = await loginAs('scjg')
    await office.goto('/#/tasks')
    await poll(() => office.locator('[data-test=task-row]').count()).toBeGreaterThan(10)
    const chosen = await office.locator('[data-test=task-row]').evaluateAll((rows) =>
      rows
        .map((r) => ({
          text: r.querySelector('.task-table__text')?.textContent?.trim() ?? '',
          units: (r.textContent ?? '').includes('市场监管处'),
          leads: [...r.querySelectorAll('[data-test=lead-tag]')].map((t) => t.textContent?.trim()),
          done: (r.textContent ?? '').includes('已完成'),
        }))
        .find((r) => !r.units && !r.done && r.leads.length === 1 && r.leads[0] === '普遍服务处' && r.text.length > 20),
    )
    expect(chosen).toBeTruthy()
    snippet = chosen!.text.slice(0, 14)

    await unit.goto('/#/tasks')
    await poll(() => unit.locator('[data-test=task-row]').count()).toBeGreaterThan(3)
    expect(await unit.locator('[data-test=task-row]', { hasText: snippet }).count()).toBe(0)

    await office.goto('/#/tasks?q=' + encodeURIComponent(snippet))
    await poll(() => office.locator('[data-test=task-row]').count()).toBe(1)
    await office.locator('[data-test=tick-row]').first().click()
    await office.locator('[data-test=bulk-edit]').click()
    const dialog = office.locator('.el-dialog', { hasText: '批量设置' })
    await settled(office, '.el-dialog')
    await dialog.locator('[data-test=bulk-change-leads]').click()
    await dialog.locator('[data-test=bulk-leads]').click()
    await office.locator('.el-select-dropdown__item:visible', { hasText: '市场监管处' }).first().click()
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-test=bulk-submit]').click()
    await poll(() => office.locator('.el-message--success').innerText()).toContain('已更新')

    const arrived = unit.locator('[data-test=task-row]', { hasText: snippet })
    await poll(() => arrived.count()).toBe(1)
    expect(await arrived.innerText()).toContain('市场监管处')
    await shot(unit, 'live-1-unit-task-arrived')
  }, 120_000)

  it('the division head submits a report, and the office’s 待审核 count rises live', async () => {
    await office.goto('/#/home')
    await poll(() => office.locator('[data-test=user-name]').count()).toBe(1)
    const before = await badge(office, '[data-test=menu-review-count]')

    await unit.locator('[data-test=task-row] .task-table__text', { hasText: snippet }).click()
    await poll(() => unit.locator('[data-test=detail-text]').innerText()).toContain(snippet)
    await settled(unit, '.el-drawer')
    await unit.click('[data-test=open-report]')
    const form = unit.locator('.report-dialog')
    await poll(() => form.locator('.el-date-editor input').inputValue()).toBe('2021年7月')
    await form.locator('.report-form__percent .el-input-number input').fill('30')
    await form.locator('[data-test=report-progress]').fill('已与普遍服务处完成交接，制定推进方案。')
    await form.locator('[data-test=report-submit]').click()
    await poll(() => unit.locator('.el-message--success').innerText()).toContain('已提交')

    await poll(() => badge(office, '[data-test=menu-review-count]')).toBe(before + 1)
    await shot(office, 'live-2-office-review-count')
  }, 120_000)

  it('both edit the same task’s milestones; the second is told who changed it and can reload', async () => {
    const admin = await loginAs('admin')
    await openDrawer(office, snippet)
    await openDrawer(admin, snippet)
    await office.click('[data-test=milestone-edit]')
    await admin.click('[data-test=milestone-edit]')
    await office.locator('.ms-editor__pct input').first().fill('15')
    await office.click('[data-test=milestone-save]')
    await poll(() => office.locator('[data-test=milestone-editor]').count()).toBe(0)

    await admin.locator('.ms-editor__pct input').first().fill('40')
    await admin.click('[data-test=milestone-save]')
    const box = admin.locator('.duban-conflict')
    await poll(() => box.count()).toBe(1)
    const message = await box.innerText()
    expect(message).toContain('数据已被他人修改')
    expect(message).toMatch(/该任务已于2021年7月\d+日 \d\d:\d\d 被 .+（办公室）修改了进度节点，请刷新后再改/)
    await settled(admin, '.duban-conflict')
    await shot(admin, 'live-3-conflict')
    await box.getByRole('button', { name: '重新加载' }).click()
    await poll(() => admin.locator('[data-test=milestone-editor]').count()).toBe(0)
    await poll(() => admin.locator('.el-drawer:visible .task-drawer__timeline').first().innerText()).toContain('15%')
    await admin.context().close()
  }, 120_000)

  it('the server restarts: both pages show they are offline, reconnect by themselves, and live updates arrive again', async () => {
    await office.goto('/#/supervision')
    await unit.goto('/#/home')
    await poll(() => office.locator('[data-test=not-reported]').count()).toBe(1)
    const port = web.port
    await web.stopped()
    for (const page of [office, unit]) await poll(() => page.locator('[data-test=offline-banner]').isVisible()).toBe(true)
    expect(await unit.locator('[data-test=offline-banner]').innerText()).toBe('连接已断开，正在重连…')
    await shot(unit, 'live-4-offline')

    web = await startWeb(env(), [], port)
    for (const page of [office, unit]) await poll(() => page.locator('[data-test=offline-banner]').count(), 30_000).toBe(0)

    const unread = await badge(unit, '[data-test=unread-badge]')
    const row = office.locator('[data-test=not-reported] .el-table__row', { hasText: '市场监管处' })
    await poll(() => row.count()).toBe(1)
    await row.locator('[data-role=remind]').click()
    const dialog = office.locator('[data-test=reminder-dialog]')
    await poll(() => dialog.locator('[data-test=reminder-text]').inputValue()).toContain('市场监管处')
    if (await dialog.locator('[data-test=reminder-recent]').isVisible()) await dialog.locator('[data-test=reminder-override]').click()
    await dialog.locator('[data-test=reminder-send]').click()
    await poll(() => office.locator('.el-message').innerText()).toContain('已向市场监管处发出催办')
    await poll(() => badge(unit, '[data-test=unread-badge]')).toBe(unread + 1)
  }, 120_000)
})

describe('the desktop app’s first start, in Chromium with a stand-in for the preload', () => {
  it('asks 单机使用 or 连接单位服务器, and shows the server certificate’s fingerprint to check', async () => {
    const FP = 'B5:00:84:9B:33:83:25:98:38:3A:67:6E:45:04:AA:63:23:B0:1D:DC:58:B8:C0:F9:25:59:FF:CD:AA:E5:17:88'
    for (const [width, height] of [
      [1440, 900],
      [1920, 1080],
    ]) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', baseURL: web.url })
      // what the real preload would expose; the main process's side is tested in electron-shell.test.ts
      await context.addInitScript((fp) => {
        const answers: Record<string, unknown> = {
          'desktop.connection': { mode: 'unset', serverUrl: null, fingerprint: null, mismatch: null },
          'desktop.probeServer': {
            serverUrl: 'https://192.168.1.20:5180',
            fingerprint: fp,
            subject: 'duban.bureau.lan',
            validTo: 'Jul 20 00:00:00 2031 GMT',
            pinned: null,
            changed: false,
          },
        }
        ;(window as unknown as { duban: unknown }).duban = {
          invoke: async (method: string) =>
            method in answers ? { ok: true, data: answers[method] } : { ok: false, error: { code: 'x', message: method } },
          onEvent: () => () => undefined,
        }
      }, FP)
      const page = await context.newPage()
      await page.goto('/#/home')
      await poll(() => page.locator('[data-test=connect-server]').count()).toBe(1)
      expect(page.url()).toContain('#/connect')
      await page.fill('input[data-test=server-address]', '192.168.1.20:5180')
      await page.click('[data-test=probe-server]')
      await poll(() => page.locator('[data-test=server-fingerprint]').innerText()).toBe(FP)
      await shot(page, `live-5-connect-${width}`)
      await context.close()
    }
  }, 120_000)
})
