/**
 * A year's plan for the bureau's 档案: every row of the plan, its reports, reviews, notices, instructions and audit
 * trail as JSON, the evidence files, and the ledger (.xlsx) and monthly bulletins (.docx) as the office printed them.
 */
import JSZip from 'jszip'
import { sql } from 'kysely'
import type { Ctx } from '../context'
import { notFound } from '../errors'
import { requireRole } from '../users/rules'
import { readBlob } from '../files/store'
import { exportLedger } from '../exporters/ledger'
import { exportBulletin } from '../exporters/bulletin'
import { toExported, type ExportedFile } from '../exporters/common'
import { appVersion } from '../backup/create'
import { migrations } from '../db/migrate'
import { ARCHIVE_ORDER, type ArchiveJson, type ArchivedTable, type Row } from './tables'

const ids = (rows: Row[], col = 'id') => [...new Set(rows.map((r) => r[col] as number))]

async function collectRows(ctx: Ctx, planId: number, year: number | null): Promise<Record<ArchivedTable, Row[]>> {
  const db = ctx.db
  /** every row of `table` whose `col` is one of `values`, in chunks that stay under SQLite's parameter limit */
  const inIds = async (table: ArchivedTable, col: string, values: number[]): Promise<Row[]> => {
    const out: Row[] = []
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500)
      const result = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(col)} IN (${sql.join(chunk)})`.execute(db)
      out.push(...result.rows)
    }
    return out
  }
  const plans = await inIds('plans', 'id', [planId])
  const lists = await inIds('lists', 'plan_id', [planId])
  const sections = await inIds('sections', 'list_id', ids(lists))
  const tasks = await inIds('tasks', 'plan_id', [planId])
  const taskIds = ids(tasks)
  const taskSet = new Set(taskIds)
  const reports = await inIds('reports', 'task_id', taskIds)
  const reportIds = ids(reports)
  const indicators = await inIds('indicators', 'plan_id', [planId])
  const periodNotices = year
    ? ((await db.selectFrom('notices').selectAll().where('task_id', 'is', null).where('period', 'like', `${year}-%`).execute()) as Row[])
    : []
  const notices = [...(await inIds('notices', 'task_id', taskIds)), ...periodNotices].sort((a, b) => (a.id as number) - (b.id as number))
  const sourceDocs = tasks.map((t) => t.source_attachment_id as number | null).filter((x): x is number => x !== null)
  const attachments = [...(await inIds('attachments', 'report_id', reportIds)), ...(await inIds('attachments', 'id', sourceDocs))]
  const instructions = (await inIds('instructions', 'task_id', taskIds)).sort((a, b) => (a.id as number) - (b.id as number))
  const instructionSet = new Set(ids(instructions))
  // a follow-up matter may rest on a task or 批示 of another plan: that link stays behind, the matter comes whole
  for (const t of tasks) {
    if (t.parent_task_id !== null && !taskSet.has(t.parent_task_id as number)) t.parent_task_id = null
    if (t.parent_instruction_id !== null && !instructionSet.has(t.parent_instruction_id as number)) t.parent_instruction_id = null
  }
  const noticeIds = ids(notices)
  const noticeSet = new Set(noticeIds)
  const firings = [
    ...(await inIds('escalation_firings', 'task_id', taskIds)),
    ...(year
      ? ((await db
          .selectFrom('escalation_firings')
          .selectAll()
          .where('task_id', 'is', null)
          .where('fired_on', 'like', `${year}-%`)
          .execute()) as Row[])
      : []),
  ]
  // a 催办 is one per unit and run, and may sit on a task of another plan: the firing keeps its reason, not the link
  for (const f of firings) if (f.notice_id !== null && !noticeSet.has(f.notice_id as number)) f.notice_id = null
  const firingSet = new Set(ids(firings))
  const interviews = year ? await inIds('interviews', 'year', [year]) : []
  for (const i of interviews) if (i.firing_id !== null && !firingSet.has(i.firing_id as number)) i.firing_id = null
  const byYear = async (table: 'assessment_years' | 'assessment_appeals' | 'assessment_ratings' | 'counters') =>
    year ? inIds(table, 'year', [year]) : []
  const byEntity: Record<string, number[]> = {
    plan: [planId],
    task: taskIds,
    report: reportIds,
    notice: ids(notices),
    instruction: ids(instructions),
    attachment: ids(attachments),
    interview: ids(interviews),
  }
  const audit: Row[] = []
  for (const [entity, list] of Object.entries(byEntity)) {
    for (let i = 0; i < list.length; i += 500)
      audit.push(
        ...((await db
          .selectFrom('audit_log')
          .selectAll()
          .where('entity', '=', entity)
          .where('entity_id', 'in', list.slice(i, i + 500))
          .execute()) as Row[]),
      )
  }
  const users = (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(
    ({ password_hash: _h, password_salt: _s, ...rest }) => rest as Row,
  )
  return {
    units: (await db.selectFrom('units').selectAll().orderBy('id').execute()) as Row[],
    unit_aliases: (await db.selectFrom('unit_aliases').selectAll().orderBy('alias').execute()) as Row[],
    users,
    plans,
    lists,
    sections,
    tasks,
    task_units: await inIds('task_units', 'task_id', taskIds),
    task_links: (await inIds('task_links', 'task_a_id', taskIds)).filter((l) => taskSet.has(l.task_b_id as number)),
    milestones: await inIds('milestones', 'task_id', taskIds),
    indicators,
    reports,
    indicator_values: await inIds('indicator_values', 'indicator_id', ids(indicators)),
    attachments,
    report_versions: await inIds('report_versions', 'report_id', reportIds),
    instructions,
    notices,
    notice_steps: await inIds('notice_steps', 'notice_id', noticeIds),
    reminder_tasks: (await inIds('reminder_tasks', 'notice_id', noticeIds)).filter((r) => taskSet.has(r.task_id as number)),
    assignment_returns: await inIds('assignment_returns', 'task_id', taskIds),
    extensions: await inIds('extensions', 'task_id', taskIds),
    escalation_firings: firings,
    interviews,
    interview_tasks: (await inIds('interview_tasks', 'interview_id', ids(interviews))).filter((r) => taskSet.has(r.task_id as number)),
    assessment_years: await byYear('assessment_years'),
    assessment_appeals: await byYear('assessment_appeals'),
    assessment_ratings: await byYear('assessment_ratings'),
    counters: await byYear('counters'),
    audit_log: audit.sort((a, b) => (a.id as number) - (b.id as number)),
  }
}

export async function exportArchive(ctx: Ctx, input: { planId: number }): Promise<ExportedFile> {
  requireRole(ctx.actor, ['admin', 'office'])
  const plan = await ctx.db.selectFrom('plans').selectAll().where('id', '=', input.planId).executeTakeFirst()
  if (!plan) throw notFound('该文件')
  const tables = await collectRows(ctx, plan.id, plan.year)
  for (const rows of Object.values(tables)) if (rows[0] && 'id' in rows[0]) rows.sort((a, b) => (a.id as number) - (b.id as number))
  const zip = new JSZip()
  const shas = [...new Set(tables.attachments.map((a) => a.sha256 as string))].sort()
  const files: ArchiveJson['files'] = []
  for (const sha of shas) {
    const bytes = readBlob(ctx.files.dir, sha)
    zip.file(`files/${sha}`, bytes)
    files.push({ sha256: sha, size: bytes.byteLength })
  }
  const documents: string[] = []
  const yearEnd = plan.year ? `${plan.year}-12-31` : ctx.clock.today()
  const ledger = await exportLedger(ctx, { planId: plan.id, asOf: yearEnd < ctx.clock.today() ? yearEnd : ctx.clock.today() })
  const periods = [...new Set(tables.reports.map((r) => r.period as string))].sort()
  for (const doc of [ledger, ...(await Promise.all(periods.map((period) => exportBulletin(ctx, { period, planId: plan.id }))))]) {
    const path = `documents/${doc.fileName.replace(/[\\/]/g, '_')}`
    zip.file(path, Buffer.from(doc.contentBase64, 'base64'))
    documents.push(path)
  }
  const json: ArchiveJson = {
    format: 'duban-archive',
    formatVersion: 1,
    exportedAt: ctx.clock.now().toISOString(),
    appVersion: appVersion(),
    schemaVersion: migrations.length,
    plan: { id: plan.id, title: plan.title, year: plan.year, docNumber: plan.doc_number },
    tables,
    files,
    documents,
  }
  zip.file('archive.json', JSON.stringify(json, null, 1))
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
  return toExported(`${plan.year ?? ''}${plan.title}（归档）.zip`, bytes)
}

export { ARCHIVE_ORDER }
