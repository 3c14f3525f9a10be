/** Where things sit in a report form; shared by the writer and the reader so they cannot drift apart. */
export const TASK_SHEET = '进展报送'
export const INDICATOR_SHEET = '指标实际值'
export const SEAL_SHEET = '校验'

/** Rows 1–3: title, unit and period, header; tasks from row 4. */
export const FIRST_ROW = 4

export const TASK_COLUMNS = [
  { key: 'number', header: '编号', width: 9 },
  { key: 'text', header: '工作任务', width: 44 },
  { key: 'percent', header: '完成进度（0–100）', width: 12 },
  { key: 'progress', header: '进展情况（必填）', width: 40 },
  { key: 'problems', header: '存在问题', width: 28 },
  { key: 'nextSteps', header: '下步打算', width: 28 },
  { key: 'taskId', header: '任务编号', width: 10 },
] as const

export const INDICATOR_COLUMNS = [
  { key: 'task', header: '所属任务', width: 30 },
  { key: 'name', header: '指标', width: 36 },
  { key: 'unit', header: '计量单位', width: 10 },
  { key: 'target', header: '目标值', width: 10 },
  { key: 'value', header: '本期实际值', width: 12 },
  { key: 'indicatorId', header: '指标编号', width: 10 },
] as const

export const col = (columns: readonly { key: string }[], key: string) => columns.findIndex((c) => c.key === key) + 1

/** Protects the layout; it is not a secret, the seal is what detects tampering. */
export const SHEET_PASSWORD = 'duban-form'
