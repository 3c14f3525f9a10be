/**
 * The child of `npm run drill`: uploads evidence and saves it on a report draft, as fast as it can, and prints
 * `ACK <attachmentId> <sha256>` only after both writes have committed and the file is in the store. The parent kills it with SIGKILL at a random moment.
 */
import { createHash } from 'node:crypto'
import { openCore } from '../electron/core/app'
import { saveDraft } from '../electron/core/reports/service'
import { uploadFile } from '../electron/core/files/service'
import { createBackup, snapshotOfDb } from '../electron/core/backup/create'
import type { Ctx } from '../electron/core/context'

const [dataDir, trial] = [process.argv[2], Number(process.argv[3])]
const core = await openCore({ dataDir })
const u = await core.db.selectFrom('users').selectAll().where('username', '=', 'scjg').executeTakeFirstOrThrow()
const ctx: Ctx = {
  db: core.db,
  clock: core.clock,
  files: core.files,
  actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id },
}
const tasks = await core.db
  .selectFrom('task_units')
  .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
  .select('tasks.id')
  .where('task_units.unit_id', '=', u.unit_id!)
  .where('task_units.role', '=', 'lead')
  .where('tasks.closed_at', 'is', null)
  .execute()
process.stdout.write('READY\n')
for (let i = 0; ; i++) {
  const bytes = Buffer.from(`%PDF-1.4\n% drill ${trial} write ${i} ${process.hrtime.bigint()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)
  const sha = createHash('sha256').update(bytes).digest('hex')
  const file = await uploadFile(ctx, { name: `演练${i}.pdf`, dataBase64: bytes.toString('base64') })
  await saveDraft(ctx, { taskId: tasks[i % tasks.length].id, percent: i % 100, progress: `演练${trial}-${i}`, attachmentIds: [file.id] })
  process.stdout.write(`ACK ${file.id} ${sha}\n`)
  // backups run among the writes, as the daily one does in a running app
  if (i % 25 === 24) await createBackup({ dataDir, source: snapshotOfDb(core.db), kind: 'manual', now: new Date() })
}
