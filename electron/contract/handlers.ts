import type { Ctx } from '../core/context'
import type { Method, Output, ParsedInput } from './index'
import * as users from '../core/users/service'
import * as units from '../core/units/service'
import * as plans from '../core/plans/service'
import * as tasks from '../core/tasks/service'
import * as dashboards from '../core/dashboards/service'

export interface CallMeta {
  token: string | null
}

type Handler<M extends Method> = (ctx: Ctx, input: ParsedInput<M>, meta: CallMeta) => Promise<Output<M>> | Output<M>

/** Binds every contract name to its use case; the compiler checks that none is missing or mistyped. */
export const handlers: { [M in Method]: Handler<M> } = {
  'auth.setupStatus': (ctx) => users.setupStatus(ctx),
  'auth.setupAdmin': (ctx, input) => users.setupAdmin(ctx, input),
  'auth.login': (ctx, input) => users.login(ctx, input),
  'auth.logout': (ctx, _input, meta) => users.logout(ctx, meta.token),
  'auth.me': (ctx) => users.me(ctx),
  'users.list': (ctx) => users.listUsers(ctx),
  'units.list': (ctx) => units.listUnits(ctx),
  'plans.list': (ctx) => plans.listPlans(ctx),
  'plans.get': (ctx, input) => plans.getPlan(ctx, input),
  'plans.preview': (ctx, input) => plans.previewPlanText(ctx, input),
  'plans.importText': (ctx, input) =>
    plans.commitPlan(ctx, { draft: plans.previewPlanText(ctx, input), text: input.text, sourceName: input.sourceName }),
  'tasks.list': (ctx, input) => tasks.listTasks(ctx, input),
  'tasks.get': (ctx, input) => tasks.getTask(ctx, input),
  'tasks.update': (ctx, input) => tasks.updateTask(ctx, input),
  'dashboards.overview': (ctx, input) => dashboards.overview(ctx, input),
}
