import { cnDateTimeIn } from '../calendar/dates'
import { DEFAULT_TIME_ZONE } from '../../contract/vocabulary'
/** What a recorded change touched, in the words the office uses ("修改了牵头单位、完成时限"). */
const FIELD_LABELS: Record<string, string> = {
  text: '任务内容',
  leadUnitIds: '牵头单位',
  coopUnitIds: '配合单位',
  leaderId: '分管领导',
  deadline: '完成时限',
}

const ACTION_LABELS: Record<string, string> = {
  'milestones.set': '进度节点',
  'milestones.applyTemplate': '进度节点',
  'task.close': '销号状态',
  'task.revise': '任务内容（修订稿导入）',
  'report.create': '进展草稿',
  'report.update': '进展草稿',
  'report.submit': '进展报送',
  'report.approve': '审核结果',
  'report.return': '审核结果',
}

export function changeLabel(action: string, after: unknown): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action]
  if (after && typeof after === 'object') {
    const fields = Object.keys(after)
      .map((k) => FIELD_LABELS[k])
      .filter((label): label is string => !!label)
    if (fields.length) return fields.join('、')
  }
  return '内容'
}

/** 2021年7月20日 14:32, in the zone the program runs in (the bureau's). */
export function formatMoment(iso: string, zone: string = DEFAULT_TIME_ZONE): string {
  return cnDateTimeIn(new Date(iso), zone)
}

export interface LastChange {
  at: string
  actorName: string | null
  /** the actor's unit, or their role when they have none (局领导, 系统管理员) */
  actorPlace: string | null
  action: string
  after: unknown
}

/** “该任务已于2021年7月20日 14:32 被 张三（办公室）修改了牵头单位，请刷新后再改” */
export function staleMessage(subject: string, change: LastChange | null, zone: string = DEFAULT_TIME_ZONE): string {
  if (!change) return `${subject}已被他人修改，请刷新后再改`
  const who = change.actorName ? `${change.actorName}${change.actorPlace ? `（${change.actorPlace}）` : ''}` : '他人'
  return `${subject}已于${formatMoment(change.at, zone)} 被 ${who}修改了${changeLabel(change.action, change.after)}，请刷新后再改`
}
