import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Ctx } from '../context'
import { transactionThenPublish } from '../events/after-commit'

/** Written inside the same transaction as the change it records. */
export async function writeAudit(
  trx: Transaction<Database>,
  ctx: Ctx,
  entry: { action: string; entity: string; entityId: number | null; before?: unknown; after?: unknown },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: ctx.clock.now().toISOString(),
      actor_id: ctx.actor && ctx.actor.id > 0 ? ctx.actor.id : null, // 0: the command line with no administrator yet
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}

/**
 * Runs a write as one transaction; an error anywhere rolls all of it back. A use case called with a
 * context already inside a transaction joins it, so a larger write (a whole Excel form) stays all-or-nothing.
 * Events queued with afterCommit are published once the outermost transaction has committed.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx.db as Transaction<Database>)
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionThenPublish((run) => ctx.db.transaction().execute(run), fn, ctx.events)
    } catch (err) {
      // PostgreSQL runs writers at once: a serialization failure or deadlock rolled everything back, so run it again
      if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err
    }
  }
}

const MAX_ATTEMPTS = 5
const isRetryable = (err: unknown) => ['40001', '40P01'].includes((err as { code?: string })?.code ?? '')
