/**
 * How a task is named to people (inbox titles, 催办 text, chips, the 督办台账): its short code (重点3, 要点15,
 * 民生5-2) when it has one, else its list and number. One function, so every place names a task the same way.
 */
export function taskLabel(t: { number: number; code?: string | null; listName?: string | null }): string {
  if (t.code) return t.code
  return t.listName ? `${t.listName}第${t.number}项` : `第${t.number}项`
}
