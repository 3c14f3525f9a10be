/**
 * The words both sides share, as values: the core decides with them, the renderer shows them.
 * Nothing is imported here, so the renderer can use these without pulling in zod or the core.
 */

/** Task status, in the order filters and legends list them. */
export const TASK_STATUSES = ['not_started', 'on_track', 'behind', 'due_soon', 'overdue', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  on_track: '正常推进',
  behind: '进度滞后',
  due_soon: '临期',
  overdue: '逾期',
  done: '已完成',
}

export const isTaskStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value)

/** The bureau's time zone until 本局信息 says otherwise (settings key bureau.timeZone). */
/** What an inbox item is about: the one list the database, the contract and the inbox page share. */
export const INBOX_KINDS = [
  'reminder',
  'notice',
  'returned',
  'instruction',
  'instruction_reply',
  'escalation',
  'notice_reply',
  // issue 14 (migration 009): a new assignment waiting for 签收; still unsigned after the window; returned by the unit
  'assignment',
  'assignment_overdue',
  'assignment_returned',
  // a 延期 request (to the office or the instructing leader) and its decision (to the unit)
  'extension_request',
  'extension_decision',
  // 回访: a closed matter's result back to the leader who instructed it
  'followup',
] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/**
 * Every action the audit log records, in the words a task's 变更记录 shows. A unit test reads the core's
 * sources and fails when an action is written without a label here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'plan.import': '导入文件',
  'plan.revise': '导入修订稿',
  'task.update': '修改任务',
  'task.bulkAssign': '批量分工',
  'task.revise': '修订稿修改任务',
  'task.remove': '修订稿删除任务',
  'task.close': '办结销号',
  'task.reopen': '重新打开任务',
  'task.link': '确认关联任务',
  'task.unlink': '否定关联任务',
  'milestones.set': '调整进度节点',
  'milestones.applyTemplate': '套用节点模板',
  'report.create': '新建报送草稿',
  'report.update': '修改报送草稿',
  'report.submit': '提交进展报送',
  'report.approve': '审核通过进展',
  'report.return': '退回进展报送',
  'report.withdraw': '撤回进展报送',
  'report.delete': '删除报送草稿',
  'attachment.upload': '上传佐证材料',
  'reminder.send': '催办',
  'notice.issue': '下发督办单',
  'notice.reply': '答复督办单',
  'notice.escalate': '督办单逾期升级',
  'instruction.write': '作出批示',
  'instruction.reply': '回复批示',
  'inbox.read': '阅读消息',
  'bulletin.number': '编号督查通报',
  'settings.bureau': '修改本局信息',
  'settings.calendar': '导入工作日历',
  'settings.reportingDay': '设置报送日',
  'settings.instructionPhrases': '修改常用批示语',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.activate': '启用单位',
  'unit.deactivate': '停用单位',
  'unit.merge': '合并单位',
  'user.create': '新增人员',
  'user.update': '修改人员',
  'user.activate': '启用人员',
  'user.deactivate': '停用人员',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改密码',
  'user.importRoster': '导入人员名册',
  'user.leaderUnits': '设置分管处室',
  'auth.login': '登录',
  'auth.lock': '账号锁定',
  'auth.unlock': '解除锁定',
  'session.revoke': '强制下线',
  'backup.create': '备份数据',
  'backup.verify': '校验备份',
  'backup.set_folder': '设置备份目录',
  'backup.restore_staged': '准备恢复备份',
  'backup.restore_cancelled': '取消恢复备份',
  'archive.import': '导入归档',
  'assessment.setRules': '修改考核规则',
  'assessment.announce': '公示考核结果',
  'assessment.appeal': '提出考核申诉',
  'assessment.decideAppeal': '处理考核申诉',
  'assessment.publish': '发布考核结果',
  'assessment.rate': '领导评价打分',
  'escalation.setRules': '修改督查督办规则',
  'escalation.fire': '按规则自动督办',
  'interview.create': '列入约谈名单',
  'interview.record': '记录约谈情况',
  'interview.rectify': '确认约谈整改完成',
  'task.acknowledge': '签收任务',
  'task.returnAssignment': '退回交办',
  'task.signRestart': '改派牵头单位，重新签收',
  'task.cadence': '设置报送频次',
  'extension.request': '申请延期',
  'extension.approve': '批准延期',
  'extension.refuse': '不同意延期',
  'matter.create': '督查立项',
  'matter.followup': '回访批示领导',
  'settings.matters': '修改立项设置',
  'list.abbr': '修改清单简称',
  'notice.read': '阅读督办单',
  'notice.accept': '督办单办结',
  'notice.return': '退回督办单答复',
  'settings.reminder': '修改催办设置',
}

/** An action nobody labelled yet still reads as Chinese, never as `notice.issue`. */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? '其他操作'

/** The task fields a 修改任务 entry names. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  text: '任务内容',
  leadUnitIds: '牵头单位',
  coopUnitIds: '配合单位',
  leaderId: '分管领导',
  deadline: '完成时限',
}

const monthOf = (period: unknown) =>
  typeof period === 'string' && /^\d{4}-\d{2}$/.test(period) ? `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月` : ''
const field = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined)

/** The few words after the label: which fields changed, which period, which notice, what reason. */
export function auditDetail(entry: { action: string; before: unknown; after: unknown }): string {
  const { action, before, after } = entry
  if (action === 'task.update' || action === 'task.bulkAssign') {
    const names = after && typeof after === 'object' ? Object.keys(AUDIT_FIELD_LABELS).filter((k) => k in after) : []
    return names.length ? `改动：${names.map((k) => AUDIT_FIELD_LABELS[k]).join('、')}` : ''
  }
  if (action.startsWith('report.')) {
    const r = after ?? before
    const parts = [monthOf(field(r, 'period'))]
    const pct = field(r, 'percent')
    if (typeof pct === 'number' && action !== 'report.delete') parts.push(`完成${pct}%`)
    const reason = field(after, 'return_reason')
    if (action === 'report.return' && typeof reason === 'string' && reason) parts.push(`原因：${reason}`)
    const opinion = field(after, 'review_opinion')
    if (action === 'report.approve' && typeof opinion === 'string' && opinion) parts.push(`审核意见：${opinion}`)
    return parts.filter(Boolean).join('，')
  }
  if (action === 'notice.issue') {
    const number = field(after, 'number')
    return typeof number === 'string' ? number : ''
  }
  if (action === 'instruction.write' || action === 'instruction.reply') {
    const body = field(after, 'body')
    return typeof body === 'string' ? body : ''
  }
  if (action === 'task.close') return '任务已完成销号'
  return ''
}
