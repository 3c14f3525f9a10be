import { validEvent, type DubanEvent } from '../../contract/events'
import type { Actor } from '../context'
import { reaches, type Audience } from './audience'

export interface EventPublisher {
  publish(event: DubanEvent, audience: Audience): void
  /** ends the streams of a session that signed out or was revoked, at once (key: the session's token hash) */
  endSession(key: string): void
}

interface Subscriber {
  actor: Actor
  send(event: DubanEvent): void
  /** called when the bus closes (server shutdown) or the session ends, so a stream can end cleanly */
  end?(): void
  /** the session it belongs to (token hash), so signing out ends it */
  key?: string
}

/**
 * In-process fan-out of committed changes to the people connected right now (SSE streams, desktop windows).
 * Each subscriber receives only what its actor may see. Nothing is stored: a page that was offline
 * refetches what it shows when it reconnects.
 */
export class EventBus implements EventPublisher {
  private readonly subscribers = new Set<Subscriber>()

  subscribe(actor: Actor, send: (event: DubanEvent) => void, end?: () => void, key?: string): () => void {
    const s: Subscriber = { actor, send, end, key }
    this.subscribers.add(s)
    return () => void this.subscribers.delete(s)
  }

  publish(event: DubanEvent, audience: Audience): void {
    const valid = validEvent(event)
    if (!valid) {
      console.error('[duban] event does not match the contract, not sent:', event.name)
      return
    }
    for (const s of [...this.subscribers]) {
      if (!reaches(s.actor, audience)) continue
      try {
        s.send(valid)
      } catch {
        this.subscribers.delete(s) // a broken connection must not stop the others
      }
    }
  }

  endSession(key: string): void {
    for (const s of [...this.subscribers]) {
      if (s.key !== key) continue
      this.subscribers.delete(s)
      s.end?.()
    }
  }

  get size(): number {
    return this.subscribers.size
  }

  /** Ends every subscription (server shutdown). */
  close(): void {
    for (const s of [...this.subscribers]) s.end?.()
    this.subscribers.clear()
  }
}
