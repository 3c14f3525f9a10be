/** A section as documents write it: 一、坚持党的领导 (no 、 after numbers that close themselves, like （一）). */
export function sectionLabel(number: string | null, title: string | null): string {
  if (!number && !title) return '（未分板块）'
  if (!number) return title ?? ''
  const sep = /[、.．)）]$/.test(number) ? '' : '、'
  return `${number}${sep}${title ?? ''}`
}
