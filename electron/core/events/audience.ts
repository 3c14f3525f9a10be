import type { Actor } from '../context'
import type { Role } from '../db/schema'
import { canReadTask } from '../users/rules'

/**
 * Who may receive an event, decided by the same rules as reading: a task's events reach whoever may read
 * the task (office, leaders, and its lead and co-operating units), an inbox's events reach whoever owns it.
 */
export type Audience =
  | { kind: 'task'; unitIds: readonly number[] }
  | { kind: 'inbox'; to: { unitId: number } | { userId: number } | 'office' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'everyone' }

export function reaches(actor: Actor, audience: Audience): boolean {
  switch (audience.kind) {
    case 'task':
      return canReadTask(actor, audience.unitIds)
    case 'inbox': {
      const to = audience.to
      if (to === 'office') return actor.role === 'office' || actor.role === 'admin'
      if ('unitId' in to) return actor.unitId !== null && actor.unitId === to.unitId
      return actor.id === to.userId
    }
    case 'roles':
      return audience.roles.includes(actor.role)
    case 'everyone':
      return true
  }
}
