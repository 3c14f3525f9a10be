/**
 * What a plan's archive holds, table by table, and which columns name a user (remapped on import). Every table of
 * the schema is either archived here or listed in NOT_YEAR_DATA with the reason (a test holds the two lists to the
 * schema, so a new table cannot be forgotten).
 */
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
  | 'notice_steps'
  | 'reminder_tasks'
  | 'assignment_returns'
  | 'extensions'
  | 'escalation_firings'
  | 'interviews'
  | 'interview_tasks'
  | 'assessment_years'
  | 'assessment_appeals'
  | 'assessment_ratings'
  | 'counters'
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
  'notice_steps',
  'reminder_tasks',
  'assignment_returns',
  'extensions',
  'escalation_firings',
  'interviews',
  'interview_tasks',
  'assessment_years',
  'assessment_appeals',
  'assessment_ratings',
  'counters',
  'audit_log',
]

/** Tables that hold no year's record, and why they stay out of the archive. */
export const NOT_YEAR_DATA: Record<string, string> = {
  settings:
    'the install’s settings (bureau name, rules in force), set anew in each install; the rules a published assessment used travel frozen in assessment_years',
  sessions: 'sign-ins of this install',
  login_attempts: 'sign-in throttling of this install',
  inbox_items: 'each person’s mailbox of notices about events; the events themselves (notices, reports, firings, 约谈) are archived',
  leader_units: 'who is in charge of which unit now (分管), set up in each install with its people',
  calendar_days:
    'the working calendar the administrator keeps in each install (one may already be loaded); the deadlines computed from it are stored on the rows',
  task_search: 'a search index, rebuilt from the tasks',
  report_search: 'a search index, rebuilt from the reports',
  schema_migrations: 'the install’s schema steps',
}

/**
 * Columns that point at rows inserted later (PostgreSQL checks each row at once): they are written after every
 * table is in. A task's source document is an attachment; a follow-up matter names its 批示.
 */
export const LATE_COLUMNS: Partial<Record<ArchivedTable, string[]>> = {
  tasks: ['source_attachment_id', 'parent_instruction_id'],
}

export const USER_COLUMNS: Partial<Record<ArchivedTable, string[]>> = {
  tasks: ['leader_id', 'instructed_by', 'acknowledged_by'],
  reports: ['created_by', 'reviewed_by'],
  attachments: ['created_by'],
  report_versions: ['submitted_by', 'reviewed_by'],
  instructions: ['author_id'],
  notices: ['replied_by', 'escalated_to', 'created_by', 'read_by', 'closed_by'],
  notice_steps: ['actor_id'],
  assignment_returns: ['returned_by', 'resolved_by'],
  extensions: ['requested_by', 'decided_by'],
  interviews: ['held_by', 'rectified_by', 'created_by'],
  assessment_years: ['opened_by', 'published_by'],
  assessment_appeals: ['filed_by', 'decided_by'],
  assessment_ratings: ['rated_by'],
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
