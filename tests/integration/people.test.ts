import { afterEach, describe, expect, it } from 'vitest'
import { LOCAL_CALLER } from '../../electron/core/security/caller'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openCore, type CoreApp } from '../../electron/core/app'
import { dispatch } from '../../electron/contract/dispatch'
import type { Method, Output } from '../../electron/contract'
import { demoCore, movableClock, type TestCore } from './helpers'
import { mergeUnits } from '../../electron/core/units/admin'
import { listTasks } from '../../electron/core/tasks/service'
import { listPlans } from '../../electron/core/plans/service'
import { issueNotice, listNotices } from '../../electron/core/reminders/service'
import { escalateDue } from '../../electron/core/reminders/escalation'

let core: CoreApp | null = null
let demo: TestCore | null = null
let dir = ''
afterEach(async () => {
  await core?.close()
  core = null
  if (dir) rmSync(dir, { recursive: true, force: true })
  await demo?.cleanup()
  demo = null
})

/** A fresh, empty install with its first administrator signed in over the contract. */
async function emptyInstall() {
  dir = mkdtempSync(join(tmpdir(), 'duban-people-'))
  const clock = movableClock('2021-09-28T09:00:00+08:00')
  core = await openCore({ dataDir: dir, clock })
  const c = core
  const setup = await dispatch(
    c,
    'auth.setupAdmin',
    { username: 'root', displayName: '管理员', password: 'root-secret-1' },
    null,
    LOCAL_CALLER,
  )
  expect(setup.ok).toBe(true)
  const call = async <M extends Method>(method: M, input: unknown, token: string | null): Promise<Output<M>> => {
    const res = await dispatch(c, method, input, token, LOCAL_CALLER)
    if (!res.ok) throw Object.assign(new Error(res.error.message), res.error)
    return res.data as Output<M>
  }
  const login = async (username: string, password: string) => (await call('auth.login', { username, password }, null)).token
  const admin = await login('root', 'root-secret-1')
  return { c, clock, call, login, admin, raw: (m: string, i: unknown, t: string | null) => dispatch(c, m, i, t, LOCAL_CALLER) }
}

describe('本局信息', () => {
  it('stores the bureau, shows it before sign-in, and never says Suzhou unless told', async () => {
    const { call, admin } = await emptyInstall()
    expect(await call('settings.branding', {}, null)).toEqual({ name: '邮政管理局', shortName: '邮政管理局' })
    const before = await call('settings.bureau', {}, admin)
    expect(before).toMatchObject({ name: '', noticePrefix: '督办', reportingDay: 25, timeZone: 'Asia/Shanghai' })
    const saved = await call(
      'settings.setBureau',
      {
        name: '无锡市邮政管理局',
        shortName: '无锡邮管局',
        noticePrefix: '锡邮督办',
        bulletinPrefix: '锡邮管督',
        reportingDay: 20,
        timeZone: 'Asia/Shanghai',
      },
      admin,
    )
    expect(saved).toMatchObject({ name: '无锡市邮政管理局', reportingDay: 20 })
    expect(await call('settings.branding', {}, null)).toEqual({ name: '无锡市邮政管理局', shortName: '无锡邮管局' })
  })

  it('refuses an unknown time zone and a reporting day outside the month, in Chinese', async () => {
    const { raw, admin } = await emptyInstall()
    const base = {
      name: '无锡市邮政管理局',
      shortName: '',
      noticePrefix: '督办',
      bulletinPrefix: '',
      reportingDay: 20,
      timeZone: 'Asia/Shanghai',
    }
    expect(await raw('settings.setBureau', { ...base, timeZone: 'Mars/Olympus' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('时区无法识别') },
    })
    expect(await raw('settings.setBureau', { ...base, reportingDay: 32 }, admin)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('报送日应在1到31之间') },
    })
  })

  it('imports a year’s working calendar and moves a reporting deadline off a holiday', async () => {
    const { call, admin, clock, login } = await emptyInstall()
    const bad = await dispatch(core!, 'settings.importCalendar', { text: '2021-10-01,holiday,国庆节\n2021-13-01,holiday,不存在' }, admin)
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('第2行') } })
    expect(await call('settings.calendar', { year: 2021 }, admin)).toEqual([])
    const text = ['2021-10-01,holiday,国庆节', '2021-10-04,holiday,国庆节', '2021-10-09,workday,调休'].join('\n')
    expect(await call('settings.importCalendar', { text }, admin)).toEqual({ years: [2021], holidays: 2, workdays: 1 })
    await call(
      'settings.setBureau',
      { name: '无锡市邮政管理局', shortName: '', noticePrefix: '督办', bulletinPrefix: '', reportingDay: 1, timeZone: 'Asia/Shanghai' },
      admin,
    )
    clock.set('2021-10-02T09:00:00+08:00')
    // 10月1日 is a holiday; 2日, 3日 a weekend; 4日 a holiday again: due on the 5th.
    const due = await call('reminders.notReported', { period: '2021-10' }, await login('root', 'root-secret-1'))
    expect(due).toMatchObject({ dueOn: '2021-10-05', late: false })
  })
})

describe('units', () => {
  it('creates, renames (keeping the old name as an alias) and retires a unit, auditing each change', async () => {
    const { call, admin, c } = await emptyInstall()
    const unit = await call('units.create', { name: '市场处', kind: 'division', aliases: ['市场'] }, admin)
    expect(unit).toMatchObject({ name: '市场处', kindLabel: '处室', aliases: ['市场'], active: true })
    const renamed = await call('units.update', { unitId: unit.id, name: '市场监管处', shortName: '市场' }, admin)
    expect(renamed.aliases.sort()).toEqual(['市场', '市场处'].sort())
    const retired = await call('units.update', { unitId: unit.id, active: false }, admin)
    expect(retired.active).toBe(false)
    const audit = await c.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'unit').orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'unit.update', 'unit.deactivate'])
    const clash = await dispatch(c, 'units.create', { name: '另一个', kind: 'division', aliases: ['市场'] }, admin)
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', message: '“市场”已是单位“市场监管处”的别名' } })
  })

  it('merges one unit into another: tasks, reports, notices, inbox, people, leaders and aliases move, in one audited write', async () => {
    demo = await demoCore()
    const admin = await demo.ctxAs('admin')
    const office = await demo.ctxAs('office')
    const db = demo.core.db
    const id = async (name: string) => (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
    const from = await id('普遍服务处')
    const into = await id('市场监管处')
    const planId = (await listPlans(office))[0].id
    const tasksOf = async (unitId: number) => (await listTasks(office, { planId, unitId })).map((r) => r.id)
    const expected = new Set([...(await tasksOf(from)), ...(await tasksOf(into))])
    const countWhere = async (table: 'reports' | 'notices' | 'users', col: 'unit_id', unitId: number) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(col, '=', unitId)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const reportsBefore = (await countWhere('reports', 'unit_id', from)) + (await countWhere('reports', 'unit_id', into))
    expect(await countWhere('reports', 'unit_id', from)).toBeGreaterThan(0)
    await db
      .insertInto('inbox_items')
      .values({ recipient_unit_id: from, kind: 'reminder', title: '催办', body: '', created_at: '2021-07-20' })
      .execute()

    const result = await mergeUnits(admin, { fromUnitId: from, intoUnitId: into })
    expect(result.moved.reports).toBeGreaterThan(0)
    expect(new Set(await tasksOf(into))).toEqual(expected)
    expect(await countWhere('reports', 'unit_id', into)).toBe(reportsBefore)
    for (const table of ['reports', 'notices', 'users'] as const) expect(await countWhere(table, 'unit_id', from)).toBe(0)
    expect(await db.selectFrom('task_units').select('task_id').where('unit_id', '=', from).execute()).toEqual([])
    expect(await db.selectFrom('inbox_items').select('id').where('recipient_unit_id', '=', from).execute()).toEqual([])
    expect((await db.selectFrom('users').select('unit_id').where('username', '=', 'pbfw').executeTakeFirstOrThrow()).unit_id).toBe(into)
    expect(result.unit.aliases).toContain('普遍服务处')
    expect(await db.selectFrom('units').select('id').where('id', '=', from).execute()).toEqual([])
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.merge').executeTakeFirstOrThrow()
    expect(JSON.parse(entry.before_json!)).toMatchObject({ from: { name: '普遍服务处' }, into: { name: '市场监管处' } })
    expect(entry.actor_id).toBe(admin.actor!.id)
  })

  it('refuses a merge, changing nothing, when both units reported on the same task and period', async () => {
    demo = await demoCore()
    const admin = await demo.ctxAs('admin')
    const db = demo.core.db
    const [a, b] = await db.selectFrom('reports').select(['task_id', 'unit_id', 'period']).limit(2).execute()
    const other =
      a.unit_id === b.unit_id
        ? (await db.selectFrom('units').select('id').where('id', '!=', a.unit_id).executeTakeFirstOrThrow()).id
        : b.unit_id
    await db
      .insertInto('reports')
      .values({
        ...a,
        unit_id: other,
        percent: 10,
        progress: '',
        problems: '',
        next_steps: '',
        status: 'draft',
        is_final: 0,
        version: 1,
        created_by: 1,
        created_at: '',
        updated_at: '',
      })
      .execute()
    await expect(mergeUnits(admin, { fromUnitId: a.unit_id, intoUnitId: other })).rejects.toMatchObject({
      code: 'conflict',
      // the task is named by its code (要点3, 民生5-2), never by a bare 第n项
      message: expect.stringMatching(/都报送了(重点|要点|民生)\d+(-\d+)?任务.*无法自动合并/),
    })
    expect(await db.selectFrom('units').select('id').where('id', '=', a.unit_id).execute()).toHaveLength(1)
  })
})

describe('people', () => {
  it('a new person gets a one-time password and may do nothing but change it; a wrong old password is refused', async () => {
    const { call, raw, admin, login, c } = await emptyInstall()
    const unit = await call('units.create', { name: '办公室', kind: 'division' }, admin)
    const made = await call(
      'users.create',
      { username: 'zhou', displayName: '周敏', role: 'office', unitId: unit.id, phone: '13800000000' },
      admin,
    )
    expect(made.oneTimePassword).toMatch(/^(?=.*\d)(?=.*[A-Za-z]).{10}$/)
    expect(made.user).toMatchObject({ mustChangePassword: true, phone: '13800000000' })
    const audit = await c.db.selectFrom('audit_log').select(['after_json']).where('entity', '=', 'user').execute()
    for (const a of audit) expect(a.after_json ?? '').not.toContain(made.oneTimePassword)

    const session = await call('auth.login', { username: 'zhou', password: made.oneTimePassword }, null)
    expect(session.mustChangePassword).toBe(true)
    expect(await raw('plans.list', {}, session.token)).toMatchObject({
      ok: false,
      error: { code: 'password_change_required', message: expect.stringContaining('请先修改密码') },
    })
    expect(await raw('auth.me', {}, session.token)).toMatchObject({ ok: true })
    expect(await raw('auth.changePassword', { oldPassword: 'not-it-123', newPassword: 'NewSecret2021' }, session.token)).toMatchObject({
      ok: false,
      error: { code: 'wrong_password', message: '原密码不正确' },
    })
    expect(
      await raw('auth.changePassword', { oldPassword: made.oneTimePassword, newPassword: 'onlyletters' }, session.token),
    ).toMatchObject({
      ok: false,
      error: { message: '密码至少8位，须同时包含字母和数字，且不能与用户名相同' },
    })
    const changed = await call('auth.changePassword', { oldPassword: made.oneTimePassword, newPassword: 'NewSecret2021' }, session.token)
    expect(changed.mustChangePassword).toBe(false)
    expect(await raw('plans.list', {}, session.token)).toMatchObject({ ok: true })
    await expect(login('zhou', made.oneTimePassword)).rejects.toMatchObject({ code: 'bad_credentials' })
    const again = await call('auth.login', { username: 'zhou', password: 'NewSecret2021' }, null)
    expect(again.previousLoginAt).toBeTruthy()
  })

  it('a reset forces a change at next sign-in and ends the open sessions', async () => {
    const { call, raw, admin, login } = await emptyInstall()
    const made = await call('users.create', { username: 'lingdao', displayName: '陈局长', role: 'leader', unitId: null }, admin)
    const first = await login('lingdao', made.oneTimePassword)
    await call('auth.changePassword', { oldPassword: made.oneTimePassword, newPassword: 'Leader2021x' }, first)
    const reset = await call('users.resetPassword', { userId: made.user.id }, admin)
    expect(reset.oneTimePassword).not.toBe(made.oneTimePassword)
    expect(await raw('auth.me', {}, first)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    await expect(login('lingdao', 'Leader2021x')).rejects.toMatchObject({ code: 'bad_credentials' })
    const next = await call('auth.login', { username: 'lingdao', password: reset.oneTimePassword }, null)
    expect(next.mustChangePassword).toBe(true)
    expect(await raw('home.summary', {}, next.token)).toMatchObject({ ok: false, error: { code: 'password_change_required' } })
  })

  it('deactivation refuses sign-in and ends every open session at once; the person stays', async () => {
    const { call, raw, admin, login, c } = await emptyInstall()
    const made = await call('users.create', { username: 'lingdao', displayName: '陈局长', role: 'leader', unitId: null }, admin)
    const a = await login('lingdao', made.oneTimePassword)
    const b = await login('lingdao', made.oneTimePassword)
    await call('users.setActive', { userId: made.user.id, active: false }, admin)
    for (const t of [a, b]) expect(await raw('auth.me', {}, t)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    await expect(login('lingdao', made.oneTimePassword)).rejects.toMatchObject({ message: '该账号已停用，请联系系统管理员' })
    expect(await c.db.selectFrom('sessions').select('token_hash').where('user_id', '=', made.user.id).execute()).toEqual([])
    expect((await call('users.list', {}, admin)).find((u) => u.id === made.user.id)).toMatchObject({ active: false })
    expect(await raw('users.setActive', { userId: 1, active: false }, admin)).toMatchObject({
      ok: false,
      error: { message: '不能停用自己的账号' },
    })
  })

  it('maps a leader to the divisions in charge, and escalates a notice on a task with no leader to that leader', async () => {
    demo = await demoCore()
    const admin = await demo.ctxAs('admin')
    const office = await demo.ctxAs('office')
    const db = demo.core.db
    const pbfw = (await db.selectFrom('units').select('id').where('name', '=', '普遍服务处').executeTakeFirstOrThrow()).id
    const { updatePerson } = await import('../../electron/core/users/admin')
    const juzhang = (await db.selectFrom('users').select('id').where('username', '=', 'juzhang').executeTakeFirstOrThrow()).id
    const updated = await updatePerson(admin, { userId: juzhang, leaderUnitIds: [pbfw] })
    await db.deleteFrom('leader_units').where('unit_id', '=', pbfw).where('leader_id', '!=', juzhang).execute()
    expect(updated.leaderUnits.map((u) => u.name)).toEqual(['普遍服务处'])
    const planId = (await listPlans(office))[0].id
    const behind = (await listTasks(office, { planId, unitId: pbfw, unitRole: 'lead' })).find(
      (r) => (r.status === 'overdue' || r.status === 'behind') && r.leads[0].id === pbfw,
    )!
    expect(behind).toBeDefined()
    await db.updateTable('tasks').set({ leader_id: null }).where('id', '=', behind.id).execute()
    const notice = await issueNotice(office, {
      taskId: behind.id,
      issue: '进度滞后',
      requiredReply: '说明原因',
      replyDeadline: '2021-07-23',
    })
    demo.clock.set('2021-07-26T09:00:00+08:00')
    expect((await escalateDue(office)).escalated).toContain(notice.id)
    const [raised] = await listNotices(office, { ids: [notice.id] })
    expect(raised.escalatedTo).toBe('陈建国（局长）')
  })

  it('numbers a 督办单 with the bureau’s prefix and moves its reply deadline off a holiday', async () => {
    demo = await demoCore()
    const admin = await demo.ctxAs('admin')
    const office = await demo.ctxAs('office')
    const { setBureau, bureauSettings } = await import('../../electron/core/settings/bureau')
    const { importCalendar } = await import('../../electron/core/calendar/service')
    await setBureau(admin, { ...(await bureauSettings(admin)), noticePrefix: '锡邮督办' })
    await importCalendar(admin, { text: '2021-07-23,holiday,测试假日' })
    const planId = (await listPlans(office))[0].id
    const late = (await listTasks(office, { planId })).find((r) => r.status === 'overdue' || r.status === 'behind')!
    const notice = await issueNotice(office, { taskId: late.id, issue: '进度滞后', requiredReply: '说明原因', replyDeadline: '2021-07-23' })
    expect(notice.number).toMatch(/^锡邮督办〔2021〕\d+号$/)
    expect(notice.replyDeadline).toBe('2021-07-26')
  })

  it('imports a roster: preview names each bad row in Chinese, a confirm with errors writes nothing, a fixed roster writes all in one go', async () => {
    const { call, raw, admin, c } = await emptyInstall()
    await call('units.create', { name: '办公室', kind: 'division' }, admin)
    await call('units.create', { name: '市场监管处', kind: 'division', aliases: ['市场处'] }, admin)
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('名册')
    sheet.addRow(['姓名', '用户名', '角色', '处室', '分管处室', '手机'])
    sheet.addRow(['周敏', 'office', '办公室', '办公室', '', '13800000001'])
    sheet.addRow(['陈建国', 'juzhang', '局领导', '', '办公室、市场处', ''])
    sheet.addRow(['张强', 'scjg', '处室负责人', '市场督查处', '', '138'])
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const preview = await call('users.importRoster', { fileBase64, confirm: false }, admin)
    expect(preview.errorCount).toBe(1)
    expect(preview.rows[2]).toMatchObject({ line: 4, errors: ['处室“市场督查处”不存在，请先在“单位管理”中添加', '手机号“138”格式不正确'] })
    expect(await raw('users.importRoster', { fileBase64, confirm: true }, admin)).toMatchObject({
      ok: false,
      error: { message: '名册中有1行有误，未导入任何人员，请修改后重新检查' },
    })
    expect(await c.db.selectFrom('users').select('id').execute()).toHaveLength(1)

    const rows = preview.rows.map((r) => (r.line === 4 ? { ...r, unitName: '市场监管处', phone: '13800000003' } : r))
    const done = await call('users.importRoster', { rows, confirm: true }, admin)
    expect(done.counts).toEqual({ create: 3, update: 0, unchanged: 0 })
    expect(done.created.map((x) => x.username)).toEqual(['office', 'juzhang', 'scjg'])
    expect(done.passwordsFile?.fileName).toBe('邮政管理局新增人员初始密码.xlsx')
    const leader = (await call('users.list', {}, admin)).find((u) => u.username === 'juzhang')!
    expect(leader.leaderUnits.map((u) => u.name)).toEqual(['办公室', '市场监管处'])

    const exported = await call('users.exportRoster', {}, admin)
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer)
    const values = back.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1))
    expect(values[0]).toEqual(['姓名', '用户名', '角色', '处室', '分管处室', '手机'])
    expect(values).toContainEqual(['陈建国', 'juzhang', '局领导', '', '办公室、市场监管处', ''])
    // printed like the other workbooks: A4, the header row on every page and frozen, rows sized to their text
    const printed = back.worksheets[0]
    expect(printed.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' })
    expect(printed.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(printed.getRow(2).height).toBeGreaterThanOrEqual(15)
    // the same roster again changes nothing
    const again = await call('users.importRoster', { fileBase64: exported.contentBase64, confirm: false }, admin)
    expect(again.counts).toMatchObject({ create: 0, update: 0 })
  })

  it('the onboarding checklist follows what has been done', async () => {
    const { call, admin } = await emptyInstall()
    const steps = async () => Object.fromEntries((await call('settings.onboarding', {}, admin)).steps.map((s) => [s.key, s.done]))
    expect(await steps()).toEqual({ bureau: false, units: false, people: false, plan: false, assignment: false, firstReport: false })
    await call(
      'settings.setBureau',
      { name: '无锡市邮政管理局', shortName: '', noticePrefix: '督办', bulletinPrefix: '', reportingDay: 25, timeZone: 'Asia/Shanghai' },
      admin,
    )
    const unit = await call('units.create', { name: '办公室', kind: 'division' }, admin)
    await call('users.create', { username: 'zhou', displayName: '周敏', role: 'office', unitId: unit.id }, admin)
    expect(await steps()).toMatchObject({ bureau: true, units: true, people: true, plan: false })
  })
})
