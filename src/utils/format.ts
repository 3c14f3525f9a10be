const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** '2021-04-09' → '2021年4月9日'; ISO timestamps are shown in the local day; null → '—'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  const m = DAY.exec(value)
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** An ISO timestamp with its local time: '2021年7月20日 09:05'. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  if (DAY.test(value)) return formatDate(value)
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const hh = String(d.getHours()).padStart(2, '0')
  const mm = String(d.getMinutes()).padStart(2, '0')
  return `${formatDate(value)} ${hh}:${mm}`
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)}%`
}

/** A section heading as the document prints it: '一' + '坚持党的领导…' → '一、坚持党的领导…'. */
export function formatSection(number: string | null, title: string | null, fallback = ''): string {
  if (!number && !title) return fallback
  if (!number) return title ?? ''
  const sep = /[、.．)）]$/.test(number) ? '' : '、'
  return `${number}${sep}${title ?? ''}`
}
