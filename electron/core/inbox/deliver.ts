import type { Transaction } from 'kysely'
import type { Ctx } from '../context'
import type { Database, InboxKind } from '../db/schema'
import { inboxChanged } from '../events/changes'

export interface Delivery {
  kind: InboxKind
  /** a unit's inbox (everyone of the unit sees it), a person's, or the office's */
  to: { unitId: number } | { userId: number } | 'office'
  refId: number | null
  taskId: number | null
  title: string
  body?: string
}

/** Puts an item in an inbox, inside the caller's transaction. */
export async function deliver(trx: Transaction<Database>, ctx: Ctx, d: Delivery): Promise<void> {
  await trx
    .insertInto('inbox_items')
    .values({
      recipient_unit_id: typeof d.to === 'object' && 'unitId' in d.to ? d.to.unitId : null,
      recipient_user_id: typeof d.to === 'object' && 'userId' in d.to ? d.to.userId : null,
      to_office: d.to === 'office' ? 1 : 0,
      kind: d.kind,
      ref_id: d.refId,
      task_id: d.taskId,
      title: d.title,
      body: d.body ?? '',
      created_at: ctx.clock.now().toISOString(),
    })
    .execute()
  inboxChanged(trx, d.to)
}
