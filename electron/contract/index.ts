import type { z } from 'zod'
import type { CallDef } from './define'
import { authCalls } from './auth'
import { planCalls } from './plans'
import { taskCalls } from './tasks'
import { importCalls } from './imports'
import { connectionCalls, desktopCalls } from './desktop'
import { reportCalls } from './reports'
import { supervisionCalls } from './supervision'
import { dashboardCalls } from './dashboards'
import { exportCalls } from './exports'
import { formCalls } from './forms'
import { securityCalls } from './security'
import { settingsCalls } from './settings'
import { peopleCalls } from './people'
import { backupCalls } from './backups'
import { matterCalls } from './matters'
import { assessmentCalls } from './assessment'
import { interviewCalls } from './interviews'

/** The whole API. Main, bridge and CLI use it at run time; the renderer imports its types only. */
export const contract = {
  ...authCalls,
  ...planCalls,
  ...taskCalls,
  ...importCalls,
  ...desktopCalls,
  ...connectionCalls,
  ...reportCalls,
  ...supervisionCalls,
  ...dashboardCalls,
  ...exportCalls,
  ...formCalls,
  ...securityCalls,
  ...settingsCalls,
  ...peopleCalls,
  ...backupCalls,
  ...matterCalls,
  ...assessmentCalls,
  ...interviewCalls,
}

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = Contract[M] extends CallDef<z.ZodType, infer O> ? O : never

export interface ApiError {
  code: string
  message: string
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError }
