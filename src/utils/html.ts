/**
 * Stored text (task text, unit and indicator names, statuses) placed into HTML must stay text:
 * ECharts puts a function formatter's string into the tooltip as HTML, so a stored `<img onerror>`
 * would otherwise become a live element. Every such formatter escapes through this one helper.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c])
}
