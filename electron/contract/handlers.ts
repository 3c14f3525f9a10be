import type { Ctx } from '../core/context'
import type { Method, Output, ParsedInput } from './index'
import * as users from '../core/users/service'
import { tokenHash } from '../core/users/passwords'
import * as units from '../core/units/service'
import * as plans from '../core/plans/service'
import * as tasks from '../core/tasks/service'
import * as dashboards from '../core/dashboards/service'
import * as imports from '../core/imports/service'
import { DubanError } from '../core/errors'
import { DESKTOP_CONNECTION_MESSAGE, DESKTOP_ONLY_MESSAGE, DESKTOP_PDF_MESSAGE } from './desktop'
import * as reports from '../core/reports/service'
import * as review from '../core/reports/review'
import * as files from '../core/files/service'
import * as milestones from '../core/milestones/service'
import * as bulk from '../core/tasks/bulk'
import * as reminders from '../core/reminders/service'
import { escalateDue } from '../core/reminders/escalation'
import * as inbox from '../core/inbox/service'
import * as instructions from '../core/instructions/service'
import { homeSummary } from '../core/home/service'
import * as leaderBoard from '../core/dashboards/leader'
import { exportLedger } from '../core/exporters/ledger'
import { exportBulletin, exportBulletinHtml } from '../core/exporters/bulletin'
import { exportForm } from '../core/exporters/forms/write'
import { confirmForm, previewForm } from '../core/exporters/forms/service'

export interface CallMeta {
  token: string | null
}

/** Over HTTP there is nothing to choose: the browser is already talking to this server. */
const desktopConnectionOnly = (): never => {
  throw new DubanError('desktop_only', DESKTOP_CONNECTION_MESSAGE)
}

type Handler<M extends Method> = (ctx: Ctx, input: ParsedInput<M>, meta: CallMeta) => Promise<Output<M>> | Output<M>

/** Binds every contract name to its use case; the compiler checks that none is missing or mistyped. */
export const handlers: { [M in Method]: Handler<M> } = {
  'auth.setupStatus': (ctx) => users.setupStatus(ctx),
  'auth.setupAdmin': (ctx, input) => users.setupAdmin(ctx, input),
  'auth.login': (ctx, input) => users.login(ctx, input),
  'auth.logout': async (ctx, _input, meta) => {
    const done = await users.logout(ctx, meta.token)
    if (meta.token) ctx.events?.endSession(tokenHash(meta.token)) // its open event streams end now
    return done
  },
  'auth.me': (ctx) => users.me(ctx),
  'users.list': (ctx) => users.listUsers(ctx),
  'users.leaders': (ctx) => users.listLeaders(ctx),
  'units.list': (ctx) => units.listUnits(ctx),
  'plans.list': (ctx) => plans.listPlans(ctx),
  'plans.get': (ctx, input) => plans.getPlan(ctx, input),
  'tasks.list': (ctx, input) => tasks.listTasks(ctx, input),
  'tasks.get': (ctx, input) => tasks.getTask(ctx, input),
  'tasks.update': (ctx, input) => tasks.updateTask(ctx, input),
  'dashboards.overview': (ctx, input) => dashboards.overview(ctx, input),
  'imports.previewFile': (ctx, input) => imports.previewFile(ctx, input),
  'imports.previewText': (ctx, input) => imports.previewText(ctx, input),
  'imports.commit': (ctx, input) => imports.commitImport(ctx, input),
  'files.openWithSystem': () => {
    throw new DubanError('desktop_only', DESKTOP_ONLY_MESSAGE)
  },
  'exports.bulletinPdf': () => {
    throw new DubanError('desktop_only', DESKTOP_PDF_MESSAGE)
  },
  'desktop.connection': desktopConnectionOnly,
  'desktop.useLocal': desktopConnectionOnly,
  'desktop.probeServer': desktopConnectionOnly,
  'desktop.connect': desktopConnectionOnly,
  'reports.saveDraft': (ctx, input) => reports.saveDraft(ctx, input),
  'reports.submit': (ctx, input) => reports.submitReport(ctx, input),
  'reports.review': (ctx, input) => review.reviewReport(ctx, input),
  'reports.get': (ctx, input) => reports.getReport(ctx, input),
  'reports.listForTask': (ctx, input) => reports.listTaskReports(ctx, input),
  'reports.pending': (ctx, input) => review.pendingReviews(ctx, input),
  'reports.deleteDraft': (ctx, input) => reports.deleteDraft(ctx, input),
  'files.upload': (ctx, input) => files.uploadFile(ctx, input),
  'files.read': (ctx, input) => files.readFile(ctx, input),
  'tasks.bulkAssign': (ctx, input) => bulk.bulkAssign(ctx, input),
  'milestones.applyTemplate': (ctx, input) => milestones.applyTemplate(ctx, input),
  'milestones.set': (ctx, input) => milestones.setMilestones(ctx, input),
  'reminders.notReported': (ctx, input) => reminders.notReported(ctx, input),
  'reminders.send': (ctx, input) => reminders.sendReminder(ctx, input),
  'reminders.issueNotice': (ctx, input) => reminders.issueNotice(ctx, input),
  'reminders.replyNotice': (ctx, input) => reminders.replyNotice(ctx, input),
  'reminders.list': (ctx, input) => reminders.listNotices(ctx, input),
  'reminders.escalateDue': (ctx) => escalateDue(ctx),
  'settings.setReportingDay': (ctx, input) => reminders.setReportingDay(ctx, input),
  'inbox.list': (ctx, input) => inbox.listInbox(ctx, input),
  'inbox.unreadCounts': (ctx) => inbox.unreadCounts(ctx),
  'inbox.markRead': (ctx, input) => inbox.markRead(ctx, input),
  'instructions.write': (ctx, input) => instructions.writeInstruction(ctx, input),
  'instructions.reply': (ctx, input) => instructions.replyInstruction(ctx, input),
  'instructions.list': (ctx, input) => instructions.listInstructions(ctx, input),
  'home.summary': (ctx, input) => homeSummary(ctx, input),
  'dashboards.leader': (ctx, input) => leaderBoard.leaderDashboard(ctx, input),
  'dashboards.analysis': (ctx, input) => leaderBoard.dashboardAnalysis(ctx, input),
  'exports.ledger': (ctx, input) => exportLedger(ctx, input),
  'exports.bulletin': (ctx, input) => exportBulletin(ctx, input),
  'exports.bulletinHtml': (ctx, input) => exportBulletinHtml(ctx, input),
  'forms.export': (ctx, input) => exportForm(ctx, input),
  'forms.preview': (ctx, input) => previewForm(ctx, input),
  'forms.confirm': (ctx, input) => confirmForm(ctx, input),
}
