/** What a plan's archive holds, table by table, and which columns name a user (remapped on import). */
import type { Database } from '../db/schema'

export type ArchivedTable = keyof Pick<
  Database,
  | 'units'
  | 'unit_aliases'
  | 'users'
  | 'plans'
  | 'lists'
  | 'sections'
  | 'tasks'
  | 'task_units'
  | 'task_links'
  | 'milestones'
  | 'indicators'
  | 'reports'
  | 'indicator_values'
  | 'attachments'
  | 'report_versions'
  | 'instructions'
  | 'notices'
  | 'audit_log'
>

/** In insertion order: every row's references come before it. */
export const ARCHIVE_ORDER: readonly ArchivedTable[] = [
  'units',
  'unit_aliases',
  'users',
  'plans',
  'lists',
  'sections',
  'tasks',
  'task_units',
  'task_links',
  'milestones',
  'indicators',
  'reports',
  'indicator_values',
  'attachments',
  'report_versions',
  'instructions',
  'notices',
  'audit_log',
]

export const USER_COLUMNS: Partial<Record<ArchivedTable, string[]>> = {
  tasks: ['leader_id'],
  reports: ['created_by', 'reviewed_by'],
  attachments: ['created_by'],
  report_versions: ['submitted_by', 'reviewed_by'],
  instructions: ['author_id'],
  notices: ['replied_by', 'escalated_to', 'created_by', 'read_by', 'closed_by'],
  audit_log: ['actor_id'],
}

export type Row = Record<string, unknown>

export interface ArchiveJson {
  format: 'duban-archive'
  formatVersion: 1
  exportedAt: string
  appVersion: string
  schemaVersion: number
  plan: { id: number; title: string; year: number | null; docNumber: string | null }
  tables: Record<ArchivedTable, Row[]>
  files: { sha256: string; size: number }[]
  documents: string[]
}
