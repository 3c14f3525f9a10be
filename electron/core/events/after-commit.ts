import type { Transaction } from 'kysely'
import type { DubanEvent } from '../../contract/events'
import type { Database } from '../db/schema'
import type { Audience } from './audience'
import type { EventPublisher } from './bus'

interface Queued {
  event: DubanEvent
  audience: Audience
}

const queues = new WeakMap<Transaction<Database>, Queued[]>()

/**
 * Queues an event on the transaction that makes the change; it is published only if that transaction
 * commits. A rolled-back write tells nobody anything.
 */
export function afterCommit(trx: Transaction<Database>, event: DubanEvent, audience: Audience): void {
  const queue = queues.get(trx)
  if (!queue) throw new Error(`event ${event.name} queued outside a transaction opened by inTransaction`)
  queue.push({ event, audience })
}

/** Runs fn in a new transaction and, once it has committed, publishes what it queued (each once). */
export async function transactionThenPublish<T>(
  begin: (fn: (trx: Transaction<Database>) => Promise<T>) => Promise<T>,
  fn: (trx: Transaction<Database>) => Promise<T>,
  publisher: EventPublisher | undefined,
): Promise<T> {
  const queue: Queued[] = []
  const result = await begin((trx) => {
    queues.set(trx, queue)
    return fn(trx)
  })
  const seen = new Set<string>()
  for (const q of queue) {
    const key = JSON.stringify(q)
    if (seen.has(key)) continue
    seen.add(key)
    publisher?.publish(q.event, q.audience)
  }
  return result
}
