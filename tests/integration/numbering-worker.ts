/**
 * One desk issuing 督办单: its own better-sqlite3 connection to the shared database file. Says "ready" once
 * open, waits for "go" on stdin (so all desks start together), issues one notice per task id given, and
 * prints the numbers it got as JSON.
 */
import { createInterface } from 'node:readline'
import { openDatabase } from '../../electron/core/db/connection'
import { fixedClock, type Actor } from '../../electron/core/context'
import { issueNotice } from '../../electron/core/reminders/service'

const [file, filesDir, username, ids] = process.argv.slice(2)
const opened = openDatabase(file)
const u = await opened.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow()
const actor: Actor = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id }
const ctx = { db: opened.db, actor, clock: fixedClock('2021-07-20'), files: { dir: filesDir } }
const lines = createInterface({ input: process.stdin })
console.log('ready')
for await (const line of lines) if (line.trim() === 'go') break
const taskIds = ids.split(',').map(Number)
const numbers = await Promise.all(
  taskIds.map((taskId) =>
    issueNotice(ctx, { taskId, issue: '进度滞后，请说明原因', requiredReply: '书面说明', replyDeadline: '2021-07-30' }).then(
      (n) => n.number,
    ),
  ),
)
console.log(JSON.stringify(numbers))
await opened.close()
process.exit(0)
