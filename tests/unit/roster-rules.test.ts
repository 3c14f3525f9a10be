import { describe, expect, it } from 'vitest'
import { checkRosterRows, roleOfLabel, type RosterRow, type RosterWorld } from '../../electron/core/users/roster-rules'
import { passwordProblem } from '../../electron/core/users/rules'
import { oneTimePassword } from '../../electron/core/users/passwords'

const units = new Map([
  ['办公室', 1],
  ['市场监管处', 2],
  ['市场处', 2],
])
const world: RosterWorld = {
  unitId: (n) => units.get(n) ?? null,
  existing: new Map([['zhou', { id: 5, displayName: '周敏', role: 'office', unitId: 1, phone: null, leaderUnitIds: [] }]]),
  actorUsername: 'root',
}
const row = (r: Partial<RosterRow>): RosterRow => ({
  line: 2,
  displayName: '张强',
  username: 'scjg',
  roleLabel: '处室负责人',
  unitName: '市场监管处',
  leaderUnitNames: '',
  phone: '',
  ...r,
})

describe('roster rows', () => {
  it('reads the Chinese role labels and their usual short forms', () => {
    expect(roleOfLabel('局领导')).toBe('leader')
    expect(roleOfLabel('副局长')).toBe('leader')
    expect(roleOfLabel('处室工作人员')).toBe('unit_staff')
    expect(roleOfLabel('实习生')).toBeNull()
  })

  it('resolves units by name or alias and leaders’ units separated by 、', () => {
    const [r] = checkRosterRows([row({ roleLabel: '局领导', unitName: '', leaderUnitNames: '办公室、市场处' })], world)
    expect(r.row.errors).toEqual([])
    expect(r.leaderUnitIds).toEqual([1, 2])
    expect(r.row.action).toBe('create')
  })

  it('says what is wrong with each row', () => {
    const checked = checkRosterRows(
      [
        row({ displayName: '', username: 'a b' }),
        row({ roleLabel: '处室负责人', unitName: '' }),
        row({ username: 'x1', roleLabel: '办公室', leaderUnitNames: '办公室' }),
        row({ username: 'x2', roleLabel: '主任' }),
        row({ username: 'dup' }),
        row({ username: 'DUP', phone: '12345' }),
      ],
      world,
    )
    expect(checked.map((c) => c.row.errors)).toEqual([
      ['姓名未填写', '用户名只能由字母、数字、下划线、点或连字符组成，2至32位'],
      ['处室负责人和工作人员须填写所属处室'],
      ['只有局领导可以填写分管处室'],
      ['角色“主任”无法识别，应为系统管理员、办公室、处室负责人、处室工作人员、局领导之一'],
      ['用户名“dup”在名册中重复'],
      ['用户名“DUP”在名册中重复', '手机号“12345”格式不正确'],
    ])
  })

  it('marks a known person as unchanged or updated', () => {
    const same = row({ displayName: '周敏', username: 'zhou', roleLabel: '办公室', unitName: '办公室' })
    expect(checkRosterRows([same], world)[0].row.action).toBe('unchanged')
    expect(checkRosterRows([{ ...same, phone: '13800000000' }], world)[0].row.action).toBe('update')
  })
})

describe('passwords', () => {
  it('states one strength rule and holds one-time passwords to it', () => {
    expect(passwordProblem('abc12345', 'zhou')).toBeNull()
    expect(passwordProblem('abcdefgh', 'zhou')).toContain('须同时包含字母和数字')
    expect(passwordProblem('a1', 'zhou')).toContain('至少8位')
    expect(passwordProblem('Zhou2021', 'zhou2021')).toContain('不能与用户名相同')
    for (let i = 0; i < 50; i++) expect(passwordProblem(oneTimePassword(), 'zhou')).toBeNull()
  })
})
