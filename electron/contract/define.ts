import type { z } from 'zod'
import type { Role } from '../core/db/schema'

/** One call of the API: its input schema, who may call it, and (as a type only) what it returns. */
export interface CallDef<I extends z.ZodType, O> {
  input: I
  /** 'public' calls need no session (login, first-start setup) */
  roles: readonly Role[] | 'public'
  /** phantom: carries the output type to the renderer; never set at run time */
  readonly __output?: O
}

export const ALL_ROLES: readonly Role[] = ['admin', 'office', 'unit_head', 'unit_staff', 'leader']
export const OFFICE: readonly Role[] = ['admin', 'office']

export function defineCall<O>() {
  return <I extends z.ZodType>(def: { input: I; roles: readonly Role[] | 'public' }): CallDef<I, O> => def
}
