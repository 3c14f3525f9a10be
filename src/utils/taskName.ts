/**
 * How a task is named on screen: one helper, so every place that names a task says it the same way.
 * A task view that carries a short code (重点3, 要点15, 民生5-2) is named by it; until then by list and number.
 */
export function taskName(t: { number: number; listName?: string | null; code?: string | null }): string {
  if (t.code) return t.code
  return t.listName ? `${t.listName}第${t.number}项` : `第${t.number}项`
}
