import type { Ctx } from '../core/context'
import type { Method, Output, ParsedInput } from './index'
import * as users from '../core/users/service'
import { tokenHash } from '../core/users/passwords'
import * as units from '../core/units/service'
import * as plans from '../core/plans/service'
import { setListAbbr } from '../core/plans/abbr'
import * as tasks from '../core/tasks/service'
import * as drawer from '../core/tasks/drawer'
import * as twinFlags from '../core/tasks/twinFlags'
import * as phrases from '../core/settings/phrases'
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
import * as urging from '../core/reminders/urging'
import * as noticeSteps from '../core/reminders/notices'
import { escalateDue } from '../core/reminders/escalation'
import * as inbox from '../core/inbox/service'
import * as instructions from '../core/instructions/service'
import { homeSummary } from '../core/home/service'
import * as leaderBoard from '../core/dashboards/leader'
import { exportLedger } from '../core/exporters/ledger'
import { exportBulletin, exportBulletinHtml } from '../core/exporters/bulletin'
import { exportNoticeDocx, exportNoticeHtml } from '../core/exporters/notice'
import { exportNoticeLedger } from '../core/exporters/noticeLedger'
import { exportForm } from '../core/exporters/forms/write'
import { confirmForm, previewForm } from '../core/exporters/forms/service'
import type { Caller } from '../core/security/caller'
import * as security from '../core/security/service'
import { serverInfo } from '../core/security/server-info'
import * as bureau from '../core/settings/bureau'
import { onboarding } from '../core/settings/onboarding'
import * as calendar from '../core/calendar/service'
import * as unitAdmin from '../core/units/admin'
import * as people from '../core/users/admin'
import * as roster from '../core/users/roster'
import * as backups from '../core/backup/service'
import { exportArchive } from '../core/archive/export'
import * as matters from '../core/matters/service'
import * as assignment from '../core/matters/assignment'
import * as extensions from '../core/matters/extensions'
import * as matterDetail from '../core/matters/detail'
import * as matterSettings from '../core/matters/settings'
import * as escalation from '../core/escalation/service'
import * as assessment from '../core/assessment/service'
import * as interviews from '../core/interviews/service'
import { exportAssessmentDocx, exportAssessmentXlsx } from '../core/assessment/export'
import { monthlyComparison } from '../core/assessment/monthly'

/** The session token plus what the transport knows about the caller (address, whether on this machine). */
export interface CallMeta extends Caller {
  token: string | null
}

/** Over HTTP there is nothing to choose: the browser is already talking to this server. */
const desktopConnectionOnly = (): never => {
  throw new DubanError('desktop_only', DESKTOP_CONNECTION_MESSAGE)
}

type Handler<M extends Method> = (ctx: Ctx, input: ParsedInput<M>, meta: CallMeta) => Promise<Output<M>> | Output<M>

/** Binds every contract name to its use case; the compiler checks that none is missing or mistyped. */
export const handlers: { [M in Method]: Handler<M> } = {
  'auth.setupStatus': (ctx, _input, meta) => users.setupStatus(ctx, meta),
  'auth.setupAdmin': (ctx, input, meta) => users.setupAdmin(ctx, input, meta),
  'auth.login': (ctx, input, meta) => users.login(ctx, input, meta),
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
  'plans.setListAbbr': (ctx, input) => setListAbbr(ctx, input),
  'app.clock': async (ctx) => ({ now: ctx.clock.now().toISOString(), today: ctx.clock.today(), timeZone: ctx.clock.timeZone }),
  'tasks.list': (ctx, input) => tasks.listTasks(ctx, input),
  'tasks.get': (ctx, input) => tasks.getTask(ctx, input),
  'tasks.update': (ctx, input) => tasks.updateTask(ctx, input),
  'tasks.setLink': (ctx, input) => drawer.setTaskLink(ctx, input),
  'tasks.twinDiscrepancies': (ctx, input) => twinFlags.twinDiscrepancies(ctx, input),
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
  'exports.noticePdf': () => {
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
  'reports.reviewed': (ctx, input) => review.reviewedReports(ctx, input),
  'reports.withdraw': (ctx, input) => reports.withdrawReport(ctx, input),
  'files.upload': (ctx, input) => files.uploadFile(ctx, input),
  'files.read': (ctx, input) => files.readFile(ctx, input),
  'tasks.bulkAssign': (ctx, input) => bulk.bulkAssign(ctx, input),
  'milestones.applyTemplate': (ctx, input) => milestones.applyTemplate(ctx, input),
  'milestones.set': (ctx, input) => milestones.setMilestones(ctx, input),
  'reminders.notReported': (ctx, input) => reminders.notReported(ctx, input),
  'reminders.send': (ctx, input) => urging.sendReminder(ctx, input),
  'reminders.draft': (ctx, input) => urging.draftReminder(ctx, input),
  'reminders.urges': (ctx, input) => urging.listUrges(ctx, input),
  'settings.reminder': (ctx) => urging.getReminderSettings(ctx),
  'settings.setReminder': (ctx, input) => urging.setReminderSettings(ctx, input),
  'reminders.readNotice': (ctx, input) => noticeSteps.readNotice(ctx, input),
  'reminders.decideNotice': (ctx, input) => noticeSteps.decideNotice(ctx, input),
  'reminders.issueNotice': (ctx, input) => reminders.issueNotice(ctx, input),
  'reminders.replyNotice': (ctx, input) => noticeSteps.replyNotice(ctx, input),
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
  'exports.noticeDocx': (ctx, input) => exportNoticeDocx(ctx, input),
  'exports.noticeHtml': (ctx, input) => exportNoticeHtml(ctx, input),
  'exports.noticeLedger': (ctx, input) => exportNoticeLedger(ctx, input),
  'forms.export': (ctx, input) => exportForm(ctx, input),
  'forms.preview': (ctx, input) => previewForm(ctx, input),
  'forms.confirm': (ctx, input) => confirmForm(ctx, input),
  'security.locks': (ctx) => security.listLocks(ctx),
  'security.unlock': (ctx, input) => security.unlock(ctx, input),
  'sessions.list': (ctx, _input, meta) => security.listSessions(ctx, meta.token ? tokenHash(meta.token) : null),
  'sessions.revoke': (ctx, input) => security.revokeSession(ctx, input),
  'server.info': (ctx) => serverInfo(ctx),
  'settings.bureau': (ctx) => bureau.getBureau(ctx),
  'settings.setBureau': (ctx, input) => bureau.setBureau(ctx, input),
  'settings.branding': (ctx) => bureau.branding(ctx),
  'settings.calendar': (ctx, input) => calendar.listCalendar(ctx, input),
  'settings.importCalendar': (ctx, input) => calendar.importCalendar(ctx, input),
  'settings.onboarding': (ctx) => onboarding(ctx),
  'settings.instructionPhrases': (ctx) => phrases.instructionPhrases(ctx),
  'settings.setInstructionPhrases': (ctx, input) => phrases.setInstructionPhrases(ctx, input),
  'units.create': (ctx, input) => unitAdmin.createUnit(ctx, input),
  'units.update': (ctx, input) => unitAdmin.updateUnit(ctx, input),
  'units.merge': (ctx, input) => unitAdmin.mergeUnits(ctx, input),
  'users.create': (ctx, input) => people.createPerson(ctx, input),
  'users.update': (ctx, input) => people.updatePerson(ctx, input),
  'users.resetPassword': (ctx, input) => people.resetPassword(ctx, input),
  'users.setActive': (ctx, input) => people.setActive(ctx, input),
  'users.importRoster': (ctx, input) => roster.importRoster(ctx, input),
  'users.exportRoster': (ctx) => roster.exportRoster(ctx),
  'auth.changePassword': (ctx, input, meta) => people.changePassword(ctx, input, meta.token),
  'backups.list': (ctx) => backups.listBackupsView(ctx),
  'backups.create': (ctx) => backups.backupNow(ctx),
  'backups.verify': (ctx, input) => backups.verifyBackup(ctx, input),
  'backups.restore': (ctx, input) => backups.requestRestore(ctx, input),
  'backups.cancelRestore': (ctx) => backups.cancelRestore(ctx),
  'backups.setFolder': (ctx, input) => backups.setBackupFolder(ctx, input),
  'archives.export': (ctx, input) => exportArchive(ctx, input),
  'matters.create': (ctx, input) => matters.createMatters(ctx, input),
  'matters.preview': (ctx, input) => matters.previewMatters(ctx, input),
  'matters.detail': (ctx, input) => matterDetail.matterDetail(ctx, input),
  'matters.unsigned': (ctx, input) => assignment.unsignedAssignments(ctx, input),
  'matters.settings': (ctx) => matterSettings.getMatterSettings(ctx),
  'matters.setSettings': (ctx, input) => matterSettings.setMatterSettings(ctx, input),
  'tasks.acknowledge': (ctx, input) => assignment.acknowledge(ctx, input),
  'tasks.returnAssignment': (ctx, input) => assignment.returnAssignment(ctx, input),
  'tasks.setCadence': (ctx, input) => matterDetail.setCadence(ctx, input),
  'extensions.request': (ctx, input) => extensions.requestExtension(ctx, input),
  'extensions.decide': (ctx, input) => extensions.decideExtension(ctx, input),
  'extensions.list': (ctx, input) => extensions.listExtensions(ctx, input),
  'escalation.rules': (ctx) => escalation.escalationRules(ctx),
  'escalation.setRules': (ctx, input) => escalation.setEscalationRules(ctx, input),
  'escalation.dryRun': (ctx, input) => escalation.dryRun(ctx, input),
  'escalation.run': (ctx) => escalation.runEscalation(ctx),
  'escalation.firings': (ctx, input) => escalation.listFirings(ctx, input),
  'interviews.list': (ctx, input) => interviews.listInterviews(ctx, input),
  'interviews.create': (ctx, input) => interviews.createInterview(ctx, input),
  'interviews.record': (ctx, input) => interviews.recordInterview(ctx, input),
  'interviews.rectify': (ctx, input) => interviews.rectifyInterview(ctx, input),
  'assessment.rules': (ctx) => assessment.scoringRules(ctx),
  'assessment.setRules': (ctx, input) => assessment.setScoringRules(ctx, input),
  'assessment.preview': (ctx, input) => assessment.preview(ctx, input),
  'assessment.announce': (ctx, input) => assessment.announce(ctx, input),
  'assessment.appeal': (ctx, input) => assessment.appeal(ctx, input),
  'assessment.decideAppeal': (ctx, input) => assessment.decideAppeal(ctx, input),
  'assessment.publish': (ctx, input) => assessment.publish(ctx, input),
  'assessment.result': (ctx, input) => assessment.result(ctx, input),
  'assessment.rate': (ctx, input) => assessment.rate(ctx, input),
  'assessment.exportXlsx': (ctx, input) => exportAssessmentXlsx(ctx, input),
  'assessment.exportDocx': (ctx, input) => exportAssessmentDocx(ctx, input),
  'assessment.monthly': (ctx, input) => monthlyComparison(ctx, input),
}
