/**
 * How a task is named to people (inbox titles, 催办 text, chips, the 督办台账). One function on purpose: when
 * tasks carry their short `code` (重点3, 要点15), this returns it and every place follows.
 */
export function taskLabel(t: { number: number; listName?: string | null }): string {
  return t.listName ? `${t.listName}第${t.number}项` : `第${t.number}项`
}
