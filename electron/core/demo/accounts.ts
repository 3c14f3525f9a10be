import type { Role, UnitKind } from '../db/schema'

/** The Suzhou bureau's units, named as the document addresses them, with the short names it uses. */
export const DEMO_UNITS: { name: string; kind: UnitKind; aliases: string[] }[] = [
  { name: '办公室', kind: 'division', aliases: [] },
  { name: '市场监管处', kind: 'division', aliases: [] },
  { name: '普遍服务处', kind: 'division', aliases: [] },
  { name: '市邮政业安全发展中心', kind: 'center', aliases: ['安全发展中心', '安全中心'] },
  { name: '市快递协会', kind: 'association', aliases: ['协会', '快递协会'] },
  { name: '各相关处室', kind: 'collective', aliases: ['相关处室'] },
]

export const DEMO_PASSWORD = 'Duban2021'

export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string | null }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: null },
  { username: 'office', displayName: '周敏（督查专员）', role: 'office', unit: '办公室' },
  { username: 'juzhang', displayName: '陈建国（局长）', role: 'leader', unit: null },
  { username: 'fujuzhang', displayName: '刘伟（副局长）', role: 'leader', unit: null },
  { username: 'bgs', displayName: '王芳（办公室主任）', role: 'unit_head', unit: '办公室' },
  { username: 'scjg', displayName: '张强（市场监管处处长）', role: 'unit_head', unit: '市场监管处' },
  { username: 'pbfw', displayName: '李娜（普遍服务处处长）', role: 'unit_head', unit: '普遍服务处' },
  { username: 'xiehui', displayName: '赵磊（市快递协会秘书长）', role: 'unit_head', unit: '市快递协会' },
  { username: 'anquan', displayName: '孙涛（安全发展中心主任）', role: 'unit_head', unit: '市邮政业安全发展中心' },
  { username: 'scjg01', displayName: '吴静（市场监管处）', role: 'unit_staff', unit: '市场监管处' },
]

/** Which leader is in charge of a unit's tasks (分管领导). */
export const DEMO_LEADER_OF_UNIT: Record<string, string> = {
  办公室: 'juzhang',
  市场监管处: 'fujuzhang',
  普遍服务处: 'fujuzhang',
  市快递协会: 'fujuzhang',
  各相关处室: 'juzhang',
}

/** The demo is set in mid-2021, so that its dashboards show a year under way. */
export const DEMO_TODAY = '2021-07-20'

/** 本局信息 of the demo bureau (settings keys of settings/bureau.ts). */
export const DEMO_BUREAU: Record<string, string> = {
  'bureau.name': '苏州市邮政管理局',
  'bureau.shortName': '苏州邮管局',
  'bureau.noticePrefix': '督办',
  'bureau.bulletinPrefix': '苏州邮管督',
  'bureau.timeZone': 'Asia/Shanghai',
}
