import type { Generated } from 'kysely'

/** Table types for Kysely. Mirrors the migrations; keep the two in step. */
export type Role = 'admin' | 'office' | 'unit_head' | 'unit_staff' | 'leader'
export type UnitKind = 'division' | 'bureau' | 'center' | 'association' | 'collective'
export type TaskLinkStatus = 'suggested' | 'accepted' | 'rejected'
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved'
export type ReportOutcome = 'submitted' | 'returned' | 'approved' | 'noted'
export type NoticeKind = 'reminder' | 'notice'
export type CalendarDayKind = 'holiday' | 'workday'
export type InboxKind = 'reminder' | 'notice' | 'returned' | 'instruction' | 'instruction_reply' | 'escalation' | 'notice_reply'

export interface Database {
  settings: { key: string; value: string }
  units: {
    id: Generated<number>
    name: string
    kind: UnitKind
    sort: number
    created_at: string
    /** migration 006 */
    short_name: string | null
    active: Generated<number>
  }
  unit_aliases: { alias: string; unit_id: number }
  users: {
    id: Generated<number>
    username: string
    display_name: string
    role: Role
    unit_id: number | null
    password_hash: string
    password_salt: string
    active: Generated<number>
    created_at: string
    /** migration 006 */
    phone: string | null
    must_change_password: Generated<number>
    last_login_at: string | null
  }
  sessions: {
    token_hash: string
    user_id: number
    created_at: string
    last_seen_at: string
    address: string | null
    user_agent: string | null
  }
  login_attempts: {
    kind: 'user' | 'address'
    subject: string
    failures: number
    last_failed_at: string
    locked_until: string | null
  }
  plans: {
    id: Generated<number>
    title: string
    issuer: string | null
    doc_number: string | null
    issued_on: string | null
    year: number | null
    source_name: string | null
    original_text: string
    created_at: string
  }
  lists: { id: Generated<number>; plan_id: number; name: string; kind: string; sort: number; abbr: Generated<string | null> }
  sections: { id: Generated<number>; list_id: number; number: string | null; title: string | null; sort: number }
  tasks: {
    id: Generated<number>
    plan_id: number
    list_id: number
    section_id: number | null
    number: number
    text: string
    leader_id: number | null
    deadline: string | null
    deadline_text: string | null
    closed_at: string | null
    source_line: number | null
    sort: number
    created_at: string
    updated_at: string
    /** bumped by every write to the task, its assignment or milestones (migration 008) */
    version: Generated<number>
    /** 重点3, 要点15, 民生5-2: unique in the plan, derived by plans/codes.ts (migration 011) */
    code: Generated<string | null>
    /** 1: the deadline was set by the office, not given by the document (migration 011) */
    deadline_by_office: Generated<number>
  }
  task_units: { task_id: number; unit_id: number; role: 'lead' | 'coop'; position: number }
  task_links: { task_a_id: number; task_b_id: number; similarity: number; status: Generated<TaskLinkStatus> }
  milestones: { id: Generated<number>; task_id: number; due_on: string; planned_pct: number; title: string }
  reports: {
    id: Generated<number>
    task_id: number
    unit_id: number
    period: string
    percent: number
    progress: string
    problems: string
    next_steps: string
    status: ReportStatus
    is_final: number
    version: number
    /** bumped by every write to the report row; drafts are saved against it (migration 008) */
    revision: Generated<number>
    /** 1: invented for the demo database, shown with a 演示数据 badge (migration 011) */
    demo: Generated<number>
    return_reason: string | null
    created_by: number
    reviewed_by: number | null
    submitted_at: string | null
    reviewed_at: string | null
    created_at: string
    updated_at: string
  }
  indicators: {
    id: Generated<number>
    plan_id: number
    task_id: number | null
    name: string
    unit: string
    comparator: string
    target_value: number
    baseline_value: number | null
    baseline_year: number | null
    target_year: number | null
    growth_pct: number | null
    source_text: string | null
  }
  indicator_values: {
    id: Generated<number>
    indicator_id: number
    report_id: number | null
    period: string
    value: number
    recorded_at: string
  }
  attachments: {
    id: Generated<number>
    report_id: number | null
    sha256: string
    file_name: string
    mime: string
    size: number
    created_by: number
    created_at: string
  }
  instructions: {
    id: Generated<number>
    task_id: number
    parent_id: number | null
    author_id: number
    body: string
    created_at: string
  }
  audit_log: {
    id: Generated<number>
    at: string
    actor_id: number | null
    action: string
    entity: string
    entity_id: number | null
    before_json: string | null
    after_json: string | null
  }
  report_versions: {
    id: Generated<number>
    report_id: number
    version: number
    percent: number
    progress: string
    problems: string
    next_steps: string
    is_final: number
    indicator_values_json: string
    attachment_ids_json: string
    outcome: ReportOutcome
    return_reason: string | null
    submitted_by: number
    submitted_at: string
    reviewed_by: number | null
    reviewed_at: string | null
  }
  notices: {
    id: Generated<number>
    kind: NoticeKind
    task_id: number | null
    unit_id: number
    period: string | null
    year: number | null
    seq: number | null
    number: string | null
    issue: string
    required_reply: string | null
    reply_deadline: string | null
    reply: string | null
    replied_by: number | null
    replied_at: string | null
    escalation_level: Generated<number>
    escalated_to: number | null
    escalated_at: string | null
    created_by: number | null
    created_at: string
  }
  inbox_items: {
    id: Generated<number>
    recipient_unit_id: number | null
    recipient_user_id: number | null
    to_office: Generated<number>
    kind: InboxKind
    ref_id: number | null
    task_id: number | null
    title: string
    body: string
    created_at: string
    read_at: string | null
    read_by: number | null
  }
  /** migration 006: 分管 — which leader is in charge of which units */
  leader_units: { leader_id: number; unit_id: number }
  /** migration 006: holidays on weekdays and working weekends (调休) */
  calendar_days: { day: string; kind: CalendarDayKind; name: string }
  /** one numbering sequence per kind ('notice', 'bulletin') and year (migration 008) */
  counters: { kind: string; year: number; n: number }
  /** FTS5 tables (migration 004); rowid is the task or report id */
  task_search: { rowid: number; body: string }
  report_search: { rowid: number; body: string }
}
