import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPage, shot } from './browser'
import { startWeb, type WebServer } from './server'

/** From an empty install to a working bureau that is not Suzhou, as its own administrator and office would do it. */
const BUREAU = '无锡市邮政管理局'
let browser: Browser
let web: WebServer
let dataDir: string
const passwords = new Map<string, string>()
/** the machine may be busy: a lazily loaded page gets time to arrive */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 })

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-bureau-'))
  web = await startWeb({ DUBAN_DATA_DIR: dataDir, DUBAN_DEMO: '0', DUBAN_TODAY: '2021-07-20', DUBAN_RENDERER_DIR: inject('rendererDir') })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  web?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Every new page at both sizes the office uses. */
async function shots(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-1440`)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
}

/** A person with a one-time password signs in, is sent to 修改密码, and sets their own. */
async function firstSignIn(username: string): Promise<Page> {
  const page = await newPage(browser, web.url)
  await signIn(page, username, passwords.get(username)!)
  await page.waitForURL(/#\/password/)
  await poll(() => page.locator('[data-test=password-forced]').count()).toBe(1)
  // nothing else opens until the password is changed
  await page.goto('/#/tasks')
  await page.waitForURL(/#\/password/)
  await page.fill('input[name=oldPassword]', passwords.get(username)!)
  await page.fill('input[name=newPassword]', 'Wuxi2021new')
  await page.fill('input[name=newPassword2]', 'Wuxi2021new')
  await page.click('[data-test=password-submit]')
  await page.waitForURL(/#\/home/)
  await poll(() => page.locator('[data-test=bureau-name]').innerText()).toBe(BUREAU)
  return page
}

async function rosterFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('人员名册')
  sheet.addRow(['姓名', '用户名', '角色', '处室', '分管处室', '手机'])
  sheet.addRow(['周敏', 'office', '办公室', '办公室', '', '13800000001'])
  sheet.addRow(['张强', 'scjg', '处室负责人', '市场监管处', '', '13800000002'])
  sheet.addRow(['李娜', 'pbfw', '处室负责人', '综合业务处', '', ''])
  sheet.addRow(['刘伟', 'fujuzhang', '局领导', '', '市场监管处、普遍服务处', ''])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('a bureau sets itself up from an empty install', () => {
  let admin: Page

  it('1. the administrator fills in 本局信息 for Wuxi, and the header says so', async () => {
    admin = await newPage(browser, web.url)
    await admin.goto('/')
    await admin.waitForURL(/#\/setup/)
    await admin.fill('input[name=username]', 'root')
    await admin.fill('input[name=displayName]', '系统管理员')
    await admin.fill('input[name=password]', 'Wuxi-admin-2021')
    await admin.fill('input[name=password2]', 'Wuxi-admin-2021')
    await admin.click('button[type=submit]')
    await admin.waitForURL(/#\/plan/)
    expect(await admin.locator('[data-test=bureau-name]').innerText()).toBe('邮政管理局')
    expect(await admin.locator('body').innerText()).not.toContain('苏州')

    await admin.goto('/#/home')
    await poll(() => admin.locator('[data-test=onboarding-bureau]').getAttribute('data-done')).toBe('false')
    await shots(admin, 'bureau-onboarding-empty')

    await admin.getByRole('menuitem', { name: '本局信息' }).click()
    await admin.waitForURL(/#\/settings\/bureau/)
    await admin.fill('input[name=name]', BUREAU)
    await admin.fill('input[name=shortName]', '无锡邮管局')
    await admin.fill('input[name=noticePrefix]', '锡邮督办')
    await admin.fill('input[name=bulletinPrefix]', '锡邮管督')
    await admin.click('[data-test=bureau-save]')
    await poll(() => admin.locator('[data-test=bureau-name]').innerText()).toBe(BUREAU)
    await admin.locator('[data-test=calendar-file]').setInputFiles({
      name: '2021.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2021-10-01,holiday,国庆节\n2021-10-04,holiday,国庆节\n2021-10-09,workday,调休\n'),
    })
    await poll(() => admin.locator('[data-test=calendar-table] tbody tr').count()).toBe(3)
    await shots(admin, 'bureau-settings')
  })

  it('2. the administrator creates divisions and imports a roster with one bad row, shown and fixed', async () => {
    await admin.getByRole('menuitem', { name: '单位管理' }).click()
    await poll(() => admin.locator('[data-test=units-empty]').count()).toBe(1)
    await shots(admin, 'bureau-units-empty')
    for (const name of ['办公室', '市场监管处', '普遍服务处']) {
      await admin.click('[data-test=unit-add]')
      const dialog = admin.locator('.el-dialog', { hasText: '新增单位' })
      await dialog.locator('input[name=unitName]').fill(name)
      await dialog.locator('[data-test=unit-save]').click()
      await poll(() => admin.locator('[data-test=units-table]').innerText()).toContain(name)
    }
    await shots(admin, 'bureau-units')

    await admin.getByRole('menuitem', { name: '人员管理' }).click()
    await poll(() => admin.locator('[data-test=people-empty]').count()).toBe(1)
    await admin.click('[data-test=roster-open]')
    await admin.locator('[data-test=roster-file]').setInputFiles({
      name: '人员名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterFile(),
    })
    await poll(() => admin.locator('[data-test=roster-summary]').innerText()).toContain('1行有误')
    expect(await admin.locator('[data-test=roster-row-error]').allInnerTexts()).toEqual(['处室“综合业务处”不存在，请先在“单位管理”中添加'])
    expect(await admin.locator('[data-test=roster-confirm]').isDisabled()).toBe(true)
    await shots(admin, 'bureau-roster-error')

    await admin.locator('input[data-test=roster-unit]').nth(2).fill('普遍服务处')
    await admin.click('[data-test=roster-recheck]')
    await poll(() => admin.locator('[data-test=roster-summary]').innerText()).toBe('新增4人，更新0人，不变0人')
    await admin.click('[data-test=roster-confirm]')
    await poll(() => admin.locator('[data-test=roster-done]').innerText()).toContain('新增4人')
    const rows = admin.locator('[data-test=one-time-passwords] tbody tr')
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('td').allInnerTexts()
      passwords.set(cells[1].trim(), cells[2].trim())
    }
    expect([...passwords.keys()]).toEqual(['office', 'scjg', 'pbfw', 'fujuzhang'])
    await shots(admin, 'bureau-roster-done')
    await admin.click('[data-test=roster-close]')
    await poll(() => admin.locator('[data-test=people-table] tbody tr').count()).toBe(5)
    expect(await admin.locator('[data-test=people-table]').innerText()).toContain('市场监管处、普遍服务处')
    await shots(admin, 'bureau-people')
  })

  it('3. the office signs in, changes the one-time password, imports the plan and assigns the tasks', async () => {
    const office = await firstSignIn('office')
    await office.goto('/#/import')
    await office.locator('[data-test=file-input]').setInputFiles(resolve('tests/fixtures/small-plan.txt'))
    await office.locator('[data-test=draft-task]').first().waitFor()
    await poll(() => office.locator('[data-test=unknown-unit]').count()).toBe(0)
    await office.locator('[data-test=import-commit]').click()
    await poll(() => office.locator('[data-test=done-summary]').innerText()).toBe('共导入 4 项工作任务')

    await office.goto('/#/tasks')
    await poll(() => office.locator('[data-test=task-row]').count()).toBe(4)
    await office.locator('[data-test=tick-all]').click()
    await office.locator('[data-test=bulk-edit]').click()
    const dialog = office.locator('.el-dialog', { hasText: '批量设置' })
    await dialog.locator('[data-test=bulk-change-leader]').click()
    await dialog.locator('[data-test=bulk-leader]').click()
    await office.locator('.el-select-dropdown__item:visible', { hasText: '刘伟' }).click()
    await dialog.locator('[data-test=bulk-change-template]').click()
    await dialog.locator('[data-test=bulk-template]').getByText('按季度').click()
    await dialog.locator('[data-test=bulk-submit]').click()
    await poll(() => dialog.isVisible()).toBe(false)

    await office.goto('/#/home')
    for (const step of ['bureau', 'units', 'people', 'plan', 'assignment']) {
      await poll(() => office.locator(`[data-test=onboarding-${step}]`).getAttribute('data-done')).toBe('true')
    }
    expect(await office.locator('[data-test=onboarding-firstReport]').getAttribute('data-done')).toBe('false')
    await shots(office, 'bureau-onboarding-office')

    // 6. documents carry the new bureau's name and number prefix
    const bulletin = await office.evaluate(async () => {
      const res = await fetch('/api/exports.bulletinHtml', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('duban.token') },
        body: JSON.stringify({ period: '2021-07' }),
      })
      return (await res.json()) as { ok: boolean; data: { html: string } }
    })
    expect(bulletin.ok).toBe(true)
    expect(bulletin.data.html).toContain(`${BUREAU}督查通报`)
    expect(bulletin.data.html).toContain('锡邮管督〔2021〕1号')
    await office.context().close()
  })

  it('4. the division head signs in and sees exactly their division’s tasks', async () => {
    const head = await firstSignIn('scjg')
    await head.goto('/#/tasks')
    await poll(() => head.locator('[data-test=task-row]').count()).toBe(3)
    const text = await head.locator('[data-test=task-row]').allInnerTexts()
    expect(text.join('\n')).not.toContain('建设智能快件箱')
    for (const t of ['开展寄递渠道安全专项检查', '推进快递进村工程', '新增快递末端综合服务站']) expect(text.join('\n')).toContain(t)
    await head.context().close()
  })

  it('5. a leader sees the divisions in their charge', async () => {
    const leader = await firstSignIn('fujuzhang')
    await poll(() => leader.locator('[data-test=in-charge-unit]').allInnerTexts()).toEqual([
      expect.stringContaining('市场监管处'),
      expect.stringContaining('普遍服务处'),
    ])
    await poll(() => leader.locator('[data-test=in-charge] [data-test=home-task]').count()).toBe(4)
    await shots(leader, 'bureau-leader-home')

    await leader.locator('[data-test=user-name]').click()
    await leader.getByRole('menuitem', { name: '修改密码' }).click()
    await leader.waitForURL(/#\/password/)
    expect(await leader.locator('[data-test=password-forced]').count()).toBe(0)
    await shots(leader, 'bureau-password')
    await leader.context().close()
  })

  it('6. the login page and every header carry the new bureau’s name, nowhere Suzhou', async () => {
    const page = await newPage(browser, web.url)
    await page.goto('/#/login')
    await poll(() => page.locator('.login__bureau').innerText()).toBe(BUREAU)
    await shots(page, 'bureau-login')
    await signIn(page, 'scjg', 'Wuxi2021new')
    await page.waitForURL(/#\/home/)
    expect(await page.locator('[data-test=bureau-name]').innerText()).toBe(BUREAU)
    // the plan itself is a Suzhou document; the app's own name for the bureau is Wuxi's
    expect(readFileSync(resolve('tests/fixtures/small-plan.txt'), 'utf8')).toContain('苏州市邮政管理局')
    expect(await page.locator('.layout__brand').innerText()).not.toContain('苏州')
    await page.context().close()
  })
})
