import type { Generated } from 'kysely'

/** Table types for Kysely. Mirrors the migrations; keep the two in step. */
export type Role = 'admin' | 'office' | 'unit_head' | 'unit_staff' | 'leader'
export type UnitKind = 'division' | 'bureau' | 'center' | 'association' | 'collective'
export type TaskLinkStatus = 'suggested' | 'accepted' | 'rejected'
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved'
export type ReportOutcome = 'submitted' | 'returned' | 'approved' | 'noted'
export type NoticeKind = 'reminder' | 'notice'
export type NoticeStatus = 'issued' | 'read' | 'replied' | 'returned' | 'closed'
export type NoticeStepAction = 'read' | 'reply' | 'return' | 'accept'
export type CalendarDayKind = 'holiday' | 'workday'
/** Kinds of inbox item. Since migration 009 the column has no CHECK: a new kind needs only this type. */
export type { InboxKind } from '../../contract/vocabulary'
import type { InboxKind } from '../../contract/vocabulary'
/** migration 009: where a task comes from ('plan': an annual-plan item), time-limit type (急件/一般/复杂), cadence */
export type { SourceKind, Urgency, ReportCadence } from '../../contract/caseload-vocabulary'
import type { SourceKind, Urgency, ReportCadence } from '../../contract/caseload-vocabulary'
export type ExtensionStatus = 'pending' | 'approved' | 'refused'
export type InterviewStatus = 'pending' | 'held' | 'rectified'

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
    /** migration 009: 'plan' (an imported document) or 'matters' (the year's registered 督查事项) */
    kind: Generated<'plan' | 'matters'>
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
    /** migration 009: 立项 — where the task comes from, its number in the bureau's series, its time limit */
    source_kind: Generated<SourceKind>
    source_title: string | null
    source_attachment_id: number | null
    /** series prefix (督, 批 …), year and sequence of matter_no (督〔2021〕12号) */
    matter_series: string | null
    matter_year: number | null
    matter_seq: number | null
    matter_no: string | null
    urgency: Urgency | null
    time_limit_days: number | null
    /** the leader whose 批示 the matter carries out (回访 goes back to them; they may decide its 延期) */
    instructed_by: number | null
    /** a follow-up matter spawned from a 批示 on another task */
    parent_task_id: number | null
    parent_instruction_id: number | null
    /** migration 009: 签收 — when the current lead unit was assigned, and when/who signed for it */
    assigned_at: string | null
    acknowledged_at: string | null
    acknowledged_by: number | null
    /** migration 009: reporting cadence; report_day null = the bureau's monthly day */
    report_cadence: Generated<ReportCadence>
    report_day: number | null
    /** migration 009: 回访 sent to the instructing leader when the matter closed */
    followup_sent_at: string | null
    /** 重点3, 要点15, 民生5-2: unique in the plan, derived by plans/codes.ts (migration 011) */
    code: Generated<string | null>
    /** 1: the deadline was set by the office, not given by the document (migration 011) */
    deadline_by_office: Generated<number>
  }
  task_units: { task_id: number; unit_id: number; role: 'lead' | 'coop'; position: number }
  task_links: { task_a_id: number; task_b_id: number; similarity: number; status: Generated<TaskLinkStatus> }
  milestones: {
    id: Generated<number>
    task_id: number
    due_on: string
    planned_pct: number
    title: string
    /** migration 014: what the unit must show at this milestone (会议纪要、照片、文件) */
    expected_evidence: string | null
  }
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
    /** 审核意见 given with the latest decision (migration 012) */
    review_opinion: string | null
    created_by: number
    reviewed_by: number | null
    submitted_at: string | null
    reviewed_at: string | null
    created_at: string
    updated_at: string
    /** migration 009: 本期无新进展, with its reason instead of new text and evidence */
    no_change: Generated<number>
    no_change_reason: string | null
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
    /** 审核意见 given with the decision (migration 012) */
    review_opinion: string | null
    submitted_by: number
    submitted_at: string
    reviewed_by: number | null
    reviewed_at: string | null
    /** migration 009 */
    no_change: Generated<number>
    no_change_reason: string | null
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
    /** migration 010: the 督办单's state (see reminders/lifecycle.ts), its revision and 签发人 */
    status: Generated<NoticeStatus>
    revision: Generated<number>
    signer: string | null
    read_at: string | null
    read_by: number | null
    closed_at: string | null
    closed_by: number | null
  }
  /** migration 010: what happened to a 督办单, in order (read, reply with evidence, return, accept) */
  notice_steps: {
    id: Generated<number>
    notice_id: number
    action: NoticeStepAction
    actor_id: number | null
    at: string
    body: string
    attachment_ids_json: string
  }
  /** migration 010: the tasks a 催办 named */
  reminder_tasks: { notice_id: number; task_id: number }
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
  /** migration 009: a unit returned an assignment as not its own (退回); the office resolves it by reassigning */
  assignment_returns: {
    id: Generated<number>
    task_id: number
    unit_id: number
    reason: string
    returned_by: number
    returned_at: string
    resolved_at: string | null
    resolved_by: number | null
    reassigned_unit_id: number | null
  }
  /** migration 009: 延期 requests and their decisions, all kept */
  extensions: {
    id: Generated<number>
    task_id: number
    unit_id: number
    requested_by: number
    requested_at: string
    reason: string
    proposed_due: string
    previous_due: string | null
    status: Generated<ExtensionStatus>
    decided_by: number | null
    decided_at: string | null
    decision_reason: string | null
  }
  /** migration 013: each event an escalation rule acted on, once (unique event key) */
  escalation_firings: {
    id: Generated<number>
    event_key: string
    level: string
    level_name: string
    trigger_kind: string
    task_id: number | null
    unit_id: number
    subject: string
    reason: string
    actions_json: string
    notice_id: number | null
    fired_on: string
    created_at: string
  }
  /** migration 013: a year's assessment, announced (appeals open) then published with its rules frozen */
  assessment_years: {
    year: number
    status: 'open' | 'published'
    as_of: string
    appeal_until: string | null
    opened_by: number | null
    opened_at: string
    rules_json: string | null
    result_json: string | null
    published_by: number | null
    published_at: string | null
  }
  assessment_appeals: {
    id: Generated<number>
    year: number
    unit_id: number
    item_key: string
    item_label: string
    points: number
    reason: string
    filed_by: number
    filed_at: string
    decision: 'upheld' | 'rejected' | null
    decision_reason: string | null
    decided_by: number | null
    decided_at: string | null
  }
  assessment_ratings: { year: number; unit_id: number; score: number; comment: string; rated_by: number; rated_at: string }
  /** migration 014: the 约谈 list, from an escalation rule (once per firing) or added by the office */
  interviews: {
    id: Generated<number>
    year: number
    unit_id: number
    source: 'rule' | 'manual'
    firing_id: number | null
    rule_name: string | null
    reason: string
    status: Generated<InterviewStatus>
    held_on: string | null
    participants: string | null
    record: string | null
    requirements: string | null
    held_by: number | null
    rectified_on: string | null
    rectified_note: string | null
    rectified_by: number | null
    created_by: number | null
    created_at: string
    updated_at: string
  }
  interview_tasks: { interview_id: number; task_id: number }
  /** FTS5 tables (migration 004); rowid is the task or report id */
  task_search: { rowid: number; body: string }
  report_search: { rowid: number; body: string }
}
