import { z } from 'zod'

/**
 * Pushed events: named, typed and validated like calls. The core publishes them after a transaction
 * commits; the SSE stream and the desktop's IPC carry them to each signed-in person who may see them.
 * They say what changed, not the data itself: the page refetches through the ordinary (checked) calls.
 */
const id = z.number().int().positive()

export const eventSchemas = {
  /** an inbox's unread count changed: a unit's, a person's, or the office's */
  'inbox.changed': z.object({ unitId: id.optional(), userId: id.optional(), office: z.boolean().optional() }),
  /** the office's 待审核 count */
  'reports.awaitingReview': z.object({ count: z.number().int().min(0) }),
  /** a task, its assignment, milestones or reports changed; version is the task's version now */
  'task.changed': z.object({ taskId: id, version: z.number().int().min(1) }),
  /** figures may have moved: dashboards and home pages should reload */
  'dashboard.invalidated': z.object({ planId: id.nullable() }),
}

export type EventName = keyof typeof eventSchemas
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>
export type DubanEvent = { [N in EventName]: { name: N; data: EventData<N> } }[EventName]

export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[]

/** Checks an event against its schema; a malformed one is a programming error and is not sent. */
export function validEvent(e: { name: string; data: unknown }): DubanEvent | null {
  if (!Object.prototype.hasOwnProperty.call(eventSchemas, e.name)) return null
  const parsed = eventSchemas[e.name as EventName].safeParse(e.data)
  return parsed.success ? ({ name: e.name, data: parsed.data } as DubanEvent) : null
}
