import type { TaskRow } from '@/stores/tasks'

export interface SectionGroup {
  key: string
  sectionId: number | null
  number: string | null
  title: string | null
  rows: TaskRow[]
}

export interface ListGroup {
  listId: number
  listName: string
  sections: SectionGroup[]
}

/** Groups rows by list, then section, keeping the order the core returned them in. */
export function groupRows(rows: readonly TaskRow[]): ListGroup[] {
  const lists: ListGroup[] = []
  for (const row of rows) {
    let list = lists.find((l) => l.listId === row.listId)
    if (!list) {
      list = { listId: row.listId, listName: row.listName, sections: [] }
      lists.push(list)
    }
    const key = `${row.listId}:${row.sectionId ?? 'none'}`
    let section = list.sections.find((s) => s.key === key)
    if (!section) {
      section = { key, sectionId: row.sectionId, number: row.sectionNumber, title: row.sectionTitle, rows: [] }
      list.sections.push(section)
    }
    section.rows.push(row)
  }
  return lists
}
