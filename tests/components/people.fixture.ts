import type { Output } from '../../electron/contract'

type User = Output<'users.list'>[number]
type Unit = Output<'units.list'>[number]

export const adminUser: User = {
  id: 1,
  username: 'root',
  displayName: '系统管理员',
  role: 'admin',
  roleLabel: '系统管理员',
  unitId: null,
  unitName: null,
  phone: null,
  active: true,
  mustChangePassword: false,
  lastLoginAt: '2021-07-19T01:05:00Z',
  leaderUnits: [],
}

/** A person as the contract shows them: only what a test cares about is given, the rest as a new account has it. */
export const person = (fields: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'roleLabel'> & Partial<User>): User => ({
  unitId: null,
  unitName: null,
  phone: null,
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  leaderUnits: [],
  ...fields,
})

export const leaderUser: User = {
  ...adminUser,
  id: 4,
  username: 'fujuzhang',
  displayName: '刘伟',
  role: 'leader',
  roleLabel: '局领导',
  lastLoginAt: null,
  mustChangePassword: true,
  leaderUnits: [
    { id: 2, name: '市场监管处' },
    { id: 3, name: '普遍服务处' },
  ],
}

export const unit = (id: number, name: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  kind: 'division',
  kindLabel: '处室',
  shortName: null,
  aliases: [],
  sort: id,
  active: true,
  leaders: [],
  userCount: 0,
  leadTaskCount: 0,
  ...extra,
})

export const bureau: Output<'settings.bureau'> = {
  name: '',
  shortName: '',
  noticePrefix: '督办',
  bulletinPrefix: '',
  reportingDay: 25,
  timeZone: 'Asia/Shanghai',
}

export const onboarding: Output<'settings.onboarding'> = {
  complete: false,
  steps: [
    { key: 'bureau', title: '填写本局信息', detail: '本局名称：无锡市邮政管理局', by: '系统管理员', done: true, path: '/settings/bureau' },
    { key: 'units', title: '建立单位', detail: '添加本局各处室', by: '系统管理员', done: false, path: '/settings/units' },
    { key: 'people', title: '添加人员', detail: '逐个添加或导入', by: '系统管理员', done: false, path: '/settings/people' },
    { key: 'plan', title: '导入工作要点', detail: '导入', by: '办公室', done: false, path: '/import' },
    { key: 'assignment', title: '分工与进度节点', detail: '分工', by: '办公室', done: false, path: '/tasks' },
    { key: 'firstReport', title: '首次报送', detail: '报送', by: '各处室', done: false, path: '/supervision' },
  ],
}

type RosterResult = Output<'users.importRoster'>
const row = (line: number, r: Partial<RosterResult['rows'][number]>): RosterResult['rows'][number] => ({
  line,
  displayName: '张强',
  username: 'scjg',
  roleLabel: '处室负责人',
  unitName: '市场监管处',
  leaderUnitNames: '',
  phone: '',
  action: 'create',
  errors: [],
  ...r,
})

export const rosterWithError: RosterResult = {
  rows: [
    row(2, {}),
    row(3, { displayName: '李娜', username: 'pbfw', unitName: '综合业务处', errors: ['处室“综合业务处”不存在，请先在“单位管理”中添加'] }),
  ],
  errorCount: 1,
  counts: { create: 2, update: 0, unchanged: 0 },
  created: [],
  passwordsFile: null,
}

export const rosterFixed: RosterResult = {
  ...rosterWithError,
  rows: rosterWithError.rows.map((r) => ({ ...r, unitName: r.line === 3 ? '普遍服务处' : r.unitName, errors: [] })),
  errorCount: 0,
}

export const rosterDone: RosterResult = {
  ...rosterFixed,
  created: [
    { username: 'scjg', displayName: '张强', oneTimePassword: 'abc23def45' },
    { username: 'pbfw', displayName: '李娜', oneTimePassword: 'xyz67uvw89' },
  ],
  passwordsFile: { fileName: '无锡市邮政管理局新增人员初始密码.xlsx', contentBase64: 'AA==' },
}
