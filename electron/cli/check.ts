import { sql } from 'kysely'
import { taskLabel } from '../contract/taskLabel'
import type { CoreApp } from '../core/app'
import { engineIntegrityProblems } from '../core/db/integrity'
import { checkFiles } from '../core/files/service'
import { findLeftoverUploads } from '../core/files/leftovers'

export interface CheckProblem {
  code: string
  message: string
}

/**
 * Uploads a killed process left half-done in files/tmp. Run before the core opens, because opening
 * it removes them: the check says what it found and that it is gone.
 */
export function leftoverUploadProblems(filesDir: string): CheckProblem[] {
  return findLeftoverUploads(filesDir).map((f) => ({
    code: 'upload_leftover',
    message: `发现中断的上传留下的临时文件 files/tmp/${f.name}（${f.size} 字节，${f.modifiedAt}），未登记为佐证材料，已清理`,
  }))
}

/** The engine's own integrity checks, then the app's consistency rules (the same SQL on both engines). */
export async function checkDatabase(core: CoreApp): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = await engineIntegrityProblems(core)

  const noLead = (
    await sql<{
      id: number
      number: number
      code: string | null
      list: string
    }>`SELECT t.id, t.number, t.code, l.name AS list FROM tasks t JOIN lists l ON l.id = t.list_id
       WHERE NOT EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.role = 'lead')`.execute(core.db)
  ).rows
  for (const t of noLead)
    problems.push({
      code: 'task_without_lead',
      message: `${taskLabel({ number: t.number, code: t.code, listName: t.list })}（「${t.list}」第${t.number}项）没有牵头单位`,
    })

  const crossPlan = (
    await sql<{
      id: number
    }>`SELECT t.id FROM tasks t JOIN lists l ON l.id = t.list_id WHERE l.plan_id <> t.plan_id`.execute(core.db)
  ).rows
  for (const t of crossPlan) problems.push({ code: 'task_list_mismatch', message: `任务 ${t.id} 所属清单与文件不一致` })

  const badMilestones = (
    await sql<{ task_id: number }>`SELECT a.task_id FROM milestones a JOIN milestones b ON a.task_id = b.task_id
       WHERE a.due_on < b.due_on AND a.planned_pct > b.planned_pct GROUP BY a.task_id`.execute(core.db)
  ).rows
  for (const m of badMilestones) problems.push({ code: 'milestone_order', message: `任务 ${m.task_id} 的节点计划进度前高后低` })

  const outsiderReports = (
    await sql<{ id: number }>`SELECT r.id FROM reports r WHERE NOT EXISTS
       (SELECT 1 FROM task_units u WHERE u.task_id = r.task_id AND u.unit_id = r.unit_id)`.execute(core.db)
  ).rows
  for (const r of outsiderReports) problems.push({ code: 'report_unit', message: `进展报送 ${r.id} 的报送单位不是该任务的牵头或配合单位` })

  const closedWithoutFinal = (
    await sql<{ id: number }>`SELECT t.id FROM tasks t WHERE t.closed_at IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM reports r WHERE r.task_id = t.id AND r.is_final = 1 AND r.status = 'approved')`.execute(core.db)
  ).rows
  for (const t of closedWithoutFinal) problems.push({ code: 'closed_without_final', message: `任务 ${t.id} 已销号但没有经审核的销号申请` })

  const files = await checkFiles(core)
  for (const sha of files.missingBlobs)
    problems.push({ code: 'file_missing', message: `佐证材料文件缺失（${sha.slice(0, 12)}…），数据目录可能被改动` })
  for (const sha of files.orphanBlobs) problems.push({ code: 'file_orphan', message: `数据目录中有未登记的文件（${sha.slice(0, 12)}…）` })

  return problems
}
