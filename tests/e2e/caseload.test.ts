import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, signIn } from './browser'

const baseUrl = inject('baseUrl')
const MATTER = '落实局长批示：开展寄递渠道安全隐患专项排查，形成整改清单。'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const loginAs = (username: string): Promise<Page> => signIn(browser, baseUrl, username)

async function settled(page: Page, selector: string) {
  await expect.poll(() => page.locator(selector).evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0)
}

async function pick(page: Page, select: string, option: string) {
  // another select's dropdown still closing would take the click meant for this one
  await expect.poll(() => page.locator('.el-select__popper:visible').count()).toBe(0)
  await page.locator(select).click()
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first()
  await expect.poll(() => item.count()).toBe(1)
  await item.click()
}

/** The same page at the two desk sizes the bureau uses. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-1440`)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, `${name}-1920`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

let office: Page
let unit: Page
let matterNo = ''

describe('a leader’s 批示件 from 立项 through 签收 to an approved 延期', () => {
  it('the office registers the 批示件 as a numbered matter with a due date in working days', async () => {
    office = await loginAs('office')
    await office.goto('/#/matters')
    await office.locator('[data-test=matter-new]').click()
    const dialog = office.locator('[data-test=matter-create]')
    await settled(office, '.el-dialog')
    await expect.poll(() => dialog.locator('[data-test=matter-number]').innerText()).toBe('批〔2021〕1号')
    await dialog.locator('[data-test=matter-source-title]').fill('关于加强寄递渠道安全管理的批示')
    await pick(office, '[data-test=matter-instructed-by]', '陈建国（局长）')
    await pick(office, '[data-test=matter-leader]', '陈建国（局长）')
    await expect.poll(() => dialog.locator('[data-test=matter-due]').innerText()).toBe('2021年8月10日') // 一般件：15个工作日
    await dialog.locator('[data-test=matter-text]').fill(MATTER)
    await pick(office, '[data-test=matter-leads]', '市场监管处')
    await dialog.locator('.el-dialog__title').click() // closes the units' dropdown
    await expect.poll(() => office.locator('.el-select__popper:visible').count()).toBe(0)
    await dialog.locator('[data-test=matter-milestone-add]').click()
    const day = dialog.locator('[data-test=matter-milestone] .el-date-editor input')
    await day.click()
    await day.fill('2021年7月30日')
    await day.press('Enter')
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-test=matter-milestone-evidence]').fill('排查工作部署会议纪要')
    await dialog.locator('[data-test=matter-evidence]').fill('整改清单及现场照片')
    await dialog.locator('.el-dialog__title').click()
    await shots(office, 'caseload-create-dialog')
    await dialog.locator('[data-test=matter-submit]').click()
    await expect.poll(() => office.locator('.el-message').last().innerText()).toContain('已登记：批〔2021〕1号')
    matterNo = '批〔2021〕1号'
    await expect.poll(() => office.locator('[data-test=unsigned-list] .el-table__row', { hasText: matterNo }).count()).toBe(1)
  })

  it('the lead unit finds it in its inbox and signs for it', async () => {
    unit = await loginAs('scjg')
    await unit.goto('/#/inbox?kind=assignment')
    const item = unit.locator('[data-test=inbox-item]', { hasText: matterNo })
    await expect.poll(() => item.count()).toBe(1)
    await item.click()
    const section = unit.locator('.inbox__detail [data-test=caseload]')
    await expect.poll(() => section.locator('[data-test=caseload-source]').innerText()).toContain('领导批示件')
    await shots(unit, 'caseload-inbox-sign')
    await section.locator('[data-test=acknowledge]').click()
    await expect.poll(() => section.locator('[data-test=caseload-sign]').innerText()).toContain('已签收')
  })

  it('the unit asks for 延期 before the due date', async () => {
    await unit.locator('[data-test=inbox-open-task]').click()
    const drawer = unit.locator('.task-drawer')
    await expect.poll(() => drawer.locator('[data-test=caseload-number]').innerText()).toContain(matterNo)
    await drawer.locator('[data-test=request-extension]').click()
    const dialog = unit.locator('[data-test=extension-dialog]')
    await settled(unit, '.el-dialog')
    const date = dialog.locator('.el-date-editor input')
    await date.click()
    await date.fill('2021年9月30日')
    await date.press('Enter')
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-test=extension-reason]').fill('需等待省局统一部署后开展联合排查。')
    await shots(unit, 'caseload-extension-dialog')
    await dialog.locator('[data-test=extension-submit]').click()
    await expect.poll(() => drawer.locator('[data-test=extension-entry]').first().innerText()).toContain('待审批')
  })

  it('the office approves it from its decision list', async () => {
    await office.goto('/#/home')
    await office.goto('/#/matters')
    const row = office.locator('[data-test=extension-pending] .el-table__row', { hasText: matterNo })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('2021年9月30日')
    await shots(office, 'caseload-decisions')
    await row.locator('[data-test=pending-approve]').click()
    await expect.poll(() => office.locator('.el-message').last().innerText()).toContain('已同意延期')
    await expect.poll(() => row.count()).toBe(0)
  })

  it('the task shows the new due date and the request history', async () => {
    const drawer = unit.locator('.task-drawer')
    await unit.reload()
    await expect.poll(() => drawer.locator('[data-test=extension-entry]').first().innerText()).toContain('已同意')
    const entry = await drawer.locator('[data-test=extension-entry]').first().innerText()
    expect(entry).toContain('2021年8月10日 → 2021年9月30日')
    expect(entry).toContain('需等待省局统一部署')
    expect(await drawer.innerText()).toContain('2021年9月30日')
    // each milestone carries the evidence the unit is to show for it, set at 立项
    await expect
      .poll(() => drawer.locator('[data-test=milestone-expected-evidence]').allInnerTexts())
      .toEqual(['应提供：排查工作部署会议纪要', '应提供：整改清单及现场照片'])
    const facts = await drawer.locator('.task-drawer__facts').innerText()
    expect(facts).toContain('2021年9月30日')
    await settled(unit, '.task-drawer')
    await shots(unit, 'caseload-task-drawer')
  })
})

describe('约谈管理', () => {
  const REASON = '市快递协会上半年两项重点工作进度滞后，经督办仍未改进。'
  it('the office lists a 约谈 by hand; the leader in charge records it', async () => {
    await office.goto('/#/interviews')
    await office.locator('[data-test=interview-new]').click()
    const dialog = office.locator('[data-test=interview-dialog]')
    await settled(office, '.el-dialog')
    await pick(office, '[data-test=interview-unit]', '市快递协会')
    await dialog.locator('[data-test=interview-reason-input]').fill(REASON)
    await dialog.locator('[data-test=interview-save]').click()
    const row = office.locator('[data-test=interview-table] .el-table__row', { hasText: REASON })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('待约谈')
    expect(await row.innerText()).toContain('赵磊（市快递协会秘书长）') // the unit head

    const leader = await loginAs('fujuzhang') // in charge of 市快递协会
    await leader.goto('/#/interviews')
    const mine = leader.locator('[data-test=interview-table] .el-table__row', { hasText: REASON })
    await expect.poll(() => mine.count()).toBe(1)
    await mine.locator('[data-test=interview-record]').click()
    const record = leader.locator('[data-test=interview-dialog]')
    await settled(leader, '.el-dialog')
    await record.locator('[data-test=interview-participants]').fill('刘伟（副局长）、赵磊（市快递协会秘书长）')
    await record.locator('[data-test=interview-record-text]').fill('听取市快递协会关于进度滞后原因的汇报。')
    await record.locator('[data-test=interview-requirements]').fill('9月底前完成两项重点工作并书面报告整改情况。')
    await shots(leader, 'caseload-interview-record')
    await record.locator('[data-test=interview-save]').click()
    await expect.poll(() => mine.locator('[data-test=interview-status]').innerText()).toBe('已约谈')
    expect(await mine.innerText()).toContain('9月底前完成两项重点工作')
    await settled(leader, '[data-test=interviews-page]')
    await shots(leader, 'caseload-interviews')
  })

  it('names the tasks of a 约谈 from those the unit leads, each by its code', async () => {
    const reason = '市场监管处两项工作经两次督办仍滞后（约谈涉及任务）。'
    await office.goto('/#/interviews')
    await office.locator('[data-test=interview-new]').click()
    const dialog = office.locator('[data-test=interview-dialog]')
    await settled(office, '.el-dialog')
    await pick(office, '[data-test=interview-unit]', '市场监管处')
    // the unit list may still be fading out; its items are not the task options
    await expect.poll(() => office.locator('.el-select__popper:visible').count()).toBe(0)
    await office.locator('[data-test=interview-tasks]').click()
    const options = office.locator('.interviews__task-options .el-select-dropdown__item:visible')
    await expect.poll(() => options.count()).toBeGreaterThan(0)
    const first = (await options.first().innerText()).trim()
    const code = /(重点|要点|民生)\d+(-\d+)?/.exec(first)?.[0]
    expect(code, first).toBeDefined()
    await options.first().click()
    await dialog.locator('.el-dialog__header').click() // a click outside closes the list, not the dialog
    await expect.poll(() => office.locator('.el-select__popper:visible').count()).toBe(0)
    await dialog.locator('[data-test=interview-reason-input]').fill(reason)
    await shots(office, 'caseload-interview-new')
    await dialog.locator('[data-test=interview-save]').click()
    const row = office.locator('[data-test=interview-table] .el-table__row', { hasText: reason })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain(code!)
  })
})
